import HandoffCore

/// `packet.json`: every figure of the planning core for one segment (SPEC §5). Each field is
/// documented here; fractions are numbers from 0 to 1; keys come out in declaration order and
/// absent values as `null`, so the bytes are stable. Texts are the page's own wording.
public struct PacketJSON: Encodable, Sendable {
    public var segment: String
    /// The brief version (SPEC §3.7): the inputs digest's first 8 hex digits.
    public var version: String
    public var title: String
    public var goal: String
    /// The segment's SLA status: meets, at risk, breach, not modelled.
    public var status: String
    /// approved, ready for sign-off, needs re-approval, blocked.
    public var readiness: String
    /// Blockers, then notes, as the packet words them.
    public var readinessReasons: [String]
    public var asOf: String
    public var launch: String?
    public var owner: String?
    public var inputsDigest: String
    /// A rep's paid hours a week (`contract-hours`, SPEC §2.4): FTE are rep-hours over it.
    public var contractHours: Double
    public var pattern: String
    public var findings: [FindingEntry]
    public var sla: SLA
    public var routing: Routing
    public var escalation: Escalation
    public var enablement: [KitItem]
    public var tooling: [ToolingItem]
    public var approvals: [Approval]
    /// The two-way agreement (SPEC §3.4); durations as written (`1d` on the business clock is a
    /// working day), null when not agreed.
    public var agreement: Agreement
    /// Null when the brief has no `governance`.
    public var governance: Governance?
    /// What the CRM recorded (SPEC §3.8); null when the brief names no export.
    public var actuals: Actuals?

    public struct Agreement: Encodable, Sendable {
        public var deliverySla: String?
        public var acceptSla: String?
        public var rejectReasons: [String]
        public var recycleAfter: String?
        /// The clock accept-sla and recycle-after run on: the brief's.
        public var clock: String
    }

    public struct Governance: Encodable, Sendable {
        public var review: String?
        public var nextReview: String?
        public var reviewOverdue: Bool
        public var changeApprovers: [ChangeApprover]
        public var owners: [Owner]
    }

    public struct ChangeApprover: Encodable, Sendable {
        public var role: String
        public var person: String?
        public var hasSignOffLine: Bool
    }

    public struct Owner: Encodable, Sendable {
        public var role: String
        public var person: String
    }

    public struct FindingEntry: Encodable, Sendable {
        public var severity: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public struct SLA: Encodable, Sendable {
        public var responseSla: String
        public var clock: String
        public var target: Double
        public var handleMinutes: Double
        public var leadsPerWeek: Double
        public var afterHoursShare: Double
        public var simulationStart: String
        public var status: String
        public var reasons: [String]
        public var pods: [Pod]
    }

    /// One pod: the in-hours Erlang C figures (SPEC §3.3.1) and the simulated ones. A pod that
    /// receives no leads is listed too, with its staffing, `receivesLeads` false, why in
    /// `noLeadsReason`, and null for every figure that needs leads.
    public struct Pod: Encodable, Sendable {
        public var name: String
        public var role: String
        public var receivesLeads: Bool
        /// Why the pod receives no leads, as the page words it; null when it does.
        public var noLeadsReason: String?
        public var reps: Int
        public var shrinkage: Double
        /// Productive agents: floor(reps × (1 − shrinkage)).
        public var agents: Int
        /// Its shifts (SPEC §2.4); a pod that states `reps` is one shift with a null name.
        public var shifts: [Shift]
        /// The sum of the shifts' reps (the same as `reps`).
        public var headcount: Int
        /// Rep-hours a week over `contractHours`.
        public var fte: Double
        /// The staffing plan (SPEC §3.3.4): null when the pod meets its target.
        public var plan: Plan?
        /// Share of all leads the pod receives.
        public var share: Double
        public var arrivalsPerHour: Double
        /// Erlangs.
        public var offeredLoad: Double
        /// null when the pod has no productive agents.
        public var occupancy: Double?
        public var probabilityOfWait: Double?
        /// Erlang C in-hours attainment.
        public var attainment: Double?
        /// The mean over replicas of the calendar-true simulation.
        public var simulatedAttainment: Double?
        public var averageSpeedOfAnswerMinutes: Double?
        /// Erlang C's required reps (in hours only).
        public var requiredReps: Int?
        public var requiredAgents: Int?
        public var status: String
        public var workloadHoursPerWeek: Double
        public var capacityHoursPerWeek: Double
        /// null when the pod has no capacity.
        public var utilisation: Double?
        /// [low, high], 95%.
        public var simulatedAttainmentInterval: [Double]?
        public var replicas: Int
        /// The smallest headcount meeting the target under the real calendar; null when none does.
        public var requiredRepsSimulated: Int?
        /// The ceiling: attainment with unlimited reps.
        public var bestAttainment: Double?
        /// The first-touch time the target share gets with today's staffing (working minutes on the
        /// business clock).
        public var achievableFirstTouchMinutes: Double?
        public var medianFirstTouchMinutes: Double?
        public var p90FirstTouchMinutes: Double?
        public var newestFirstAttainment: Double?
        public var newestFirstMedianMinutes: Double?
        public var newestFirstP90Minutes: Double?
        public var recommendNewestFirst: Bool
        public var options: [Option]
        public var channels: [Channel]
        public var simulatedLeads: Double
        public var staffingCurve: [StaffingPoint]
    }

    public struct Option: Encodable, Sendable {
        public var change: String
        /// staffing, policy or promise: a promise change is never the fix.
        public var kind: String
        /// Headcount in all with the change; null when no number of reps meets the target with it.
        public var reps: Int?
        public var simulatedAttainment: Double
        public var meetsTarget: Bool
        /// FTE added (negative: saved) against today.
        public var fteChange: Double
        /// Whether this is the fix the verdict names.
        public var fix: Bool
    }

    public struct Shift: Encodable, Sendable {
        /// Null for the one shift of a pod that states `reps`.
        public var name: String?
        public var hours: String
        public var reps: Int
        /// Productive agents: floor(reps × (1 − shrinkage)).
        public var agents: Int
        public var repHoursPerWeek: Double
    }

    /// A shift of the plan: today's reps beside the plan's.
    public struct PlanShift: Encodable, Sendable {
        public var name: String?
        public var hours: String
        public var reps: Int
        public var agents: Int
        public var repHoursPerWeek: Double
        /// 0 for a shift the plan adds.
        public var repsToday: Int
    }

    public struct Plan: Encodable, Sendable {
        public var shifts: [PlanShift]
        public var fte: Double
        public var fteToday: Double
        public var simulatedAttainment: Double
        /// [low, high], 95%.
        public var simulatedAttainmentInterval: [Double]
        /// False when no plan reaches the target: this is the closest within twice today's FTE.
        public var meetsTarget: Bool
        /// When no plan meets the target: the attainment unlimited reps on today's and the
        /// candidate shifts would reach; else null.
        public var ceiling: Double?
    }

    public struct Channel: Encodable, Sendable {
        public var rule: String
        public var responseSlaMinutes: Double
        public var clock: String
        public var target: Double
        public var simulatedAttainment: Double
        public var status: String
    }

    public struct StaffingPoint: Encodable, Sendable {
        public var reps: Int
        public var simulatedAttainment: Double
        /// [low, high], 95% (±2 points: SPEC §3.3.3).
        public var simulatedAttainmentInterval: [Double]
        public var erlangAttainment: Double
    }

    public struct Routing: Encodable, Sendable {
        public var rules: [Rule]
        /// Each pod's share of all leads as the router splits them (SPEC §3.2): a rotation
        /// passes over closed pods and pods without a productive rep.
        public var podShares: [PodShare]
        /// The rules' nominal split, before the router passes over anyone.
        public var nominalPodShares: [PodShare]
        public var namedOwnerShare: Double
        /// Queues outside sales (`queue NAME`) and their share of leads; no first-touch SLA.
        public var queueShares: [QueueShare]
        /// Whether every lead has an owner.
        public var catchAll: Bool
        public var idlePods: [String]
        public var enrichmentFields: [String]
    }

    public struct Rule: Encodable, Sendable {
        public var order: Int
        public var name: String
        public var condition: String
        public var method: String
        public var assign: String
        public var share: Double
        /// brief, even split, sample.
        public var shareSource: String
        public var pods: [PodShare]
        public var enrichment: [String]
        public var fallback: String
        public var reachable: Bool
        /// Field → value of a lead that reaches the rule; null when none does.
        public var syntheticLead: LeadFields?
        /// Whether running the synthetic lead through the rules in order lands it on this rule.
        public var pathTestPasses: Bool
        public var shadowedBy: [String]
    }

    /// A synthetic lead's fields, encoded as one object in field-name order.
    public struct LeadFields: Sendable {
        public var fields: [(name: String, value: String)]
    }

    public struct PodShare: Encodable, Sendable {
        public var pod: String
        public var share: Double
    }

    public struct QueueShare: Encodable, Sendable {
        public var queue: String
        public var share: Double
    }

    public struct Escalation: Encodable, Sendable {
        public var retryLimit: Int
        public var trigger: String
        public var levels: [Level]
    }

    public struct Level: Encodable, Sendable {
        public var level: Int
        public var owner: String
        public var trigger: String
        public var action: String
        public var substitute: String
    }

    public struct KitItem: Encodable, Sendable {
        public var asset: String
        public var kind: String
        public var owner: String?
        public var due: String?
        public var status: String
        public var pods: [String]
        public var origin: String
        public var flags: [String]
    }

    public struct ToolingItem: Encodable, Sendable {
        public var category: String
        public var name: String
        public var owner: String
        public var readiness: String
        public var due: String?
        public var dependency: String?
    }

    public struct Approval: Encodable, Sendable {
        public var role: String
        public var name: String?
        public var status: String
        public var date: String?
        /// The version decided on; null when pending or not tied to a version.
        public var version: String?
        /// Decided on an earlier version: it must be given again.
        public var stale: Bool
        /// How the version was found: pinned (`version:`), by-date (the records), unplaced, pending.
        public var placement: String
        /// Planning inputs changed since the version decided on, as the page words them; null
        /// when that version is in no record.
        public var changedSince: [String]?
    }

    public init(_ plan: HandoffPlan) {
        let b = plan.brief
        segment = b.segment
        version = plan.version
        title = b.title
        goal = b.goal.rawValue
        status = plan.sla.status.rawValue
        readiness = plan.approval.readiness.rawValue
        readinessReasons = ReadinessText.reasons(plan)
        asOf = plan.asOf.description
        launch = b.launch?.description
        owner = b.owner
        inputsDigest = plan.inputsDigest
        contractHours = Double(b.contractHours.clockSeconds) / 3600
        pattern = plan.pattern.rawValue
        findings = plan.findings.map {
            FindingEntry(
                severity: $0.severity.rawValue, line: $0.location.line, column: $0.location.column, message: FindingText.message($0.kind))
        }
        sla = SLA(
            responseSla: b.responseSLA.description, clock: b.slaClock.rawValue, target: plan.sla.target,
            handleMinutes: Double(b.volume.handleTime.calendarSeconds) / 60, leadsPerWeek: b.volume.leadsPerWeek,
            afterHoursShare: b.volume.afterHoursShare.fraction, simulationStart: plan.sla.simulationStart.description,
            status: plan.sla.status.rawValue, reasons: plan.sla.reasons.map(SLAText.reason),
            pods: Self.pods(plan))
        routing = Routing(
            rules: plan.routing.rows.map { r in
                Rule(
                    order: r.order, name: r.name, condition: r.condition.description, method: r.assignment.method,
                    assign: r.assignment.description, share: r.share, shareSource: r.shareSource.rawValue,
                    pods: r.podShares.map { PodShare(pod: $0.pod, share: $0.share) }, enrichment: r.enrichment,
                    fallback: RoutingText.fallback(r.fallback), reachable: r.isReachable,
                    syntheticLead: r.syntheticLead.map { lead in
                        LeadFields(fields: lead.attributes.keys.sorted().map { ($0, lead.attributes[$0] ?? "") })
                    }, pathTestPasses: r.pathTestPasses, shadowedBy: r.shadowedBy)
            },
            podShares: (plan.sla.podShares.isEmpty ? plan.routing.podShares : plan.sla.podShares).map {
                PodShare(pod: $0.pod, share: $0.share)
            },
            nominalPodShares: plan.routing.podShares.map { PodShare(pod: $0.pod, share: $0.share) },
            namedOwnerShare: plan.routing.namedOwnerShare,
            queueShares: plan.routing.queueShares.map { QueueShare(queue: $0.queue, share: $0.share) },
            catchAll: plan.routing.uncaughtLead == nil,
            idlePods: plan.routing.idlePods, enrichmentFields: plan.routing.enrichmentFields)
        escalation = Escalation(
            retryLimit: plan.escalation.retryLimit, trigger: plan.escalation.trigger.description,
            levels: plan.escalation.levels.map { l in
                Level(
                    level: l.number, owner: EscalationText.owner(l.owner), trigger: EscalationText.trigger(l.trigger),
                    action: EscalationText.action(l.action), substitute: EscalationText.substitute(l.substitute))
            })
        enablement = plan.kit.items.map { i in
            KitItem(
                asset: i.asset, kind: i.kind.rawValue, owner: i.owner, due: i.due?.description, status: i.status.rawValue, pods: i.pods,
                origin: KitText.origin(i.origin), flags: KitText.flags(i).map(\.label))
        }
        let acceptance = plan.brief.acceptance
        agreement = Agreement(
            deliverySla: plan.brief.deliverySLA?.description, acceptSla: acceptance?.acceptSLA?.description,
            rejectReasons: acceptance?.rejectReasons ?? [], recycleAfter: acceptance?.recycleAfter?.description,
            clock: plan.brief.slaClock.rawValue)
        governance = plan.governance.map { g in
            Governance(
                review: g.review?.rawValue, nextReview: g.nextReview?.description, reviewOverdue: g.reviewOverdue,
                changeApprovers: g.changeApprovers.map {
                    ChangeApprover(role: $0.role, person: $0.person, hasSignOffLine: $0.hasSignOffLine)
                },
                owners: g.owners.map { Owner(role: $0.role, person: $0.person) })
        }
        actuals = plan.actuals.map { Actuals($0, plan: plan) }
        tooling = (plan.tooling.items + plan.tooling.otherDependencies).map { t in
            ToolingItem(
                category: t.category.rawValue, name: ToolingText.name(t.requirement), owner: t.owner ?? "unassigned",
                readiness: t.readiness.rawValue, due: t.due?.description, dependency: t.dependency)
        }
        approvals = plan.approval.signOffs.map { s in
            let a = s.approval
            let placement: String =
                switch s.placement {
                case .pending: "pending"
                case .pinned: "pinned"
                case .byDate: "by-date"
                case .unplaced: "unplaced"
                }
            return Approval(
                role: a.role, name: a.name, status: a.status.rawValue, date: a.date?.description, version: s.version,
                stale: s.isStale, placement: placement, changedSince: s.isStale ? s.changesSince.map { $0.map(AuditText.input) } : [])
        }
    }

    /// Every pod of the brief in its order: the modelled ones, and those that receive no leads.
    static func pods(_ plan: HandoffPlan) -> [Pod] {
        func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
        let modelled: [Pod] = plan.sla.pods.map { p in
            Pod(
                name: p.name, role: p.role.rawValue, receivesLeads: true, noLeadsReason: nil, reps: p.reps, shrinkage: p.shrinkage.fraction,
                agents: p.agents, shifts: p.shifts.map(Self.shift), headcount: p.shifts.reduce(0) { $0 + $1.reps }, fte: p.fte,
                plan: p.plan.map(Self.plan), share: p.share,
                arrivalsPerHour: p.arrivalsPerHour, offeredLoad: p.offeredLoad, occupancy: finite(p.occupancy),
                probabilityOfWait: p.probabilityOfWait, attainment: p.attainment, simulatedAttainment: p.simulated.attainment,
                averageSpeedOfAnswerMinutes: finite(p.averageSpeedOfAnswerMinutes), requiredReps: p.requiredReps,
                requiredAgents: p.requiredAgents, status: p.status.rawValue, workloadHoursPerWeek: p.workloadHoursPerWeek,
                capacityHoursPerWeek: p.capacityHoursPerWeek, utilisation: finite(p.utilisation),
                simulatedAttainmentInterval: [p.simulated.low, p.simulated.high], replicas: p.simulated.replicas,
                requiredRepsSimulated: p.requiredRepsSimulated, bestAttainment: p.bestAttainment,
                achievableFirstTouchMinutes: finite(p.achievableFirstTouchMinutes),
                medianFirstTouchMinutes: finite(p.simulated.medianMinutes),
                p90FirstTouchMinutes: finite(p.simulated.p90Minutes), newestFirstAttainment: p.newestFirst.attainment,
                newestFirstMedianMinutes: finite(p.newestFirst.medianMinutes), newestFirstP90Minutes: finite(p.newestFirst.p90Minutes),
                recommendNewestFirst: p.recommendNewestFirst,
                options: p.options.map {
                    Option(
                        change: SLAText.change($0.change), kind: $0.kind.rawValue, reps: $0.reps, simulatedAttainment: $0.attainment,
                        meetsTarget: $0.meetsTarget, fteChange: $0.fteChange, fix: $0 == p.fix)
                },
                channels: p.channels.map {
                    Channel(
                        rule: $0.rule, responseSlaMinutes: Double($0.responseSLA.calendarSeconds) / 60, clock: $0.clock.rawValue,
                        target: $0.target, simulatedAttainment: $0.simulated.attainment, status: $0.status.rawValue)
                }, simulatedLeads: p.simulated.leads,
                staffingCurve: p.staffingCurve.map {
                    StaffingPoint(
                        reps: $0.reps, simulatedAttainment: $0.simulated, simulatedAttainmentInterval: [$0.low, $0.high],
                        erlangAttainment: $0.erlang)
                })
        }
        let idle: [Pod] = plan.sla.idlePods.map { p in
            Pod(
                name: p.name, role: p.role.rawValue, receivesLeads: false, noLeadsReason: SLAText.idle(p), reps: p.reps,
                shrinkage: p.shrinkage.fraction, agents: p.agents, shifts: p.shifts.map(Self.shift),
                headcount: p.shifts.reduce(0) { $0 + $1.reps }, fte: p.fte, plan: nil, share: 0, arrivalsPerHour: 0, offeredLoad: 0,
                occupancy: 0,
                probabilityOfWait: nil, attainment: nil, simulatedAttainment: nil, averageSpeedOfAnswerMinutes: nil, requiredReps: nil,
                requiredAgents: nil, status: "no leads", workloadHoursPerWeek: 0, capacityHoursPerWeek: p.capacityHoursPerWeek,
                utilisation: 0, simulatedAttainmentInterval: nil, replicas: 0, requiredRepsSimulated: nil, bestAttainment: nil,
                achievableFirstTouchMinutes: nil, medianFirstTouchMinutes: nil, p90FirstTouchMinutes: nil, newestFirstAttainment: nil,
                newestFirstMedianMinutes: nil, newestFirstP90Minutes: nil, recommendNewestFirst: false, options: [], channels: [],
                simulatedLeads: 0, staffingCurve: [])
        }
        let order = plan.brief.pods.map(\.name)
        return (modelled + idle).sorted { (order.firstIndex(of: $0.name) ?? .max) < (order.firstIndex(of: $1.name) ?? .max) }
    }

    static func shift(_ s: ShiftSLA) -> Shift {
        Shift(name: s.name.isEmpty ? nil : s.name, hours: s.hours.text, reps: s.reps, agents: s.agents, repHoursPerWeek: s.repHoursPerWeek)
    }

    static func plan(_ p: StaffingPlan) -> Plan {
        Plan(
            shifts: p.shifts.map {
                PlanShift(
                    name: $0.name.isEmpty ? nil : $0.name, hours: $0.hours.text, reps: $0.reps, agents: $0.agents,
                    repHoursPerWeek: $0.repHoursPerWeek, repsToday: $0.repsToday)
            }, fte: p.fte, fteToday: p.fteToday, simulatedAttainment: p.simulated.attainment,
            simulatedAttainmentInterval: [p.simulated.low, p.simulated.high], meetsTarget: p.meetsTarget, ceiling: p.ceiling)
    }

    /// The file's text.
    public func serialized() -> String {
        ((try? JSONValueEncoder().encode(self)) ?? .null).serialized()
    }
}

extension PacketJSON.LeadFields: Encodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for field in fields { try container.encode(field.value, forKey: Key(stringValue: field.name)) }
    }
}
