/// One step of the handoff design, as the plan record's tasks and the page's pattern line name
/// it. Identifiers only: the record renderer and the page word them.
public enum PlanStep: String, Sendable, Hashable, CaseIterable {
    case intake
    case routing
    case sla
    case enablement
    case tooling
    case mergeGate = "merge-gate"
    case approvals

    /// The orchestrator agent that owns the step.
    public var agent: String {
        switch self {
        case .intake, .mergeGate, .approvals: "revops-director"
        case .routing: "routing-logic"
        case .sla: "sla-modeler"
        case .enablement: "enablement-kit"
        case .tooling: "data-tooling"
        }
    }

    /// The variable the step's result is passed on in.
    public var output: String {
        switch self {
        case .intake: "intake_findings"
        case .routing: "routing_blueprint"
        case .sla: "sla_model"
        case .enablement: "enablement_kit"
        case .tooling: "tooling_checklist"
        case .mergeGate: "merged_plan"
        case .approvals: "approval_packet"
        }
    }

    /// The steps it waits for under a pattern.
    public func dependencies(in pattern: PlanPattern) -> [PlanStep] {
        switch self {
        case .intake: []
        case .routing: [.intake]
        case .sla: [.routing]
        case .enablement: pattern == .diamond ? [.intake] : [.sla]
        case .tooling: [.routing]
        case .mergeGate: [.sla, .enablement, .tooling]
        case .approvals: pattern == .diamond ? [.mergeGate] : [.enablement, .tooling]
        }
    }

    /// What it reads: the brief's parts and earlier steps' outputs.
    public func inputs(in pattern: PlanPattern) -> [String] {
        switch self {
        case .intake: ["brief"]
        case .routing: ["brief", "intake_findings"]
        case .sla: ["routing_blueprint", "pods", "volume"]
        case .enablement: pattern == .diamond ? ["brief", "intake_findings"] : ["brief", "sla_model"]
        case .tooling: ["routing_blueprint", "dependencies"]
        case .mergeGate: ["sla_model", "enablement_kit", "tooling_checklist"]
        case .approvals: pattern == .diamond ? ["merged_plan"] : ["sla_model", "enablement_kit", "tooling_checklist"]
        }
    }
}

/// A stage of the plan: steps that run together, in parallel or one after another.
public struct PlanStage: Sendable, Hashable {
    public var steps: [PlanStep]
    public var parallel: Bool
}

/// The plan's pattern (SPEC §3.7): a straight pipeline, or a diamond where routing and
/// enablement run in parallel and meet at a gate before approvals. `stages` is the one stage
/// table the page and the plan record both read.
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

    /// The stages in order.
    public var stages: [PlanStage] {
        switch self {
        case .pipeline:
            [
                PlanStage(steps: [.intake], parallel: false), PlanStage(steps: [.routing], parallel: false),
                PlanStage(steps: [.sla], parallel: false), PlanStage(steps: [.enablement, .tooling], parallel: false),
                PlanStage(steps: [.approvals], parallel: false),
            ]
        case .diamond:
            [
                PlanStage(steps: [.intake], parallel: false), PlanStage(steps: [.routing, .enablement], parallel: true),
                PlanStage(steps: [.sla, .tooling], parallel: true), PlanStage(steps: [.mergeGate], parallel: false),
                PlanStage(steps: [.approvals], parallel: false),
            ]
        }
    }
}
