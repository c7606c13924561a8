/// The plan's pattern (SPEC §3.7): a straight pipeline, or a diamond where routing and
/// enablement run in parallel and meet at a gate before approvals.
public enum PlanPattern: String, Sendable, Hashable {
    case pipeline
    case diamond

    /// `auto` picks diamond when every enablement item names its pods, so the kit does not
    /// wait on the routing result.
    public static func choose(_ choice: Brief.PatternChoice, kit: EnablementKit) -> PlanPattern {
        switch choice {
        case .pipeline: .pipeline
        case .diamond: .diamond
        case .auto: kit.everyItemNamesPods ? .diamond : .pipeline
        }
    }

    /// The stages in order, each a list of steps run together.
    public var stages: [[String]] {
        switch self {
        case .pipeline: [["Brief intake"], ["Routing blueprint"], ["SLA model"], ["Enablement kit"], ["Approvals"]]
        case .diamond: [["Brief intake"], ["Routing blueprint", "Enablement kit"], ["SLA model"], ["Merge gate"], ["Approvals"]]
        }
    }
}
