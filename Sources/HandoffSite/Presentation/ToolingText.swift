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
        case .mqlAt: "mql_at"
        case .syncedAt: "synced_at"
        case .acceptedAt: "accepted_at"
        case .rejectedReason: "rejected_reason"
        case .recycledAt: "recycled_at"
        case .deliveryTimer: "MQL delivery timer"
        case .acceptanceTimer: "Accept-or-reject timer"
        case .recycleToNurture: "Recycle to nurture"
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
        case .mqlAt: "starts marketing's delivery clock (the form fill)"
        case .syncedAt: "stops it: the MQL is in the CRM, enriched and scored"
        case .acceptedAt: "stops sales' accept-or-reject clock"
        case .rejectedReason(let reasons):
            reasons.isEmpty ? "why sales rejected the lead" : "one of: " + reasons.joined(separator: ", ")
        case .recycledAt: "when an untouched lead went back to nurture"
        case .deliveryTimer(let sla): "alerts marketing when an MQL is not in the CRM within \(sla)"
        case .acceptanceTimer(let sla, let clock): "escalates a lead not accepted or rejected within \(sla) (\(clock.rawValue) clock)"
        case .recycleToNurture(let after): "returns leads untouched after \(after) to nurture and reports them to marketing"
        }
    }
}
