/// The escalation tree (SPEC §3.4): from the assigned rep, through reassignment within the pod,
/// up the ladder one level at a time to Sales and Marketing leadership.
public struct EscalationLadder: Sendable {
    /// One level of the tree.
    public struct Level: Sendable, Hashable {
        public var number: Int
        public var owner: String
        public var trigger: String
        public var action: String
        public var substitute: String
    }

    public var levels: [Level]
    public var retryLimit: Int
    public var trigger: Brief.EscalationTrigger

    public static func plan(_ brief: Brief) -> EscalationLadder {
        let e = brief.escalation
        let sla = "\(brief.responseSLA) (\(brief.slaClock.rawValue) clock)"
        var levels = [
            Level(
                number: 0, owner: "Assigned rep", trigger: "lead routed and assigned",
                action: "first touch within \(sla)", substitute: "next available rep in the pod (out-of-office re-route)"),
            Level(
                number: 1, owner: "Pod lead", trigger: "first-touch SLA missed",
                action: "reassign within the pod, at most \(e.retryLimit) time\(e.retryLimit == 1 ? "" : "s")",
                substitute: "next pod in the routing rule, or the first ladder role"),
        ]
        for (i, role) in e.ladder.enumerated() {
            let isTop = i == e.ladder.count - 1
            let trigger =
                i == 0
                ? "\(e.trigger) (or a routing failure), or retries exhausted"
                : "not resolved at level \(i + 1) within \(e.trigger.window)"
            let action =
                isTop
                ? "Sales and Marketing leadership review: change staffing, hours or the SLA"
                : "review the breaches, rebalance capacity, fix routing"
            let substitute =
                e.fallbacks.first { $0.role == role }?.coveredBy
                ?? (isTop ? "CMO (Marketing leadership)" : "\(e.ladder[i + 1]) (next level)")
            levels.append(Level(number: i + 2, owner: role, trigger: trigger, action: action, substitute: substitute))
        }
        return EscalationLadder(levels: levels, retryLimit: e.retryLimit, trigger: e.trigger)
    }
}
