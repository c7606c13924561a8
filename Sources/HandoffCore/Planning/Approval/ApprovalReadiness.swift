/// Approval readiness of a segment (SPEC §3.7).
public enum Readiness: String, Sendable, Hashable, Comparable {
    case approved
    case readyForSignOff = "ready for sign-off"
    /// A decision was made on an earlier version.
    case needsReApproval = "needs re-approval"
    case blocked

    var rank: Int {
        switch self {
        case .approved: 0
        case .readyForSignOff: 1
        case .needsReApproval: 2
        case .blocked: 3
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
        /// A decision on an earlier version: it must be made again on this one.
        case staleDecision(role: String, name: String?, version: String)
        /// A decision no record can tie to a version.
        case unplacedDecision(role: String, name: String?)
    }

    public var readiness: Readiness
    public var blockers: [Blocker]
    public var notes: [Note]
    /// Each approver's decision, bound to the version it was made on.
    public var signOffs: [SignOff]
    /// The version being signed: the first 8 hex digits of the inputs digest.
    public var version: String
    /// True when the brief listed no approvers and the default ones were used.
    public var usesDefaultApprovers: Bool

    public var approvals: [Brief.Approval] { signOffs.map(\.approval) }
    /// Approvals that count for this version.
    public var approvedCount: Int { signOffs.filter { $0.approval.status == .approved && $0.isCurrent }.count }
    public var staleSignOffs: [SignOff] { signOffs.filter(\.isStale) }

    /// Brief approvers' default when it lists none.
    /// The sign-off lines: the brief's approvals (named from governance's owners when they
    /// name no one), then a pending line for each role governance says a change needs and the
    /// approvals leave out. Without either, RevOps Director and VP
    /// Sales.
    public static func approvers(of brief: Brief) -> [Brief.Approval] {
        let g = brief.governance
        let required = g?.changeApprovers ?? []
        let roles = brief.approvals.isEmpty && required.isEmpty ? ["RevOps Director", "VP Sales"] : required
        let location = g?.changeApproversLocation ?? brief.segmentLocation
        // A line without a name takes the person governance says holds the role.
        let named = brief.approvals.map { a in
            var a = a
            if a.name == nil { a.name = g?.person(for: a.role) }
            return a
        }
        return named
            + roles.filter { role in !brief.approvals.contains { $0.role == role } }.map { role in
                Brief.Approval(
                    role: role, name: g?.person(for: role), status: .pending, date: nil, location: location)
            }
    }

    public static func plan(
        _ brief: Brief, findings: [Finding], sla: SLAModel, tooling: ToolingChecklist, kit: EnablementKit,
        signOffs: [SignOff], version: String
    ) -> ApprovalPacket {
        let defaults = brief.approvals.isEmpty && (brief.governance?.changeApprovers ?? []).isEmpty
        let approvals = signOffs.map(\.approval)
        var blockers: [Blocker] = []
        let errors = findings.errors.count
        if errors > 0 { blockers.append(.briefErrors(count: errors)) }
        // Worst pods first, so the first blocker names the pod furthest from its target.
        let byStatus = sla.pods.sorted { ($0.status, $1.simulated.attainment) > ($1.status, $0.simulated.attainment) }
        for pod in byStatus where pod.status == .breach { blockers.append(.slaBreach(pod: pod.name)) }
        for dep in tooling.blockingDependencies { blockers.append(.dependencyNotReady(dependency: dep.name, due: dep.due)) }
        // A rejection of an earlier version no longer blocks: the change may answer it.
        for s in signOffs where s.approval.status == .rejected && !s.isStale {
            blockers.append(.rejected(role: s.approval.role, name: s.approval.name))
        }
        var notes: [Note] = []
        let warnings = findings.warnings.count
        if warnings > 0 { notes.append(.warnings(count: warnings)) }
        for pod in byStatus where pod.status == .atRisk { notes.append(.slaAtRisk(pod: pod.name)) }
        if !kit.overdue.isEmpty { notes.append(.overdueItems(count: kit.overdue.count)) }
        let pending = approvals.filter { $0.status == .pending }
        if !pending.isEmpty { notes.append(.awaitingSignOff(roles: pending.map(\.role))) }
        var reApproval = false
        for s in signOffs {
            let a = s.approval
            if s.isStale, let version = s.version {
                notes.append(.staleDecision(role: a.role, name: a.name, version: version))
                reApproval = true
            } else if s.isUnplacedApproval {
                // Not known to be of an earlier version: it does not count until it names its
                // version, and nothing is re-approved.
                notes.append(.unplacedDecision(role: a.role, name: a.name))
            }
        }
        let readiness: Readiness =
            !blockers.isEmpty
            ? .blocked
            : reApproval
                ? .needsReApproval
                : signOffs.allSatisfy { $0.approval.status == .approved && $0.isCurrent } ? .approved : .readyForSignOff
        return ApprovalPacket(
            readiness: readiness, blockers: blockers, notes: notes, signOffs: signOffs, version: version,
            usesDefaultApprovers: defaults)
    }
}
