import Foundation

/// The plan record (SPEC §3.7): a JSON document in the orchestrator plan schema that GTM
/// planning agents read, plus Handoff's own `segment`, `inputs_digest`, `previous` and an
/// `inputs` summary from which the audit trail computes what changed.
public enum PlanRecord {
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
        let day = CalendarDate(daysSinceEpoch: Int(floor(Double(timestamp) / 86_400)))
        let seconds = ((timestamp % 86_400) + 86_400) % 86_400
        return (day, seconds / 3600, seconds % 3600 / 60, seconds % 60)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The record for a plan.
    public static func make(_ plan: HandoffPlan, timestamp: Int, previous: String?) -> JSONValue {
        let b = plan.brief
        let id = "handoff-\(b.segment)-\(stamp(timestamp))"
        let diamond = plan.pattern == .diamond
        func task(_ id: String, _ agent: String, _ purpose: String, _ input: [String], _ output: String, _ deps: [String]) -> JSONValue {
            .object([
                ("task_id", .string(id)), ("agent", .string(agent)), ("purpose", .string(purpose)),
                ("input", .array(input.map(JSONValue.string))), ("output_var", .string(output)),
                ("dependencies", .array(deps.map(JSONValue.string))),
            ])
        }
        let intake = task(
            "intake", "revops-director", "confirm funnel stages, qualification criteria and scoring threshold", ["brief"],
            "intake_findings", [])
        let routing = task(
            "routing", "routing-logic", "build the routing matrix, path tests and enrichment list", ["brief", "intake_findings"],
            "routing_blueprint", ["intake"])
        let sla = task(
            "sla", "sla-modeler", "model first-touch attainment with Erlang C and the business-hours simulation",
            ["routing_blueprint", "pods", "volume"], "sla_model", ["routing"])
        let kit = task(
            "enablement", "enablement-kit", "assemble the enablement kit with owners and due dates",
            diamond ? ["brief", "intake_findings"] : ["brief", "sla_model"], "enablement_kit", diamond ? ["intake"] : ["sla"])
        let tooling = task(
            "tooling", "data-tooling", "list fields, integrations and automation flows with owners", ["routing_blueprint", "dependencies"],
            "tooling_checklist", ["routing"])
        let gate = task(
            "merge-gate", "revops-director", "merge routing, SLA and enablement before sign-off",
            ["sla_model", "enablement_kit", "tooling_checklist"], "merged_plan", ["sla", "enablement", "tooling"])
        let approve = task(
            "approvals", "revops-director", "assemble the approval packet and collect sign-off",
            diamond ? ["merged_plan"] : ["sla_model", "enablement_kit", "tooling_checklist"], "approval_packet",
            diamond ? ["merge-gate"] : ["enablement", "tooling"])
        func stage(_ id: String, _ name: String, _ parallel: Bool, _ tasks: [JSONValue]) -> JSONValue {
            .object([
                ("stage_id", .string(id)), ("name", .string(name)), ("execution", .string(parallel ? "parallel" : "sequential")),
                ("tasks", .array(tasks)),
            ])
        }
        let stages: [JSONValue] =
            diamond
            ? [
                stage("stage-1", "Brief intake", false, [intake]),
                stage("stage-2", "Routing and enablement", true, [routing, kit]),
                stage("stage-3", "SLA model and tooling", true, [sla, tooling]),
                stage("stage-4", "Merge gate", false, [gate]),
                stage("stage-5", "Approval packet", false, [approve]),
            ]
            : [
                stage("stage-1", "Brief intake", false, [intake]),
                stage("stage-2", "Routing blueprint", false, [routing]),
                stage("stage-3", "SLA model", false, [sla]),
                stage("stage-4", "Enablement kit and tooling", false, [kit, tooling]),
                stage("stage-5", "Approval packet", false, [approve]),
            ]
        let groups: [JSONValue] =
            diamond
            ? [
                .object([
                    ("group_id", .string("routing-and-enablement")), ("tasks", .array([.string("routing"), .string("enablement")])),
                    ("wait_for", .array([.string("intake")])),
                ]),
                .object([
                    ("group_id", .string("merge-gate")), ("tasks", .array([.string("merge-gate")])),
                    ("wait_for", .array([.string("sla"), .string("enablement"), .string("tooling")])),
                ]),
            ] : []
        let podFigures: [JSONValue] = plan.sla.pods.map { p in
            .object([
                ("pod", .string(p.name)), ("share", .number(p.share)), ("attainment", .number(p.simulated.attainment)),
                ("required_reps", p.requiredReps.map { .integer($0) } ?? .null), ("status", .string(p.status.rawValue)),
            ])
        }
        let complexity = b.routing.count + b.pods.count > 10 ? "high" : b.routing.count + b.pods.count > 5 ? "medium" : "low"
        let record: [(String, JSONValue)] = [
            ("plan_id", .string(id)),
            (
                "objective",
                .string(
                    "Hand \(b.title) leads from marketing to sales with first touch within \(b.responseSLA) (\(b.slaClock.rawValue) clock) for \(b.targetAttainment) of leads; goal: \(b.goal.rawValue)"
                )
            ),
            ("complexity", .string(complexity)),
            ("strategy", .string(plan.pattern.rawValue)),
            ("stages", .array(stages)),
            ("parallelization", .object([("max_concurrent", .integer(diamond ? 2 : 1)), ("parallel_groups", .array(groups))])),
            (
                "context_passing",
                .object([
                    (
                        "scoring_config",
                        b.scoring.map { s in
                            .object([
                                ("model", s.model.map(JSONValue.string) ?? .null),
                                ("threshold", s.threshold.map(JSONValue.number) ?? .null), ("max", s.max.map(JSONValue.number) ?? .null),
                            ])
                        } ?? .null
                    ),
                    (
                        "routing_shares",
                        .array(plan.routing.rows.map { .object([("rule", .string($0.name)), ("share", .number($0.share))]) })
                    ),
                    ("sla_figures", .array(podFigures)),
                ])
            ),
            (
                "error_handling",
                .object([
                    ("retry_strategy", .string("reassign within the pod on a missed first touch")),
                    ("max_retries", .integer(b.escalation.retryLimit)),
                    (
                        "fallback_plan",
                        .string(
                            "out-of-office re-route to the next available rep; named owners fall back to \(b.escalation.ladder.first ?? "RevOps Director")"
                        )
                    ),
                    (
                        "escalation",
                        .object([
                            ("ladder", .array(b.escalation.ladder.map(JSONValue.string))),
                            ("trigger", .string(b.escalation.trigger.description)),
                        ])
                    ),
                ])
            ),
            (
                "success_criteria",
                .array([
                    .string("every routing rule reachable and every lead owned"),
                    .string("every pod meets the first-touch SLA in simulation"),
                    .string("enablement kit delivered before launch"),
                    .string("every approver signs off"),
                ])
            ),
            ("success_metrics", .array(successMetrics(plan).map { m in .object([("metric", .string(m.0)), ("target", .string(m.1))]) })),
            (
                "deliverables",
                .array(
                    ["routing matrix", "SLA model", "escalation tree", "enablement kit", "data and tooling checklist", "approval packet"]
                        .map(JSONValue.string))
            ),
            ("segment", .string(b.segment)),
            ("inputs_digest", .string(plan.inputsDigest)),
            ("previous", previous.map(JSONValue.string) ?? .null),
            ("created_at", .string(iso8601(timestamp))),
            ("inputs", summary(plan).json),
        ]
        return .object(record)
    }

    /// Success metrics by goal, each with a target.
    static func successMetrics(_ plan: HandoffPlan) -> [(String, String)] {
        let b = plan.brief
        var metrics = [("first-touch SLA attainment", "\(b.targetAttainment) within \(b.responseSLA)")]
        switch b.goal {
        case .pipeline: metrics += [("MQL to SAL acceptance rate", "70%"), ("SAL to SQL conversion lift", "+10% over baseline")]
        case .expansion: metrics += [("expansion lead acceptance rate", "75%"), ("expansion pipeline conversion lift", "+8%")]
        case .productActivation: metrics += [("activation lead acceptance rate", "60%"), ("trial-to-paid conversion lift", "+5%")]
        case .abmCampaign: metrics += [("target account acceptance rate", "80%"), ("engaged-account conversion lift", "+15%")]
        }
        return metrics
    }

    static func summary(_ plan: HandoffPlan) -> RecordInputs {
        let b = plan.brief
        return RecordInputs(
            title: b.title,
            routing: b.routing.map {
                RecordInputs.Rule(
                    name: $0.name, when: $0.condition.description, assign: $0.assignment.description, share: $0.share?.description)
            },
            sla: [
                "response-sla": b.responseSLA.description, "sla-clock": b.slaClock.rawValue,
                "target-attainment": b.targetAttainment.description, "leads-per-week": ConditionAtom.format(b.volume.leadsPerWeek),
                "after-hours-share": b.volume.afterHoursShare.description, "handle-time": b.volume.handleTime.description,
                "hours": b.hours.text, "timezone": b.timezone,
            ],
            pods: b.pods.map { "\($0.name): \($0.reps) reps, \($0.shrinkage) shrinkage" },
            enablement: plan.kit.items.map { "\($0.asset) (\($0.status.rawValue))" })
    }
}

/// The planning inputs a record summarises, for the audit trail's comparisons.
public struct RecordInputs: Codable, Sendable, Hashable {
    public struct Rule: Codable, Sendable, Hashable {
        public var name: String
        public var when: String
        public var assign: String
        public var share: String?
    }

    public var title: String
    public var routing: [Rule]
    public var sla: [String: String]
    public var pods: [String]
    public var enablement: [String]

    var json: JSONValue {
        .object([
            ("title", .string(title)),
            (
                "routing",
                .array(
                    routing.map { r in
                        .object([
                            ("name", .string(r.name)), ("when", .string(r.when)), ("assign", .string(r.assign)),
                            ("share", r.share.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            ("sla", .object(sla.keys.sorted().map { ($0, .string(sla[$0] ?? "")) })),
            ("pods", .array(pods.map(JSONValue.string))),
            ("enablement", .array(enablement.map(JSONValue.string))),
        ])
    }
}
