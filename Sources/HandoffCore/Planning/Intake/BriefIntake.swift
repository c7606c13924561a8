/// Brief intake (SPEC §3.1): confirms funnel stages, qualification criteria and the scoring
/// threshold are present and consistent, and checks dates against launch.
public enum BriefIntake {
    public static func check(_ brief: Brief) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let top = brief.segmentLocation
        if brief.funnel.isEmpty { findings.append(.error("the funnel has no stages; define at least MQL and SQL", at: top)) }
        if brief.qualification.isEmpty {
            findings.append(.error("no qualification criteria; list what makes a lead sales-ready", at: top))
        }
        if brief.routing.isEmpty { findings.append(.error("no routing rules; every lead needs an owner", at: top)) }
        if let scoring = brief.scoring {
            if scoring.threshold == nil {
                findings.append(.warning("scoring has no threshold; handoff cannot tell when a lead is ready", at: scoring.location))
            }
        }
        if let launch = brief.launch {
            for dep in brief.dependencies {
                if let due = dep.due, due > launch {
                    findings.append(.warning("dependency '\(dep.name)' is due \(due), after launch on \(launch)", at: dep.location))
                }
            }
        }
        if brief.pods.isEmpty {
            findings.append(.warning("no pods defined; SLA capacity cannot be modelled", at: top))
        }
        for approval in brief.approvals where approval.status != .pending && approval.date == nil {
            findings.append(.warning("\(approval.role) is \(approval.status.rawValue) without a date", at: approval.location))
        }
        return findings
    }

    /// Segment slugs must be unique across briefs: one error per later duplicate.
    public static func checkUniqueSegments(_ briefs: [Brief]) -> [Diagnostic] {
        var first: [String: Brief] = [:]
        var findings: [Diagnostic] = []
        for brief in briefs.sorted(by: { $0.file < $1.file }) {
            if let earlier = first[brief.segment] {
                findings.append(
                    .error("segment '\(brief.segment)' is already used by \(earlier.file)", at: brief.segmentLocation))
            } else {
                first[brief.segment] = brief
            }
        }
        return findings
    }
}
