import HandoffCore

/// The words for the escalation tree's levels.
enum EscalationText {
    static func owner(_ o: EscalationLadder.Owner) -> String {
        switch o {
        case .assignedRep: "Assigned rep"
        case .podLead: "Pod lead"
        case .role(let role): role
        }
    }

    static func trigger(_ t: EscalationLadder.Trigger) -> String {
        switch t {
        case .assigned: "lead routed and assigned"
        case .firstTouchMissed: "first-touch SLA missed"
        case .breaches(let trigger): "\(trigger) (or a routing failure), or retries exhausted"
        case .unresolved(let level, let window): "not resolved at level \(level) within \(window)"
        }
    }

    static func action(_ a: EscalationLadder.Action) -> String {
        switch a {
        case .firstTouch(let sla, let clock): "first touch within \(sla) (\(clock.rawValue) clock)"
        case .reassignWithinPod(let n): "reassign within the pod, at most \(n) time\(n == 1 ? "" : "s")"
        case .reviewAndRebalance: "review the breaches, rebalance capacity, fix routing"
        case .leadershipReview: "Sales and Marketing leadership review: change staffing, hours or the SLA"
        }
    }

    static func substitute(_ s: EscalationLadder.Substitute) -> String {
        switch s {
        case .nextAvailableRep: "next available rep in the pod (out-of-office re-route)"
        case .nextPodOrFirstRole: "next pod in the routing rule, or the first ladder role"
        case .named(let who): who
        case .nextLevel(let role): "\(role) (next level)"
        case .marketingLeadership: "CMO (Marketing leadership)"
        }
    }
}
