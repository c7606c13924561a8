import HandoffCore

/// The names and purposes of the data and tooling checklist's lines.
enum ToolingText {
    static func name(_ r: ToolingChecklist.Requirement) -> String {
        switch r {
        case .enrichmentField(let field): field
        case .leadScore: "lead_score"
        case .assignedAt: "assigned_at"
        case .firstTouchAt: "first_touch_at"
        case .automationToCRMSync: "Marketing automation → CRM sync"
        case .enrichmentProvider: "Enrichment provider"
        case .engagementSequences: "Sales engagement sequences"
        case .assignmentRule: "Assignment rule"
        case .slaTimer: "SLA timer"
        case .breachAlert: "Breach alert"
        case .escalation: "Escalation"
        case .outOfOfficeReroute: "Out-of-office re-route"
        case .routingDashboard: "Routing and SLA dashboard"
        case .otherDependency(let name, _): name
        }
    }

    static func purpose(_ r: ToolingChecklist.Requirement) -> String {
        switch r {
        case .enrichmentField: "routing condition and enrichment"
        case .leadScore(let model, let threshold):
            "\(model ?? "lead score") with threshold \(threshold.map { Format.number($0) } ?? "unset")"
        case .assignedAt: "starts the SLA timer"
        case .firstTouchAt: "stops the SLA timer"
        case .automationToCRMSync: "hands MQLs to the CRM with score and source"
        case .enrichmentProvider: "fills the routing fields before assignment"
        case .engagementSequences: "first-touch email and call cadence"
        case .assignmentRule: "applies the routing matrix in order"
        case .slaTimer(let sla, let clock): "counts \(sla) on the \(clock.rawValue) clock"
        case .breachAlert: "alerts the pod lead on a missed first touch"
        case .escalation(let trigger, let first): "\(trigger) → \(first ?? "ladder")"
        case .outOfOfficeReroute: "skips reps who are away"
        case .routingDashboard: "attainment, breaches and backlog by pod"
        case .otherDependency(_, let kind): kind?.rawValue ?? "dependency"
        }
    }
}
