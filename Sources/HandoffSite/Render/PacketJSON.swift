import HandoffCore

/// `packet.json`: every figure of the planning core for one segment (SPEC §5). Fractions are
/// numbers from 0 to 1; keys in a fixed order, so the bytes are stable.
public enum PacketJSON {
    public static func make(_ plan: HandoffPlan) -> JSONValue {
        let b = plan.brief
        func opt(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }
        let pods: [JSONValue] = plan.sla.pods.map { p in
            .object([
                ("name", .string(p.name)), ("role", .string(p.role.rawValue)), ("reps", .integer(p.reps)),
                ("shrinkage", .number(p.shrinkage.fraction)), ("agents", .integer(p.agents)), ("share", .number(p.share)),
                ("arrivalsPerHour", .number(p.arrivalsPerHour)), ("offeredLoad", .number(p.offeredLoad)),
                ("occupancy", opt(p.occupancy)), ("probabilityOfWait", .number(p.probabilityOfWait)),
                ("attainment", .number(p.attainment)), ("simulatedAttainment", .number(p.simulated.attainment)),
                ("medianFirstTouchMinutes", opt(p.simulated.medianMinutes)), ("p90FirstTouchMinutes", opt(p.simulated.p90Minutes)),
                ("newestFirstAttainment", .number(p.newestFirst.attainment)), ("recommendNewestFirst", .bool(p.recommendNewestFirst)),
                ("averageSpeedOfAnswerMinutes", opt(p.averageSpeedOfAnswerMinutes)),
                ("requiredAgents", p.requiredAgents.map { .integer($0) } ?? .null),
                ("requiredReps", p.requiredReps.map { .integer($0) } ?? .null), ("status", .string(p.status.rawValue)),
                ("simulatedLeads", .integer(p.simulated.leads)),
                (
                    "staffingCurve",
                    .array(p.staffingCurve.map { .object([("reps", .integer($0.reps)), ("attainment", .number($0.attainment))]) })
                ),
            ])
        }
        let rules: [JSONValue] = plan.routing.rows.map { r in
            .object([
                ("order", .integer(r.order)), ("name", .string(r.name)), ("condition", .string(r.condition.description)),
                ("method", .string(r.assignment.method)), ("assign", .string(r.assignment.description)),
                ("share", .number(r.share)), ("shareSource", .string(r.shareSource)),
                ("pods", .array(r.podShares.map { .object([("pod", .string($0.pod)), ("share", .number($0.share))]) })),
                ("enrichment", .array(r.enrichment.map(JSONValue.string))), ("fallback", .string(r.fallback)),
                ("reachable", .bool(r.isReachable)),
                (
                    "syntheticLead",
                    r.syntheticLead.map { lead in .object(lead.attributes.keys.sorted().map { ($0, .string(lead.attributes[$0] ?? "")) }) }
                        ?? .null
                ),
                ("shadowedBy", .array(r.shadowedBy.map(JSONValue.string))),
            ])
        }
        return .object([
            ("segment", .string(b.segment)),
            ("title", .string(b.title)),
            ("goal", .string(b.goal.rawValue)),
            ("status", .string(plan.sla.status.rawValue)),
            ("readiness", .string(plan.approval.readiness.rawValue)),
            ("readinessReasons", .array(plan.approval.reasons.map(JSONValue.string))),
            ("asOf", .string(plan.asOf.description)),
            ("launch", b.launch.map { .string($0.description) } ?? .null),
            ("owner", b.owner.map(JSONValue.string) ?? .null),
            ("inputsDigest", .string(plan.inputsDigest)),
            ("pattern", .string(plan.pattern.rawValue)),
            (
                "findings",
                .array(
                    plan.findings.map { f in
                        .object([
                            ("severity", .string(f.severity.rawValue)), ("line", .integer(f.location.line)),
                            ("column", .integer(f.location.column)), ("message", .string(f.message)),
                        ])
                    })
            ),
            (
                "sla",
                .object([
                    ("responseSla", .string(b.responseSLA.description)), ("clock", .string(b.slaClock.rawValue)),
                    ("target", .number(plan.sla.target)), ("slaHours", .number(plan.sla.slaHours)),
                    ("handleMinutes", .number(plan.sla.handleMinutes)), ("leadsPerWeek", .number(b.volume.leadsPerWeek)),
                    ("afterHoursShare", .number(b.volume.afterHoursShare.fraction)),
                    ("simulationStart", .string(plan.sla.simulationStart.description)), ("status", .string(plan.sla.status.rawValue)),
                    ("reasons", .array(plan.sla.reasons.map(JSONValue.string))), ("pods", .array(pods)),
                ])
            ),
            (
                "routing",
                .object([
                    ("rules", .array(rules)),
                    (
                        "podShares",
                        .array(plan.routing.podShares.map { .object([("pod", .string($0.pod)), ("share", .number($0.share))]) })
                    ),
                    ("namedOwnerShare", .number(plan.routing.namedOwnerShare)),
                    ("catchAll", .bool(plan.routing.uncaughtLead == nil)),
                    ("idlePods", .array(plan.routing.idlePods.map(JSONValue.string))),
                    ("enrichmentFields", .array(plan.routing.enrichmentFields.map(JSONValue.string))),
                ])
            ),
            (
                "escalation",
                .object([
                    ("retryLimit", .integer(plan.escalation.retryLimit)), ("trigger", .string(plan.escalation.trigger.description)),
                    (
                        "levels",
                        .array(
                            plan.escalation.levels.map { l in
                                .object([
                                    ("level", .integer(l.number)), ("owner", .string(l.owner)), ("trigger", .string(l.trigger)),
                                    ("action", .string(l.action)), ("substitute", .string(l.substitute)),
                                ])
                            })
                    ),
                ])
            ),
            (
                "enablement",
                .array(
                    plan.kit.items.map { i in
                        .object([
                            ("asset", .string(i.asset)), ("kind", .string(i.kind.rawValue)),
                            ("owner", i.owner.map(JSONValue.string) ?? .null),
                            ("due", i.due.map { .string($0.description) } ?? .null), ("status", .string(i.status.rawValue)),
                            ("pods", .array(i.pods.map(JSONValue.string))), ("origin", .string(i.origin)),
                            ("flags", .array(i.flags.map(JSONValue.string))),
                        ])
                    })
            ),
            (
                "tooling",
                .array(
                    (plan.tooling.items + plan.tooling.otherDependencies).map { t in
                        .object([
                            ("category", .string(t.category.rawValue)), ("name", .string(t.name)), ("owner", .string(t.owner)),
                            ("readiness", .string(t.readiness.rawValue)), ("due", t.due.map { .string($0.description) } ?? .null),
                            ("dependency", t.dependency.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            (
                "approvals",
                .array(
                    plan.approval.approvals.map { a in
                        .object([
                            ("role", .string(a.role)), ("name", a.name.map(JSONValue.string) ?? .null),
                            ("status", .string(a.status.rawValue)), ("date", a.date.map { .string($0.description) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}
