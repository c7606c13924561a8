/// The routing blueprint of a brief (SPEC §3.2): the routing matrix, reachability with a
/// synthetic lead per path, lead shares per rule and per pod, and required enrichment data.
public struct RoutingBlueprint: Sendable {
    /// One row of the routing matrix.
    public struct Row: Sendable {
        public var order: Int
        public var name: String
        public var condition: Condition
        public var assignment: Assignment
        /// Share of all leads this rule owns, 0 to 1.
        public var share: Double
        public var shareSource: ShareSource
        /// The rule's share split across its pods.
        public var podShares: [PodShare]
        public var enrichment: [String]
        public var fallback: Fallback
        /// A lead that reaches this rule, or nil when none can.
        public var syntheticLead: Lead?
        /// For unreachable rules: the earlier rules that always catch its leads first.
        public var shadowedBy: [String]
        public var conditionIsImpossible: Bool
        /// The rule that owns the synthetic lead when it is run through the rules in order (its
        /// arrival time included): this rule's order when the path test holds.
        public var syntheticLeadRoutesTo: Int?

        public var isReachable: Bool { syntheticLead != nil }
        /// Whether running the synthetic lead through the rules lands it on this rule.
        public var pathTestPasses: Bool { syntheticLead != nil && syntheticLeadRoutesTo == order }
    }

    /// Where a rule's share of leads comes from.
    public enum ShareSource: String, Sendable, Hashable {
        /// The rule's own `share`.
        case brief
        /// What the rules with a share leave, split evenly.
        case evenSplit = "even split"
        /// The rule's matches in the brief's sample of leads.
        case sample
        /// The arrivals that fall in the rule's arrival window.
        case arrivalWindow = "arrival window"
    }

    /// The share of leads arriving in `window` under the brief's arrival model: the in-hours
    /// share spread over `hours`, the after-hours share over the rest of the week.
    static func arrivalShare(_ window: WeekMinutes, brief: Brief) -> Double {
        let open = WeekMinutes(brief.hours)
        let closed = WeekMinutes(all: true).subtracting(open)
        let after = brief.volume.afterHoursShare.fraction
        let inside = open.count > 0 ? Double(window.intersection(open).count) / Double(open.count) : 0
        let outside = closed.count > 0 ? Double(window.intersection(closed).count) / Double(closed.count) : 0
        return (1 - after) * inside + after * outside
    }

    /// What happens to a rule's lead when its owner is missing or away (the routing matrix's
    /// fallback column).
    /// What the router (and the simulation) does with a lead in each case.
    public enum Fallback: Sendable, Hashable {
        /// One AE of the pod (at random in the model); untouched after the SLA: the next AE, at
        /// most `retries` times. Without a pod: the next matching rule.
        case accountOwner(pod: String?, retries: Int)
        /// The pod's one queue: the next free rep takes it; after hours it waits for the pod.
        case podQueue(pod: String)
        /// Assigned in turn: reps at max-open and closed pods are skipped; when no pod is open,
        /// the pod that opens first; untouched after the SLA: the next rep, at most `retries` times.
        case rotation(retries: Int)
        /// The person away: the first role of the escalation ladder.
        case namedOwner(person: String, firstLevel: String)
        /// Worked by the team behind the queue, outside sales: no first-touch SLA.
        case outsideQueue(name: String)
    }

    public struct PodShare: Sendable, Hashable, Codable {
        public var pod: String
        public var share: Double
    }

    public var rows: [Row]
    /// Share of all leads per pod, in the brief's pod order; pods with no leads included at 0.
    public var podShares: [PodShare]
    /// Share of leads that go to named owners, outside modelled capacity.
    public var namedOwnerShare: Double
    /// Share of leads that go to queues outside sales (`queue NAME`), with no first-touch SLA.
    public var queueShares: [QueueShare]

    /// A queue outside sales and the share of leads it receives.
    public struct QueueShare: Sendable, Hashable {
        public var queue: String
        public var share: Double
    }
    /// Share of leads no rule is expected to take.
    public var unassignedShare: Double
    /// A lead no rule catches, when there is one.
    public var uncaughtLead: Lead?
    /// Pods that receive no leads: no reachable rule names them, or every one that does gets 0%.
    public var idlePods: [String]
    /// Every field routing needs, in first-use order.
    public var enrichmentFields: [String]
    public var sample: SampleReplay?

    /// Builds the blueprint and reports its findings.
    public static func plan(_ brief: Brief, sample: SampleReplay?, findings: inout [Finding]) -> RoutingBlueprint {
        let rules = brief.routing
        let conditions = rules.map(\.condition)
        var rows: [Row] = []
        for (i, rule) in rules.enumerated() {
            let earlier = Array(conditions[..<i])
            let lead = PathFinder.lead(meeting: rule.condition, missing: earlier)
            var shadowedBy: [String] = []
            let impossible = lead == nil && PathFinder.lead(meeting: rule.condition, missing: []) == nil
            if lead == nil, !impossible {
                shadowedBy = rules[..<i].filter { PathFinder.implies(rule.condition, $0.condition) }.map(\.name)
            }
            rows.append(
                Row(
                    order: i + 1, name: rule.name, condition: rule.condition, assignment: rule.assignment, share: 0,
                    shareSource: .brief, podShares: [], enrichment: enrichment(for: rule),
                    fallback: fallback(for: rule, brief: brief), syntheticLead: lead, shadowedBy: shadowedBy,
                    conditionIsImpossible: impossible,
                    syntheticLeadRoutesTo: lead.flatMap { l in conditions.firstIndex { $0.matches(l) }.map { $0 + 1 } }))
            if lead == nil {
                let why: Finding.Unreachability =
                    impossible ? .impossible : shadowedBy.isEmpty ? .coveredTogether : .shadowed(by: shadowedBy)
                findings.append(.warning(.unreachableRule(rule: rule.name, why: why), at: rule.location))
            }
        }
        checkPods(brief, &findings)
        if brief.fields == nil, brief.sample == nil { checkFieldNames(brief, &findings) }
        assignShares(&rows, brief: brief, sample: sample, findings: &findings)

        let uncaught = PathFinder.lead(meeting: .always, missing: conditions)
        if let uncaught, let first = rules.first {
            findings.append(.warning(.noCatchAll(example: uncaught), at: first.location))
        }

        var podShares = brief.pods.map { PodShare(pod: $0.name, share: 0) }
        var named = 0.0
        var queues: [QueueShare] = []
        for row in rows {
            if case .queue(let name) = row.assignment {
                if let k = queues.firstIndex(where: { $0.queue == name }) {
                    queues[k].share += row.share
                } else {
                    queues.append(QueueShare(queue: name, share: row.share))
                }
            }
            if case .owner = row.assignment { named += row.share }
            for ps in row.podShares {
                if let k = podShares.firstIndex(where: { $0.pod == ps.pod }) { podShares[k].share += ps.share }
            }
            if case .accountOwner(nil) = row.assignment { named += row.share }
        }
        let reachable = rows.filter(\.isReachable)
        let used = Set(reachable.flatMap { $0.assignment.pods })
        var idle: [String] = []
        for pod in brief.pods {
            if !used.contains(pod.name) {
                idle.append(pod.name)
                findings.append(.warning(.idlePod(pod: pod.name), at: pod.location))
            } else if sample == nil, podShares.first(where: { $0.pod == pod.name })?.share == 0 {
                // Named only by rules that get nothing: moving a shadowed rule ahead of its
                // shadow is not a fix until its share is stated.
                let rules = reachable.filter { $0.assignment.pods.contains(pod.name) }.map(\.name)
                idle.append(pod.name)
                findings.append(.warning(.podGetsNoLeads(pod: pod.name, rules: rules), at: pod.location))
            }
        }
        var fields: [String] = []
        for row in rows { for f in row.enrichment where !fields.contains(f) { fields.append(f) } }
        let assigned = rows.reduce(0) { $0 + $1.share }
        return RoutingBlueprint(
            rows: rows, podShares: podShares, namedOwnerShare: named, queueShares: queues, unassignedShare: max(0, 1 - assigned),
            uncaughtLead: uncaught, idlePods: idle, enrichmentFields: fields, sample: sample)
    }

    /// A pod with no productive capacity cannot take leads. (Names and weights are checked
    /// when the brief is decoded: `BriefCrossReferences`.)
    static func checkPods(_ brief: Brief, _ findings: inout [Finding]) {
        for pod in brief.pods where pod.reps == 0 || ErlangC.productiveAgents(reps: pod.reps, shrinkage: pod.shrinkage) == 0 {
            findings.append(.warning(.noProductiveCapacity(pod: pod.name, reps: pod.reps, shrinkage: pod.shrinkage), at: pod.location))
        }
    }

    /// Lead fields most CRMs carry: a field one edit or two from one of these is likely it.
    public static let commonFields = [
        "region", "country", "state", "employees", "industry", "lead-source", "score", "email", "title", "language", "segment",
        "account.owner", "account.type",
    ]

    /// With neither `fields` nor a sample to say which fields exist, a field only one rule names
    /// that is one or two edits from a field named elsewhere in the brief, or from a common lead
    /// field, is likely a misspelling: in the CRM that rule would never fire (SPEC §3.2).
    static func checkFieldNames(_ brief: Brief, _ findings: inout [Finding]) {
        var rulesNaming: [String: [Int]] = [:]
        var order: [String] = []
        for (i, rule) in brief.routing.enumerated() {
            for field in rule.condition.fields {
                if rulesNaming[field] == nil { order.append(field) }
                rulesNaming[field, default: []].append(i)
            }
        }
        for field in order {
            guard let rules = rulesNaming[field], Set(rules).count == 1, let i = rules.first else { continue }
            let elsewhere = order.filter { $0 != field && (rulesNaming[$0]?.contains { $0 != i } ?? false) }
            let candidates = elsewhere + commonFields.filter { !elsewhere.contains($0) }
            let near = candidates.filter { $0 != field }.map { ($0, DidYouMean.distance($0.lowercased(), field.lowercased())) }
                .filter { $0.1 >= 1 && $0.1 <= 2 }
                .min { $0.1 < $1.1 }
            guard let (suggestion, _) = near else { continue }
            let rule = brief.routing[i]
            findings.append(
                .warning(
                    .likelyMisspeltField(field: field, rule: rule.name, suggestion: suggestion), at: rule.whenLocation ?? rule.location))
        }
    }

    /// Shares per rule (SPEC §3.2), then split across each rule's pods.
    static func assignShares(_ rows: inout [Row], brief: Brief, sample: SampleReplay?, findings: inout [Finding]) {
        let rules = brief.routing
        if let sample, sample.rows > 0 {
            for i in rows.indices {
                rows[i].share = Double(sample.matches[i]) / Double(sample.rows)
                rows[i].shareSource = .sample
            }
        } else {
            var explicit = 0
            for (i, rule) in rules.enumerated() {
                guard let share = rule.share else { continue }
                explicit += share.basisPoints
                rows[i].share = share.fraction
                if explicit > 10_000, let location = rule.shareLocation {
                    findings.append(.error(.sharesPastFull(rule: rule.name, total: Percent(basisPoints: explicit)), at: location))
                }
            }
            // A rule with an arrival atom takes the arrivals of its window under the arrival
            // model (SPEC §2.3); the other rules without a share split what remains evenly.
            var timed = 0.0
            for i in rows.indices
            where rules[i].share == nil && rows[i].isReachable && rules[i].condition.readsArrival
                && !rules[i].condition.arrivalWindow.isFull
            {
                rows[i].share = arrivalShare(rules[i].condition.arrivalWindow, brief: brief)
                rows[i].shareSource = .arrivalWindow
                timed += rows[i].share
            }
            let open = rows.indices.filter { rules[$0].share == nil && rows[$0].isReachable && rows[$0].shareSource != .arrivalWindow }
            let rest = max(0, Double(10_000 - explicit) / 10_000 - timed)
            for i in open {
                rows[i].share = rest / Double(open.count)
                rows[i].shareSource = .evenSplit
                if rest <= 0 { findings.append(.warning(.ruleGetsNoLeads(rule: rules[i].name), at: rules[i].location)) }
            }
            if open.isEmpty, timed == 0, explicit < 10_000, let first = rules.first {
                findings.append(.warning(.sharesShort(total: Percent(basisPoints: explicit)), at: first.shareLocation ?? first.location))
            }
        }
        for i in rows.indices {
            rows[i].podShares = split(rows[i].share, rules[i], brief)
        }
    }

    static func split(_ share: Double, _ rule: Brief.RoutingRule, _ brief: Brief) -> [PodShare] {
        switch rule.assignment {
        case .owner, .queue, .accountOwner(nil): return []
        case .pod(let name), .accountOwner(.some(let name)): return [PodShare(pod: name, share: share)]
        case .roundRobin(let pods):
            if let weights = rule.weights {
                return pods.map { pod in
                    PodShare(pod: pod, share: share * (weights.first { $0.pod == pod }?.share.fraction ?? 0))
                }
            }
            let reps = pods.map { brief.pod(named: $0)?.reps ?? 0 }
            let total = reps.reduce(0, +)
            return zip(pods, reps).map { pod, r in
                PodShare(pod: pod, share: total == 0 ? share / Double(pods.count) : share * Double(r) / Double(total))
            }
        }
    }

    static func enrichment(for rule: Brief.RoutingRule) -> [String] {
        var fields = rule.condition.fields
        if case .accountOwner = rule.assignment {
            for f in ["email domain (account match)", "account.owner"] where !fields.contains(f) { fields.append(f) }
        }
        return fields
    }

    static func fallback(for rule: Brief.RoutingRule, brief: Brief) -> Fallback {
        switch rule.assignment {
        case .accountOwner(let pod): .accountOwner(pod: pod, retries: brief.escalation.retryLimit)
        case .pod(let name): .podQueue(pod: name)
        case .roundRobin: .rotation(retries: brief.escalation.retryLimit)
        case .owner(let person): .namedOwner(person: person, firstLevel: brief.escalation.ladder.first ?? "RevOps Director")
        case .queue(let name): .outsideQueue(name: name)
        }
    }
}
