/// The escalation tree (SPEC §3.4): from the assigned rep, through reassignment within the pod,
/// up the ladder one level at a time to Sales and Marketing leadership.
public struct EscalationLadder: Sendable {
    /// Who owns a level.
    public enum Owner: Sendable, Hashable {
        case assignedRep
        case podLead
        /// A role of the brief's ladder.
        case role(String)
    }

    /// What moves a lead to a level.
    public enum Trigger: Sendable, Hashable {
        case assigned
        case firstTouchMissed
        /// The brief's trigger (or a routing failure), or retries exhausted.
        case breaches(Brief.EscalationTrigger)
        /// Not resolved at the level below within the trigger's window.
        case unresolved(belowLevel: Int, within: ResponseDuration)
    }

    /// What the level's owner does.
    public enum Action: Sendable, Hashable {
        case firstTouch(within: ResponseDuration, clock: Brief.SLAClock)
        case reassignWithinPod(atMost: Int)
        case reviewAndRebalance
        case leadershipReview
    }

    /// Who stands in when the owner is unavailable.
    public enum Substitute: Sendable, Hashable {
        case nextAvailableRep
        case nextPodOrFirstRole
        /// A fallback the brief names for this role.
        case named(String)
        case nextLevel(role: String)
        case marketingLeadership
    }

    /// One level of the tree.
    public struct Level: Sendable, Hashable {
        public var number: Int
        public var owner: Owner
        public var trigger: Trigger
        public var action: Action
        public var substitute: Substitute
    }

    /// With `acceptance` (SPEC §3.4): what happens to a lead sales neither accepts nor rejects
    /// in time, and to one nobody touches.
    public struct AcceptanceRoutes: Sendable, Hashable {
        /// Undecided after this time on the brief's clock: escalated, starting at `escalatesTo`.
        public var undecidedAfter: ResponseDuration?
        public var clock: Brief.SLAClock
        public var escalatesTo: String?
        /// Untouched after this time: back to marketing nurture, and reported to marketing.
        public var recycleAfter: ResponseDuration?
    }

    public var levels: [Level]
    public var retryLimit: Int
    public var trigger: Brief.EscalationTrigger
    public var acceptance: AcceptanceRoutes?

    public static func plan(_ brief: Brief) -> EscalationLadder {
        let e = brief.escalation
        var levels = [
            Level(
                number: 0, owner: .assignedRep, trigger: .assigned, action: .firstTouch(within: brief.responseSLA, clock: brief.slaClock),
                substitute: .nextAvailableRep),
            Level(
                number: 1, owner: .podLead, trigger: .firstTouchMissed, action: .reassignWithinPod(atMost: e.retryLimit),
                substitute: .nextPodOrFirstRole),
        ]
        for (i, role) in e.ladder.enumerated() {
            let isTop = i == e.ladder.count - 1
            let substitute: Substitute =
                e.fallbacks.first { $0.role == role }.map { .named($0.coveredBy) }
                ?? (isTop ? .marketingLeadership : .nextLevel(role: e.ladder[i + 1]))
            levels.append(
                Level(
                    number: i + 2, owner: .role(role),
                    trigger: i == 0 ? .breaches(e.trigger) : .unresolved(belowLevel: i + 1, within: e.trigger.window),
                    action: isTop ? .leadershipReview : .reviewAndRebalance, substitute: substitute))
        }
        let acceptance = brief.acceptance.map {
            AcceptanceRoutes(
                undecidedAfter: $0.acceptSLA, clock: brief.slaClock, escalatesTo: e.ladder.first, recycleAfter: $0.recycleAfter)
        }
        return EscalationLadder(levels: levels, retryLimit: e.retryLimit, trigger: e.trigger, acceptance: acceptance)
    }
}
