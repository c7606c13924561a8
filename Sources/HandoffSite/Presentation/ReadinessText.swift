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
        case .staleDecision(let role, let name, let version):
            let decision = plan.approval.signOffs.first { $0.approval.role == role && $0.version == version }
            let changed =
                decision?.changesSince.map { "\($0.count) planning input\($0.count == 1 ? " has" : "s have") changed since" }
                ?? "the brief has changed since"
            return
                "\(who(role, name)) \(decision?.approval.status.rawValue ?? "decided on") version \(version); \(changed), so the decision is needed again on \(plan.version)"
        case .unplacedDecision(let role, let name):
            return
                "\(who(role, name))'s approval cannot be tied to a version: if it was given on this one, add 'version: \(plan.version)' to it"
        }
    }

    static func who(_ role: String, _ name: String?) -> String { role + (name.map { " (\($0))" } ?? "") }

    /// Why a segment needs re-approval and what to do, for the verdict at the top of its page.
    static func reApproval(_ plan: HandoffPlan) -> (why: String, fix: String) {
        let list = Format.list(plan.approval.staleSignOffs.map(\.approval.role))
        return (
            "the brief changed after \(list) signed off",
            "ask \(list) to approve version \(plan.version), and record it with 'version: \(plan.version)' on each approval"
        )
    }

    /// Blockers first, then notes.
    static func reasons(_ plan: HandoffPlan) -> [String] {
        plan.approval.blockers.map { blocker($0, plan: plan) } + plan.approval.notes.map { note($0, plan: plan) }
    }
}
