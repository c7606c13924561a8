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

    public var slug: String {
        switch self {
        case .approved: "approved"
        case .readyForSignOff: "ready"
        case .blocked: "blocked"
        }
    }
}

/// The approval packet's verdict: readiness, every reason, and the sign-off table.
public struct ApprovalPacket: Sendable {
    /// Something that stops sign-off.
    public struct Blocker: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case errors, slaBreach, dependency, rejection }
        public var kind: Kind
        public var text: String
    }

    public var readiness: Readiness
    public var blockers: [Blocker]
    /// What informs but does not block: warnings, an SLA at risk, overdue items, pending sign-off.
    public var notes: [String]
    public var approvals: [Brief.Approval]
    /// True when the brief listed no approvers and the default ones were used.
    public var usesDefaultApprovers: Bool

    /// Blockers first, then notes.
    public var reasons: [String] { blockers.map(\.text) + notes }

    public var approvedCount: Int { approvals.filter { $0.status == .approved }.count }

    public static func plan(
        _ brief: Brief, findings: [Diagnostic], sla: SLAModel, tooling: ToolingChecklist, kit: EnablementKit
    ) -> ApprovalPacket {
        let defaults = brief.approvals.isEmpty
        let approvals =
            defaults
            ? ["RevOps Director", "VP Sales"].map {
                Brief.Approval(role: $0, name: nil, status: .pending, date: nil, location: brief.segmentLocation)
            } : brief.approvals
        var blockers: [Blocker] = []
        let errors = findings.errors.count
        if errors > 0 { blockers.append(Blocker(kind: .errors, text: "\(errors) error\(errors == 1 ? "" : "s") in the brief")) }
        if sla.status == .breach {
            blockers.append(Blocker(kind: .slaBreach, text: "SLA breach: " + (sla.reasons.first ?? "a pod cannot meet the SLA")))
        }
        for dep in tooling.blockingDependencies {
            let when = dep.due.map { "due \($0)" } ?? "no due date"
            blockers.append(Blocker(kind: .dependency, text: "dependency not ready by launch: \(dep.name) (\(when))"))
        }
        for a in approvals where a.status == .rejected {
            blockers.append(Blocker(kind: .rejection, text: "rejected by \(a.role)\(a.name.map { " (\($0))" } ?? "")"))
        }
        var notes: [String] = []
        let warnings = findings.warnings.count
        if warnings > 0 { notes.append("\(warnings) warning\(warnings == 1 ? "" : "s") to review") }
        if sla.status == .atRisk { notes.append("SLA at risk: " + (sla.reasons.first ?? "")) }
        if !kit.overdue.isEmpty { notes.append("\(kit.overdue.count) enablement item\(kit.overdue.count == 1 ? "" : "s") overdue") }
        let pending = approvals.filter { $0.status == .pending }
        if !pending.isEmpty { notes.append("awaiting sign-off: \(pending.map(\.role).joined(separator: ", "))") }
        let readiness: Readiness =
            !blockers.isEmpty ? .blocked : approvals.allSatisfy { $0.status == .approved } ? .approved : .readyForSignOff
        return ApprovalPacket(
            readiness: readiness, blockers: blockers, notes: notes, approvals: approvals, usesDefaultApprovers: defaults)
    }
}
