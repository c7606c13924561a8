/// What a change to the briefs does (`handoff diff`, SPEC §4), as values: per segment, the
/// planning inputs changed field by field, the routing rules added, removed, moved or changed,
/// each pod's and channel's figures before and after, where the sample's leads go instead,
/// readiness before and after, and the approvals the change makes stale.
public struct PlanComparison: Sendable {
    /// One segment's before and after.
    public struct Segment: Sendable {
        public var segment: String
        /// nil: the brief is new.
        public var base: HandoffPlan?
        /// nil: the brief was removed.
        public var head: HandoffPlan?
        public var inputs: [InputChange]
        public var rules: [RuleChange]
        public var pods: [PodDelta]
        public var sampleMoves: [LeadMove]
        /// Leads in the sample replayed through both versions' rules (0: no sample).
        public var sampleRows: Int
        /// Decisions that counted before and no longer do.
        public var madeStale: [SignOff]
        /// Warnings of the base that the change resolves, and warnings it introduces (compared by
        /// what they say, not where: lines move when a brief is edited).
        public var warningsResolved: [Finding] = []
        public var warningsIntroduced: [Finding] = []

        public var isChanged: Bool { base == nil || head == nil || !inputs.isEmpty }
    }

    /// How one routing rule changed.
    public enum RuleChange: Sendable, Hashable {
        case added(rule: String, position: Int)
        case removed(rule: String, position: Int)
        /// Positions are 1-based in the full list; `passed`: the rules it now comes before (or
        /// after) that it came after (or before), which now see its leads later (or first);
        /// its share of leads on each side (a rule moved ahead of its shadow may get 0%), nil
        /// where it is unreachable.
        case moved(rule: String, from: Int, to: Int, passed: [String], shareBefore: Double?, shareAfter: Double?)
        case changed(rule: String, fields: [InputChange])
    }

    /// One pod's, or one of its channels', figures before and after; nil where it has no figures.
    public struct PodDelta: Sendable, Hashable {
        public var pod: String
        /// nil: the pod as a whole.
        public var channel: String?
        public var before: Figures?
        public var after: Figures?
        /// The pod is in the brief but receives no leads (lost its productive reps, or its rules
        /// send it none), and why: on each side.
        public var noLeadsBefore: IdlePod? = nil
        public var noLeadsAfter: IdlePod? = nil

        /// Whether the simulated attainment changed beyond simulation noise: its two 95%
        /// intervals do not overlap (SPEC §4).
        public var attainmentChanged: Bool {
            guard let before, let after else { return false }
            return after.low > before.high || after.high < before.low
        }
    }

    /// What leadership compares.
    public struct Figures: Sendable, Hashable {
        public var status: SLAStatus
        public var simulatedAttainment: Double
        /// The 95% interval of the simulated attainment.
        public var low: Double
        public var high: Double
        public var target: Double
        /// nil: no headcount reaches the target (or not computed for a channel).
        public var requiredReps: Int?
        public var reps: Int?
        /// The pod's FTE today, and with its staffing plan (the same when it has none); nil for
        /// a channel.
        public var fte: Double? = nil
        public var fteInPlan: Double? = nil
    }

    /// Sample leads that another rule, or another owner, takes after the change.
    public struct LeadMove: Sendable, Hashable {
        public var count: Int
        /// nil: no rule matched.
        public var fromRule: String?
        public var fromOwner: String?
        public var toRule: String?
        public var toOwner: String?
    }

    public var segments: [Segment]
    /// Pairs plans by segment. `sampleCSV` gives each head segment's sample text, replayed through
    /// both versions' rules so that the same historical leads are compared.
    public init(base: [HandoffPlan], head: [HandoffPlan], sampleCSV: [String: String] = [:]) {
        let baseBySegment = Dictionary(base.map { ($0.segment, $0) }, uniquingKeysWith: { a, _ in a })
        let headBySegment = Dictionary(head.map { ($0.segment, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Set(baseBySegment.keys).union(headBySegment.keys).sorted()
        segments = names.map { name in
            Self.compare(baseBySegment[name], headBySegment[name], segment: name, sampleCSV: sampleCSV[name])
        }
    }

    static func compare(_ base: HandoffPlan?, _ head: HandoffPlan?, segment: String, sampleCSV: String?) -> Segment {
        var result = Segment(
            segment: segment, base: base, head: head, inputs: [], rules: [], pods: [], sampleMoves: [], sampleRows: 0, madeStale: [])
        guard let base, let head else { return result }
        result.inputs = head.inputs.changes(since: base.inputs)
        result.rules = ruleChanges(base.brief.routing.map(\.name), head.brief.routing.map(\.name), inputs: result.inputs)
        result.pods = podDeltas(base.sla, head.sla)
        if let sampleCSV { (result.sampleMoves, result.sampleRows) = moves(sampleCSV, base.brief.routing, head.brief.routing) }
        let currentBefore = Set(base.approval.signOffs.filter(\.isCurrent).map(\.approval.role))
        result.madeStale = head.approval.staleSignOffs.filter { currentBefore.contains($0.approval.role) }
        let before = base.findings.warnings, after = head.findings.warnings
        result.warningsResolved = before.filter { w in !after.contains { $0.kind == w.kind } }
        result.warningsIntroduced = after.filter { w in !before.contains { $0.kind == w.kind } }
        for (i, change) in result.rules.enumerated() {
            guard case .moved(let rule, let from, let to, let passed, _, _) = change else { continue }
            func share(_ plan: HandoffPlan) -> Double? { plan.routing.rows.first { $0.name == rule && $0.isReachable }?.share }
            result.rules[i] = .moved(rule: rule, from: from, to: to, passed: passed, shareBefore: share(base), shareAfter: share(head))
        }
        return result
    }

    /// Rules added, removed, moved (among the rules both versions have) and changed.
    static func ruleChanges(_ before: [String], _ after: [String], inputs: [InputChange]) -> [RuleChange] {
        var changes: [RuleChange] = []
        let beforeSet = Set(before), afterSet = Set(after)
        for (i, rule) in after.enumerated() where !beforeSet.contains(rule) { changes.append(.added(rule: rule, position: i + 1)) }
        for (i, rule) in before.enumerated() where !afterSet.contains(rule) { changes.append(.removed(rule: rule, position: i + 1)) }
        for move in ListMoves.moves(from: before, to: after) {
            changes.append(.moved(rule: move.item, from: move.from, to: move.to, passed: move.passed, shareBefore: nil, shareAfter: nil))
        }
        for rule in after where beforeSet.contains(rule) {
            let prefix = "routing[\(rule)]"
            let fields = inputs.filter { $0.field.hasPrefix(prefix + ".") || $0.field == prefix }
            if !fields.isEmpty { changes.append(.changed(rule: rule, fields: fields)) }
        }
        return changes
    }

    /// Every pod of either version, then each of its channels. A pod that receives no leads on
    /// one side is reported as such, with why, not as added or removed.
    static func podDeltas(_ before: SLAModel, _ after: SLAModel) -> [PodDelta] {
        var names: [String] = []
        for name in after.pods.map(\.name) + after.idlePods.map(\.name) + before.pods.map(\.name) + before.idlePods.map(\.name)
        where !names.contains(name) {
            names.append(name)
        }
        var deltas: [PodDelta] = []
        for name in names {
            let b = before.pods.first { $0.name == name }, a = after.pods.first { $0.name == name }
            deltas.append(
                PodDelta(
                    pod: name, channel: nil, before: b.map(figures), after: a.map(figures),
                    noLeadsBefore: before.idlePods.first { $0.name == name }, noLeadsAfter: after.idlePods.first { $0.name == name }))
            var channels: [String] = a?.channels.map(\.rule) ?? []
            for c in b?.channels ?? [] where !channels.contains(c.rule) { channels.append(c.rule) }
            // A pod with one channel: the pod's row says it all.
            guard channels.count > 1 || (b?.channels.count ?? 0) > 1 else { continue }
            for channel in channels {
                let cb = b?.channels.first { $0.rule == channel }, ca = a?.channels.first { $0.rule == channel }
                deltas.append(PodDelta(pod: name, channel: channel, before: cb.map(figures), after: ca.map(figures)))
            }
        }
        return deltas
    }

    static func figures(_ p: PodSLA) -> Figures {
        Figures(
            status: p.status, simulatedAttainment: p.simulated.attainment, low: p.simulated.low, high: p.simulated.high,
            target: p.channels.map(\.target).max() ?? 0,
            requiredReps: p.requiredRepsSimulated,
            reps: p.reps, fte: p.fte, fteInPlan: p.plan?.fte ?? p.fte)
    }

    static func figures(_ c: ChannelSLA) -> Figures {
        Figures(
            status: c.status, simulatedAttainment: c.simulated.attainment, low: c.simulated.low, high: c.simulated.high, target: c.target,
            requiredReps: nil, reps: nil)
    }

    /// The same sample leads through both rule lists: how many change rule or owner, grouped.
    static func moves(_ csv: String, _ before: [Brief.RoutingRule], _ after: [Brief.RoutingRule]) -> ([LeadMove], Int) {
        guard case .success(let parsed) = SampleReplay.leads(csv: csv) else { return ([], 0) }
        var counts: [LeadMove: Int] = [:]
        var order: [LeadMove] = []
        for lead in parsed.leads {
            let b = before.first { $0.condition.matches(lead) }, a = after.first { $0.condition.matches(lead) }
            let fromOwner = b?.assignment.description, toOwner = a?.assignment.description
            guard b?.name != a?.name || fromOwner != toOwner else { continue }
            let key = LeadMove(count: 0, fromRule: b?.name, fromOwner: fromOwner, toRule: a?.name, toOwner: toOwner)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        // Most leads first; ties in the order the sample first shows them.
        let moves = order.enumerated().map { i, key in
            var move = key
            move.count = counts[key] ?? 0
            return (i, move)
        }.sorted { ($1.1.count, $0.0) < ($0.1.count, $1.0) }.map(\.1)
        return (moves, parsed.leads.count)
    }
}
