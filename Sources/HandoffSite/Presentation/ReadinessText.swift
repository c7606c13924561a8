import HandoffCore

/// The words for readiness blockers and notes; each names what it is about.
enum ReadinessText {
    static func blocker(_ blocker: ApprovalPacket.Blocker, plan: HandoffPlan) -> String {
        switch blocker {
        case .briefErrors(let n): return "\(n) error\(n == 1 ? "" : "s") in the brief"
        case .slaBreach(let pod):
            let reason = plan.sla.pods.first { $0.name == pod }?.reasons.first.map(SLAText.reason)
            return "SLA breach: " + (reason ?? "\(pod) cannot meet the SLA")
        case .dependencyNotReady(let name, let due):
            return "dependency not ready by launch: \(name) (\(due.map { "due \($0)" } ?? "no due date"))"
        case .rejected(let role, let name): return "rejected by \(role)\(name.map { " (\($0))" } ?? "")"
        }
    }

    static func note(_ note: ApprovalPacket.Note, plan: HandoffPlan) -> String {
        switch note {
        case .warnings(let n): return "\(n) warning\(n == 1 ? "" : "s") to review"
        case .slaAtRisk(let pod):
            let reason = plan.sla.pods.first { $0.name == pod }?.reasons.first.map(SLAText.reason)
            return "SLA at risk: " + (reason ?? pod)
        case .overdueItems(let n): return "\(n) enablement item\(n == 1 ? "" : "s") overdue"
        case .awaitingSignOff(let roles): return "awaiting sign-off: \(roles.joined(separator: ", "))"
        }
    }

    /// Blockers first, then notes.
    static func reasons(_ plan: HandoffPlan) -> [String] {
        plan.approval.blockers.map { blocker($0, plan: plan) } + plan.approval.notes.map { note($0, plan: plan) }
    }
}
