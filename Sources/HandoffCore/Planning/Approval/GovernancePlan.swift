/// The governance block of the packet (SPEC §3.7): how often the design is reviewed, whether
/// the next review has passed, whose approval a change needs and who holds each role.
public struct GovernancePlan: Sendable, Hashable {
    /// A role whose approval a change needs.
    public struct ChangeApprover: Sendable, Hashable {
        public var role: String
        /// The person `owners` names for the role.
        public var person: String?
        /// Whether the brief's approvals have a line for the role (the packet adds a pending
        /// one when they do not).
        public var hasSignOffLine: Bool
    }

    public var review: Brief.Governance.Cadence?
    public var nextReview: CalendarDate?
    /// The next review date is before the build date.
    public var reviewOverdue: Bool
    public var changeApprovers: [ChangeApprover]
    public var owners: [Brief.Governance.Owner]

    /// Nil when the brief has no `governance`.
    public static func plan(_ brief: Brief, asOf: CalendarDate, findings: inout [Finding]) -> GovernancePlan? {
        guard let g = brief.governance else { return nil }
        let overdue = g.nextReview.map { $0 < asOf } ?? false
        if overdue, let date = g.nextReview {
            findings.append(.warning(.reviewOverdue(nextReview: date), at: g.nextReviewLocation ?? g.location))
        }
        let approvers = g.changeApprovers.map { role in
            ChangeApprover(
                role: role, person: g.person(for: role),
                hasSignOffLine: brief.approvals.contains { $0.role == role })
        }
        for a in approvers where !a.hasSignOffLine && !brief.approvals.isEmpty {
            findings.append(.warning(.changeApproverWithoutSignOff(role: a.role), at: g.changeApproversLocation ?? g.location))
        }
        return GovernancePlan(
            review: g.review, nextReview: g.nextReview, reviewOverdue: overdue, changeApprovers: approvers, owners: g.owners)
    }
}
