/// Approval readiness of a segment (SPEC §3.7).
public enum Readiness: String, Sendable, Hashable, Comparable {
    case approved
    case readyForSignOff = "ready for sign-off"
    case blocked

    var rank: Int {
        switch self {
        case .approved: 0
        case .readyForSignOff: 1
        case .blocked: 2
        }
    }

    public static func < (a: Readiness, b: Readiness) -> Bool { a.rank < b.rank }
}

/// The approval packet's verdict: readiness, every reason, and the sign-off table.
public struct ApprovalPacket: Sendable {
    /// Something that stops sign-off; each names what it is about.
    public enum Blocker: Sendable, Hashable {
        case briefErrors(count: Int)
        /// A pod whose SLA status is breach.
        case slaBreach(pod: String)
        case dependencyNotReady(dependency: String, due: CalendarDate?)
        case rejected(role: String, name: String?)
    }

    /// What informs but does not block.
    public enum Note: Sendable, Hashable {
        case warnings(count: Int)
        /// A pod whose SLA status is at risk.
        case slaAtRisk(pod: String)
        case overdueItems(count: Int)
        case awaitingSignOff(roles: [String])
    }

    public var readiness: Readiness
    public var blockers: [Blocker]
    public var notes: [Note]
    public var approvals: [Brief.Approval]
    /// True when the brief listed no approvers and the default ones were used.
    public var usesDefaultApprovers: Bool

    public var approvedCount: Int { approvals.filter { $0.status == .approved }.count }

    public static func plan(
        _ brief: Brief, findings: [Finding], sla: SLAModel, tooling: ToolingChecklist, kit: EnablementKit
    ) -> ApprovalPacket {
        let defaults = brief.approvals.isEmpty
        let approvals =
            defaults
            ? ["RevOps Director", "VP Sales"].map {
                Brief.Approval(role: $0, name: nil, status: .pending, date: nil, location: brief.segmentLocation)
            } : brief.approvals
        var blockers: [Blocker] = []
        let errors = findings.errors.count
        if errors > 0 { blockers.append(.briefErrors(count: errors)) }
        // Worst pods first, so the first blocker names the pod furthest from its target.
        let byStatus = sla.pods.sorted { ($0.status, $1.simulated.attainment) > ($1.status, $0.simulated.attainment) }
        for pod in byStatus where pod.status == .breach { blockers.append(.slaBreach(pod: pod.name)) }
        for dep in tooling.blockingDependencies { blockers.append(.dependencyNotReady(dependency: dep.name, due: dep.due)) }
        for a in approvals where a.status == .rejected { blockers.append(.rejected(role: a.role, name: a.name)) }
        var notes: [Note] = []
        let warnings = findings.warnings.count
        if warnings > 0 { notes.append(.warnings(count: warnings)) }
        for pod in byStatus where pod.status == .atRisk { notes.append(.slaAtRisk(pod: pod.name)) }
        if !kit.overdue.isEmpty { notes.append(.overdueItems(count: kit.overdue.count)) }
        let pending = approvals.filter { $0.status == .pending }
        if !pending.isEmpty { notes.append(.awaitingSignOff(roles: pending.map(\.role))) }
        let readiness: Readiness =
            !blockers.isEmpty ? .blocked : approvals.allSatisfy { $0.status == .approved } ? .approved : .readyForSignOff
        return ApprovalPacket(
            readiness: readiness, blockers: blockers, notes: notes, approvals: approvals, usesDefaultApprovers: defaults)
    }
}
