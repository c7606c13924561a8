/// The third pass over a brief: names that must refer to something the brief defines, checked
/// among the parts that decoded even when other parts have errors, so one run reports them with
/// the syntax and schema errors. A reference into a damaged section is not checked: the thing it
/// names may be on the broken line.
enum BriefCrossReferences {
    /// The decoded parts, and whether the pods section decoded whole.
    struct Parts {
        var funnel: [Brief.FunnelStage]
        var pods: [Brief.Pod]
        var podsComplete: Bool
        var routing: [Brief.RoutingRule]
        var enablement: [Brief.EnablementItem]
    }

    static func check(_ parts: Parts) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        duplicates(parts.funnel.map { ($0.stage.lowercased(), $0.stage, $0.location) }, "funnel stage", &findings)
        duplicates(parts.pods.map { ($0.name, $0.name, $0.location) }, "pod", &findings)
        duplicates(parts.routing.map { ($0.name, $0.name, $0.location) }, "routing rule", &findings)
        let names = parts.pods.map(\.name)
        if parts.podsComplete {
            for item in parts.enablement {
                for pod in item.pods ?? [] where !names.contains(pod) {
                    findings.append(
                        .error(
                            "enablement item '\(item.asset)' names pod '\(pod)', which 'pods' does not define\(DidYouMean.hint(for: pod, among: names))",
                            at: item.location))
                }
            }
        }
        for rule in parts.routing {
            if parts.podsComplete {
                for pod in rule.assignment.pods where !names.contains(pod) {
                    findings.append(
                        .error(
                            "routing rule '\(rule.name)' names pod '\(pod)', which 'pods' does not define\(DidYouMean.hint(for: pod, among: names))",
                            at: rule.podLocation ?? rule.assignLocation))
                }
            }
            guard let weights = rule.weights, let location = rule.weightsLocation else { continue }
            guard case .roundRobin(let pods) = rule.assignment else {
                findings.append(.warning("'weights' only applies to round-robin; it is ignored here", at: location))
                continue
            }
            let total = weights.reduce(0) { $0 + $1.share.basisPoints }
            if total != 10_000 {
                findings.append(.error("weights of rule '\(rule.name)' sum to \(Percent(basisPoints: total)), not 100%", at: location))
            }
            for w in weights where !pods.contains(w.pod) {
                findings.append(.error("weight names '\(w.pod)', which is not in this rule's round-robin", at: location))
            }
            for pod in pods where !weights.contains(where: { $0.pod == pod }) {
                findings.append(.error("round-robin pod '\(pod)' has no weight", at: location))
            }
        }
        return findings
    }

    /// One error per later item whose key repeats an earlier one.
    static func duplicates(_ items: [(key: String, name: String, location: SourceLocation)], _ what: String, _ findings: inout [Diagnostic])
    {
        var first: [String: SourceLocation] = [:]
        for item in items {
            if let earlier = first[item.key] {
                findings.append(.error("\(what) '\(item.name)' is defined twice (first at line \(earlier.line))", at: item.location))
            } else {
                first[item.key] = item.location
            }
        }
    }
}
