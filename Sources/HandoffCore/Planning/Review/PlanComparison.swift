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

        public var isChanged: Bool { base == nil || head == nil || !inputs.isEmpty }
    }

    /// How one routing rule changed.
    public enum RuleChange: Sendable, Hashable {
        case added(rule: String, position: Int)
        case removed(rule: String, position: Int)
        /// Positions are 1-based in the full list; `passed`: the rules it now comes before (or
        /// after) that it came after (or before), which now see its leads later (or first).
        case moved(rule: String, from: Int, to: Int, passed: [String])
        case changed(rule: String, fields: [InputChange])
    }

    /// One pod's, or one of its channels', figures before and after; nil where it did not exist.
    public struct PodDelta: Sendable, Hashable {
        public var pod: String
        /// nil: the pod as a whole.
        public var channel: String?
        public var before: Figures?
        public var after: Figures?
    }

    /// What leadership compares.
    public struct Figures: Sendable, Hashable {
        public var status: SLAStatus
        public var simulatedAttainment: Double
        public var target: Double
        /// nil: no headcount reaches the target (or not computed for a channel).
        public var requiredReps: Int?
        public var reps: Int?
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
        return result
    }

    /// Rules added, removed, moved (among the rules both versions have) and changed.
    static func ruleChanges(_ before: [String], _ after: [String], inputs: [InputChange]) -> [RuleChange] {
        var changes: [RuleChange] = []
        let beforeSet = Set(before), afterSet = Set(after)
        for (i, rule) in after.enumerated() where !beforeSet.contains(rule) { changes.append(.added(rule: rule, position: i + 1)) }
        for (i, rule) in before.enumerated() where !afterSet.contains(rule) { changes.append(.removed(rule: rule, position: i + 1)) }
        let commonBefore = before.filter(afterSet.contains), commonAfter = after.filter(beforeSet.contains)
        if commonBefore != commonAfter {
            // The fewest moves: rules outside a longest common subsequence of the two orders.
            let staying = Set(longestCommonSubsequence(commonBefore, commonAfter))
            let was = Dictionary(commonBefore.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let now = Dictionary(commonAfter.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for rule in commonAfter where !staying.contains(rule) {
                let passed = commonAfter.filter { other in
                    other != rule && ((was[other] ?? 0) < (was[rule] ?? 0)) != ((now[other] ?? 0) < (now[rule] ?? 0))
                }
                changes.append(
                    .moved(
                        rule: rule, from: (before.firstIndex(of: rule) ?? 0) + 1, to: (after.firstIndex(of: rule) ?? 0) + 1,
                        passed: passed))
            }
        }
        for rule in after where beforeSet.contains(rule) {
            let prefix = "routing[\(rule)]"
            let fields = inputs.filter { $0.field.hasPrefix(prefix + ".") || $0.field == prefix }
            if !fields.isEmpty { changes.append(.changed(rule: rule, fields: fields)) }
        }
        return changes
    }

    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [String] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                out.append(a[i])
                i += 1
                j += 1
            } else if table[i][j + 1] >= table[i + 1][j] {
                // On a tie keep the old order's rule: the one that jumped ahead is reported.
                j += 1
            } else {
                i += 1
            }
        }
        return out
    }

    /// Every pod of either version, then each of its channels.
    static func podDeltas(_ before: SLAModel, _ after: SLAModel) -> [PodDelta] {
        var names: [String] = after.pods.map(\.name)
        for pod in before.pods where !names.contains(pod.name) { names.append(pod.name) }
        var deltas: [PodDelta] = []
        for name in names {
            let b = before.pods.first { $0.name == name }, a = after.pods.first { $0.name == name }
            deltas.append(PodDelta(pod: name, channel: nil, before: b.map(figures), after: a.map(figures)))
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
            status: p.status, simulatedAttainment: p.simulated.attainment, target: p.channels.map(\.target).max() ?? 0,
            requiredReps: p.requiredRepsSimulated,
            reps: p.reps)
    }

    static func figures(_ c: ChannelSLA) -> Figures {
        Figures(status: c.status, simulatedAttainment: c.simulated.attainment, target: c.target, requiredReps: nil, reps: nil)
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
