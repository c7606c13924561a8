/// The third pass over a brief: names that must refer to something the brief defines, checked
/// among the parts that decoded even when other parts have errors, so one run reports them with
/// the syntax and schema errors. A reference into a damaged section is not checked: the thing it
/// names may be on the broken line.
enum BriefCrossReferences {
    /// Names a section defines: read from every item, and those a line the parser could not
    /// read may have held (a reference to one of those is not reported).
    struct Names {
        var defined: [String]
        var maybe: [String]

        func lacks(_ name: String) -> Bool { !defined.contains(name) && !maybe.contains(name) }
    }

    /// The decoded parts, and the pod names the brief defines (nil: unknown, a section is lost).
    struct Parts {
        var funnel: [Brief.FunnelStage]
        var pods: [Brief.Pod]
        var podNames: Names?
        var routing: [Brief.RoutingRule]
        var enablement: [Brief.EnablementItem]
        /// The brief's `fields`, when it lists them and the list decoded.
        var fields: [String]?
    }

    static func check(_ parts: Parts) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        duplicates(parts.funnel.map { ($0.stage.lowercased(), $0.stage, $0.location) }, "funnel stage", &findings)
        duplicates(parts.pods.map { ($0.name, $0.name, $0.location) }, "pod", &findings)
        duplicates(parts.routing.map { ($0.name, $0.name, $0.location) }, "routing rule", &findings)
        if let names = parts.podNames {
            for item in parts.enablement {
                for pod in item.pods ?? [] where names.lacks(pod) {
                    findings.append(
                        .error(
                            "enablement item '\(item.asset)' names pod '\(pod)', which 'pods' does not define\(DidYouMean.hint(for: pod, among: names.defined))",
                            at: item.location))
                }
            }
        }
        for rule in parts.routing {
            if let fields = parts.fields {
                // A field the CRM does not have makes a rule that never fires there (SPEC §3.2).
                for field in rule.condition.fields where !fields.contains(field) {
                    findings.append(
                        .error(
                            "routing rule '\(rule.name)' reads field '\(field)', which 'fields' does not list\(DidYouMean.hint(for: field, among: fields))",
                            at: rule.whenLocation ?? rule.location))
                }
            }
            if let names = parts.podNames {
                for pod in rule.assignment.pods where names.lacks(pod) {
                    findings.append(
                        .error(
                            "routing rule '\(rule.name)' names pod '\(pod)', which 'pods' does not define\(DidYouMean.hint(for: pod, among: names.defined))",
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
