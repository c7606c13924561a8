import HandoffCore

/// The plan record (SPEC §3.7): a JSON document in the orchestrator plan schema that GTM
/// planning agents read, plus Handoff's own `segment`, `inputs_digest`, `previous` and the
/// planning inputs field by field (`input_fields`), from which the audit trail and stale
/// approvals compute what changed. Stages and tasks come
/// from the plan's one stage table (`PlanPattern.stages`).
public struct PlanRecord: Encodable, Sendable {
    public var plan_id: String
    public var objective: String
    /// low, medium or high, from the number of rules and pods.
    public var complexity: String
    /// The pattern: pipeline or diamond.
    public var strategy: String
    public var stages: [Stage]
    public var parallelization: Parallelization
    public var context_passing: ContextPassing
    public var error_handling: ErrorHandling
    public var success_criteria: [String]
    public var success_metrics: [Metric]
    public var deliverables: [String]
    public var segment: String
    public var inputs_digest: String
    /// The record this one replaces.
    public var previous: String?
    public var created_at: String
    public var input_fields: [InputFields.Field]

    public struct Stage: Encodable, Sendable {
        public var stage_id: String
        public var name: String
        /// sequential or parallel.
        public var execution: String
        public var tasks: [Task]
    }

    public struct Task: Encodable, Sendable {
        public var task_id: String
        public var agent: String
        public var purpose: String
        public var input: [String]
        public var output_var: String
        public var dependencies: [String]
    }

    public struct Parallelization: Encodable, Sendable {
        public var max_concurrent: Int
        public var parallel_groups: [Group]
    }

    public struct Group: Encodable, Sendable {
        public var group_id: String
        public var tasks: [String]
        public var wait_for: [String]
    }

    public struct ContextPassing: Encodable, Sendable {
        public var scoring_config: Scoring?
        public var routing_shares: [RuleShare]
        public var sla_figures: [PodFigures]
    }

    public struct Scoring: Encodable, Sendable {
        public var model: String?
        public var threshold: Double?
        public var max: Double?
    }

    public struct RuleShare: Encodable, Sendable {
        public var rule: String
        public var share: Double
    }

    public struct PodFigures: Encodable, Sendable {
        public var pod: String
        public var share: Double
        public var attainment: Double
        public var required_reps: Int?
        public var status: String
    }

    public struct ErrorHandling: Encodable, Sendable {
        public var retry_strategy: String
        /// The escalation's retry limit.
        public var max_retries: Int
        public var fallback_plan: String
        public var escalation: Escalation
    }

    public struct Escalation: Encodable, Sendable {
        public var ladder: [String]
        public var trigger: String
    }

    public struct Metric: Encodable, Sendable {
        public var metric: String
        public var target: String
    }

    /// The record for a plan made at `timestamp` (seconds since 1970).
    public init(_ plan: HandoffPlan, timestamp: Int, previous: String?) {
        let b = plan.brief
        let pattern = plan.pattern
        plan_id = "handoff-\(b.segment)-\(Self.stamp(timestamp))"
        objective =
            "Hand \(b.title) leads from marketing to sales with first touch within \(b.responseSLA) (\(b.slaClock.rawValue) clock) for \(b.targetAttainment) of leads; goal: \(b.goal.rawValue)"
        let size = b.routing.count + b.pods.count
        complexity = size > 10 ? "high" : size > 5 ? "medium" : "low"
        strategy = pattern.rawValue
        stages = pattern.stages.enumerated().map { i, stage in
            Stage(
                stage_id: "stage-\(i + 1)", name: stage.steps.map(Self.stepName).joined(separator: " + "),
                execution: stage.parallel ? "parallel" : "sequential",
                tasks: stage.steps.map { step in
                    Task(
                        task_id: step.rawValue, agent: step.agent, purpose: Self.purpose(step), input: step.inputs(in: pattern),
                        output_var: step.output, dependencies: step.dependencies(in: pattern).map(\.rawValue))
                })
        }
        // Steps run together, and the gate that waits for them.
        let groups = pattern.stages.filter { $0.parallel || $0.steps.contains(.mergeGate) }.map { stage in
            Group(
                group_id: stage.steps.map(\.rawValue).joined(separator: "-and-"), tasks: stage.steps.map(\.rawValue),
                wait_for: Array(Set(stage.steps.flatMap { $0.dependencies(in: pattern) })).sorted { $0.rawValue < $1.rawValue }.map(
                    \.rawValue))
        }
        parallelization = Parallelization(max_concurrent: pattern == .diamond ? 2 : 1, parallel_groups: groups)
        context_passing = ContextPassing(
            scoring_config: b.scoring.map { Scoring(model: $0.model, threshold: $0.threshold, max: $0.max) },
            routing_shares: plan.routing.rows.map { RuleShare(rule: $0.name, share: $0.share) },
            sla_figures: plan.sla.pods.map {
                PodFigures(
                    pod: $0.name, share: $0.share, attainment: $0.simulated.attainment, required_reps: $0.requiredReps,
                    status: $0.status.rawValue)
            })
        error_handling = ErrorHandling(
            retry_strategy: "reassign within the pod on a missed first touch", max_retries: b.escalation.retryLimit,
            fallback_plan:
                "out-of-office re-route to the next available rep; named owners fall back to \(b.escalation.ladder.first ?? "RevOps Director")",
            escalation: Escalation(ladder: b.escalation.ladder, trigger: b.escalation.trigger.description))
        success_criteria = [
            "every routing rule reachable and every lead owned", "every pod meets the first-touch SLA in simulation",
            "enablement kit delivered before launch", "every approver signs off",
        ]
        success_metrics = Self.metrics(plan)
        deliverables = [
            "routing matrix", "SLA model", "escalation tree", "enablement kit", "data and tooling checklist", "approval packet",
        ]
        segment = b.segment
        inputs_digest = plan.inputsDigest
        self.previous = previous
        created_at = Self.iso8601(timestamp)
        input_fields = plan.inputs.fields
    }

    /// The record's text.
    public func serialized() -> String { ((try? JSONValueEncoder().encode(self)) ?? .null).serialized() }

    static func stepName(_ step: PlanStep) -> String {
        switch step {
        case .intake: "Brief intake"
        case .routing: "Routing blueprint"
        case .sla: "SLA model"
        case .enablement: "Enablement kit"
        case .tooling: "Data and tooling"
        case .mergeGate: "Merge gate"
        case .approvals: "Approval packet"
        }
    }

    static func purpose(_ step: PlanStep) -> String {
        switch step {
        case .intake: "confirm funnel stages, qualification criteria and scoring threshold"
        case .routing: "build the routing matrix, path tests and enrichment list"
        case .sla: "model first-touch attainment with Erlang C and the business-hours simulation"
        case .enablement: "assemble the enablement kit with owners and due dates"
        case .tooling: "list fields, integrations and automation flows with owners"
        case .mergeGate: "merge routing, SLA and enablement before sign-off"
        case .approvals: "assemble the approval packet and collect sign-off"
        }
    }

    /// Success metrics by goal, each with a target.
    static func metrics(_ plan: HandoffPlan) -> [Metric] {
        let b = plan.brief
        var metrics = [("first-touch SLA attainment", "\(b.targetAttainment) within \(b.responseSLA)")]
        switch b.goal {
        case .pipeline: metrics += [("MQL to SAL acceptance rate", "70%"), ("SAL to SQL conversion lift", "+10% over baseline")]
        case .expansion: metrics += [("expansion lead acceptance rate", "75%"), ("expansion pipeline conversion lift", "+8%")]
        case .productActivation: metrics += [("activation lead acceptance rate", "60%"), ("trial-to-paid conversion lift", "+5%")]
        case .abmCampaign: metrics += [("target account acceptance rate", "80%"), ("engaged-account conversion lift", "+15%")]
        }
        // The two-way agreement's own promises, when the brief makes them.
        if let accept = b.acceptance?.acceptSLA {
            metrics[1].1 += ", every lead accepted or rejected within \(accept) (\(b.slaClock.rawValue) clock)"
        }
        if let delivery = b.deliverySLA {
            metrics.append(("MQLs delivered to the CRM, enriched and scored", "\(b.targetAttainment) within \(delivery) of the form fill"))
        }
        if let recycle = b.acceptance?.recycleAfter {
            metrics.append(("leads recycled to nurture untouched", "0 before \(recycle); every one reported to marketing"))
        }
        return metrics.map { Metric(metric: $0.0, target: $0.1) }
    }

    // MARK: - Names and times

    /// The file name for a record made at `timestamp` (seconds since 1970, UTC); `sequence`
    /// above 1 keeps records of the same second apart.
    public static func fileName(timestamp: Int, sequence: Int = 1) -> String {
        let stamp = stamp(timestamp)
        return sequence <= 1 ? "plan-\(stamp).json" : "plan-\(stamp)-\(sequence).json"
    }

    /// `YYYYMMDD-HHMMSS` in UTC.
    static func stamp(_ timestamp: Int) -> String {
        let (day, h, m, s) = parts(timestamp)
        return "\(day.year)\(two(day.month))\(two(day.day))-\(two(h))\(two(m))\(two(s))"
    }

    static func iso8601(_ timestamp: Int) -> String {
        let (day, h, m, s) = parts(timestamp)
        return "\(day)T\(two(h)):\(two(m)):\(two(s))Z"
    }

    static func parts(_ timestamp: Int) -> (CalendarDate, Int, Int, Int) {
        let day = CalendarDate(daysSinceEpoch: timestamp >= 0 ? timestamp / 86_400 : (timestamp - 86_399) / 86_400)
        let seconds = ((timestamp % 86_400) + 86_400) % 86_400
        return (day, seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
