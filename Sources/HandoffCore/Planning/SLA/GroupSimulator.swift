import Foundation
import HandoffEngine

/// Simulated figures of one channel or pod: the mean over replicas and its 95% interval
/// (SPEC §3.3.3), with the median and p90 time to first touch.
public struct SimulatedFigures: Sendable, Hashable, Codable {
    /// Leads per replica, on average.
    public var leads: Double
    public var attainment: Double
    public var low: Double
    public var high: Double
    public var replicas: Int
    /// The replica cap was reached before the interval narrowed to the precision asked for.
    public var capped: Bool
    /// Minutes of the SLA clock (working minutes on the business clock); infinity: never.
    public var medianMinutes: Double
    public var p90Minutes: Double
    /// Share of leads first touched more than a week (of the clock) after arriving.
    public var overAWeek: Double
    /// One replica's standard deviation (26 weeks), before control variates: how much a real
    /// half-year varies, volume and all (SPEC §3.8 compares an export with it); nil when unknown.
    public var replicaSpread: Double? = nil

    public static let none = SimulatedFigures(
        leads: 0, attainment: 1, low: 1, high: 1, replicas: 0, capped: false, medianMinutes: 0, p90Minutes: 0, overAWeek: 0)
}

/// What a run of a group found: every channel at every pod, every pod, every channel.
struct GroupFigures: Sendable {
    var cells: Grid<SimulatedFigures>
    var pods: [SimulatedFigures]
    var channels: [SimulatedFigures]
    /// Each pod's sampled times to first touch (seconds of the clock), when collected.
    var podWaits: [[Double]]
    var replicas: Int
}

/// Runs one group of pods over replicas: draws each replica's leads once and keeps them (common
/// random numbers: every configuration tried sees the same leads), keeps each configuration's
/// outcomes by replica (a headcount asked about twice is simulated once), adds the leads it
/// routes to the work tally, and stops each run by its rule.
final class GroupSimulator {
    let group: PodGroup
    /// The seed's text: the segment and the group's pods, so every machine draws the same leads.
    let seedText: String
    private(set) var work = SimulationWork()
    /// Leads of the first replicas kept for later configurations, up to this many (18 MB); later
    /// replicas are drawn again when needed (same seed, same leads).
    static let keptLeads = 600_000
    /// Times to first touch pooled for the medians and p90s, at most: a random sample within each
    /// replica, halved at random whenever it grows past this.
    static let pooledWaits = 120_000

    private var kept: [Leads] = []
    private var keptCount = 0
    private var controlsByReplica: [Controls] = []
    private var memo: [Key: [Outcome]] = [:]
    private var calendars: [CalendarKey: OpenIntervals] = [:]
    private let expectedWork: Double
    private let expectedAfterHours: Double

    /// A configuration as the engine sees it: shift names and unstaffed shifts make no
    /// difference to a run (a shift without reps adds neither reps nor hours), so the plan's
    /// configurations, which list every candidate shift, share the runs of the what-if changes.
    private struct Key: Hashable {
        var config: GroupConfiguration
        var order: Simulation.Order

        init(_ config: GroupConfiguration, _ order: Simulation.Order) {
            var engine = config
            for p in engine.pods.indices where engine.pods[p].contains(where: { $0.reps > 0 }) {
                engine.pods[p] = engine.pods[p].compactMap { $0.reps > 0 ? GroupConfiguration.Shift(hours: $0.hours, reps: $0.reps) : nil }
            }
            self.config = engine
            self.order = order
        }
    }

    private struct CalendarKey: Hashable {
        var pod: Int
        var hours: WeeklyHours
    }

    init(_ group: PodGroup, segment: String) {
        self.group = group
        seedText = "\(segment)/\(group.pods.map { group.network.pods[$0].name }.joined(separator: "+"))"
        var work = 0.0
        var after = 0.0
        for c in group.channels.indices {
            let channel = group.channel(c)
            let leads = channel.streams.reduce(0) { $0 + $1.expectedLeads }
            work += leads * channel.handleSeconds
            after += channel.streams.filter { !$0.inWindow }.reduce(0) { $0 + $1.expectedLeads }
        }
        expectedWork = work
        expectedAfterHours = after
    }

    // MARK: Leads

    /// A replica's seed: from the segment, the group's pods and the replica number.
    func seed(_ replica: Int) -> UInt64 {
        var rng = SplitMix64(seedText: "\(seedText)#\(replica)")
        return rng.next()
    }

    /// The leads of replica `r`.
    func leads(_ r: Int) -> Leads {
        if r < kept.count { return kept[r] }
        let net = network(group.today)
        while kept.count <= r, keptCount < Self.keptLeads {
            let drawn = Leads.draw(net, seed: seed(kept.count))
            // A replica bigger than the whole allowance is drawn again when asked, not kept.
            guard keptCount + drawn.count <= Self.keptLeads else {
                keptCount = Self.keptLeads
                return kept.count == r ? drawn : Leads.draw(net, seed: seed(r))
            }
            kept.append(drawn)
            keptCount += drawn.count
        }
        return r < kept.count ? kept[r] : Leads.draw(net, seed: seed(r))
    }

    /// Replica `r`'s control variates: its work and after-hours leads against their expectations.
    func controls(_ r: Int, _ leads: Leads) -> Controls {
        if r < controlsByReplica.count { return controlsByReplica[r] }
        let work = leads.channelWork.reduce(0, +)
        let after = zip(leads.channelLeads, leads.channelInWindow).reduce(0) { $0 + $1.0 - $1.1 }
        let x = Controls(
            work: expectedWork > 0 ? work / expectedWork - 1 : 0,
            afterHours: expectedAfterHours > 0 ? Double(after) / expectedAfterHours - 1 : 0)
        if r == controlsByReplica.count { controlsByReplica.append(x) }
        return x
    }

    /// Leads of one replica of the group: one 26-week run.
    var oneReplica: Int { leads(0).count }

    // MARK: Configurations

    /// Pod `p`'s working time with these hours.
    func calendar(_ p: Int, _ hours: WeeklyHours) -> OpenIntervals {
        let key = CalendarKey(pod: p, hours: hours)
        if let known = calendars[key] { return known }
        let pod = group.pod(p)
        let made = group.network.calendars.pod(hours, zone: pod.zone, holidays: pod.holidays)
        calendars[key] = made
        return made
    }

    /// The engine's network for a configuration.
    func network(_ config: GroupConfiguration) -> Network {
        let pods = group.pods.indices.map { p -> Network.Pod in
            let pod = group.pod(p)
            var shifts = config.pods[p].map { shift in
                Network.Shift(calendar: calendar(p, shift.hours), agents: group.agents(p, reps: shift.reps))
            }
            if config.unlimited == p {
                // Every hour the pod works, as many agents as its leads could want.
                let hours = group.hours(p, in: config)
                shifts = [Network.Shift(calendar: calendar(p, hours), agents: unlimitedAgents(p, in: config))]
            }
            return Network.Pod(calendar: calendar(p, group.hours(p, in: config)), shifts: shifts, maxOpen: pod.maxOpen)
        }
        let channels = group.channels.indices.map { c in
            var channel = group.channel(c)
            if c < config.sla.count, let sla = config.sla[c] { channel.sla = sla }
            return channel.engineChannel(routing: group.routing(c), businessClock: config.businessClock[c])
        }
        return Network(pods: pods, channels: channels, retryLimit: group.network.brief.escalation.retryLimit)
    }

    // MARK: Workload and capacity (SPEC §3.3.4)

    /// Productive agents of pod `p` in a configuration.
    func agents(_ p: Int, in config: GroupConfiguration) -> Int {
        if config.unlimited == p { return unlimitedAgents(p, in: config) }
        return config.pods[p].reduce(0) { $0 + group.agents(p, reps: $1.reps) }
    }

    /// As many agents as pod `p`'s leads could want: at most 5% busy, at most 2,000.
    func unlimitedAgents(_ p: Int, in config: GroupConfiguration) -> Int {
        var copy = config
        copy.unlimited = nil
        let hours = max(openHoursPerWeek(p, group.hours(p, in: copy)), 1e-9)
        let current = agents(p, in: copy)
        return min(2_000, max(current, Int((workload(p, in: copy) / hours * 20).rounded(.up)) + 1))
    }

    /// Open hours a week of pod `p` with these hours, over the simulated weeks (holidays
    /// included).
    func openHoursPerWeek(_ p: Int, _ hours: WeeklyHours) -> Double {
        let calendars = group.network.calendars
        return calendar(p, hours).openSeconds(from: calendars.startInstant, to: calendars.endInstant) / 3600
            / Double(group.network.weeks)
    }

    /// Productive agent-hours a week of pod `p`: each shift's agents × its open hours (SPEC §2.4).
    func capacity(_ p: Int, in config: GroupConfiguration) -> Double {
        if config.unlimited == p { return Double(unlimitedAgents(p, in: config)) * openHoursPerWeek(p, group.hours(p, in: config)) }
        return config.pods[p].reduce(0) { $0 + Double(group.agents(p, reps: $1.reps)) * openHoursPerWeek(p, $1.hours) }
    }

    /// Workload hours a week reaching pod `p`: every lead the router sends it × handle time.
    func workload(_ p: Int, in config: GroupConfiguration) -> Double {
        group.channels.indices.reduce(0) { sum, c in
            sum + group.channel(c).leadsPerWeek * share(c, p, in: config) * group.channel(c).handleSeconds / 3600
        }
    }

    /// Workload over capacity; infinite when there is work and no capacity.
    func utilisation(_ p: Int, in config: GroupConfiguration) -> Double {
        let capacity = capacity(p, in: config)
        let work = workload(p, in: config)
        return capacity > 0 ? work / capacity : (work > 0 ? .infinity : 0)
    }

    /// The share of channel `c`'s leads first assigned to pod `p` (local), the way the router
    /// splits them.
    func share(_ c: Int, _ p: Int, in config: GroupConfiguration) -> Double {
        let routing = group.routing(c)
        guard let k = routing.pods.firstIndex(of: p) else { return 0 }
        if case .rotation = routing {} else { return 1 }
        let key = ShareKey(channel: c, onDuty: routing.pods.map { onDutyHours($0, in: config) })
        if let known = shares[key] { return known[k] }
        let split = RouterSplit.shares(routing, streams: group.channel(c).streams) { q in
            onDutyHours(q, in: config).map { calendar(q, $0) }
        }
        shares[key] = split
        return split[k]
    }

    private struct ShareKey: Hashable {
        var channel: Int
        var onDuty: [WeeklyHours?]
    }

    private var shares: [ShareKey: [Double]] = [:]

    struct WeekProfileKey: Hashable {
        var pod: Int
        var onDuty: [WeeklyHours?]
    }

    /// Week profiles worked out, by pod and who is on duty (`weekProfile`).
    var weekProfiles: [WeekProfileKey: (leads: [Double], work: [Double])] = [:]

    /// When pod `p` has a productive rep on duty: the hours of its shifts that have one; nil when
    /// none does.
    func onDutyHours(_ p: Int, in config: GroupConfiguration) -> WeeklyHours? {
        if config.unlimited == p { return group.hours(p, in: config) }
        let working = config.pods[p].filter { group.agents(p, reps: $0.reps) > 0 }
        guard let first = working.first else { return nil }
        return working.dropFirst().reduce(first.hours) { $0.union($1.hours) }
    }

    /// Whether pod `p` in `config` still works every hour it works in `today`, with a productive
    /// rep wherever today has one. A change that closes hours is not a staffing change: on the
    /// business clock it would quietly promise customers less.
    func keepsHours(_ p: Int, in config: GroupConfiguration, of today: GroupConfiguration) -> Bool {
        guard group.hours(p, in: config).covers(group.hours(p, in: today)) else { return false }
        guard let before = onDutyHours(p, in: today) else { return true }
        return onDutyHours(p, in: config)?.covers(before) ?? false
    }

    // MARK: Runs

    /// Runs a configuration over replicas until `stop` says enough. With `waits`, collects a
    /// sample of times to first touch for the medians and p90s.
    func run(
        _ config: GroupConfiguration, order: Simulation.Order = .earliestDeadline, stop: StoppingRule, waits: Bool = false,
        for purpose: SimulationWork.Purpose
    ) -> GroupFigures {
        let channels = group.channels.count
        let pods = group.pods.count
        // Every run is kept; one that collects waits cannot take them from the memo.
        let key = Key(config, order)
        let targets = group.channels.indices.map { group.channel($0).target }
        var net: Network?
        var cells = Grid(channels: channels, pods: pods, repeating: ReplicaEstimate())
        var cellLeads = Grid(channels: channels, pods: pods, repeating: 0.0)
        var cellMet = Grid(channels: channels, pods: pods, repeating: 0.0)
        var podEstimates = Array(repeating: ReplicaEstimate(), count: pods)
        var podLeads = Array(repeating: 0.0, count: pods)
        var podMet = Array(repeating: 0.0, count: pods)
        var channelEstimates = Array(repeating: ReplicaEstimate(), count: channels)
        var channelLeads = Array(repeating: 0.0, count: channels)
        var sample = WaitSample(capacity: Self.pooledWaits)
        // Whether pod `p`'s question is answered: one channel clearly short answers "no"; "yes"
        // needs every one clearly above, and never surer than its leads say (two replicas of a
        // handful of leads, all on time, vary by nothing).
        func settled(_ p: Int) -> Bool {
            var above = true
            for c in 0..<channels where cells[c, p].count > 0 {
                let (mean, half) = cells[c, p].interval
                if mean + half < targets[c] { return true }
                if mean - max(half, ReplicaEstimate.binomialHalf(met: cellMet[c, p], of: cellLeads[c, p])) < targets[c] {
                    above = false
                }
            }
            return above
        }
        var n = 0
        while n < stop.maximum {
            let leads = self.leads(n)
            let outcome: Outcome
            let known = memo[key]?.count ?? 0
            if !waits, n < known {
                outcome = memo[key]![n]
            } else {
                if net == nil { net = network(config) }
                work.add(purpose, leads: leads.count)
                outcome = Simulation.run(net!, leads, order: order, waits: waits)
                if n == known { memo[key, default: []].append(outcome.counts) }
            }
            let x = controls(n, leads)
            for c in 0..<channels {
                let total = Int(outcome.channelLeads[c])
                channelLeads[c] += Double(total)
                if total > 0 { channelEstimates[c].add(Double(outcome.channelMet[c]) / Double(total), x) }
            }
            for p in 0..<pods {
                var leadsHere = 0
                var met = 0
                for c in 0..<channels {
                    let l = Int(outcome.cellLeads[c * pods + p])
                    let m = Int(outcome.cellMet[c * pods + p])
                    guard l > 0 else { continue }
                    leadsHere += l
                    met += m
                    cells[c, p].add(Double(m) / Double(l), x)
                    cellLeads[c, p] += Double(l)
                    cellMet[c, p] += Double(m)
                }
                podLeads[p] += Double(leadsHere)
                podMet[p] += Double(met)
                if leadsHere > 0 { podEstimates[p].add(Double(met) / Double(leadsHere), x) }
            }
            if waits { sample.add(outcome, leads: leads, replica: n) }
            n += 1
            if stop.pilot, n == stop.minimum {
                // The pilot's spread is the intervals' from here on (Stein's two stages).
                for c in 0..<channels {
                    channelEstimates[c].freeze()
                    for p in 0..<pods { cells[c, p].freeze() }
                }
                for p in 0..<pods { podEstimates[p].freeze() }
            }
            guard n >= stop.minimum, n < stop.maximum else { continue }
            var done: Bool
            switch stop.goal {
            case .fixed: done = false
            case .everyCell(let h):
                done = (0..<channels).allSatisfy { c in
                    (0..<pods).allSatisfy { p in cells[c, p].count == 0 || cells[c, p].interval.half <= h }
                }
            case .everyPod(let h):
                done = podEstimates.allSatisfy { $0.count == 0 || $0.interval.half <= h }
            case .pod(let p, let h, let floor):
                let half = podEstimates[p].interval.half
                done =
                    podEstimates[p].count == 0
                    || max(half, floor ? ReplicaEstimate.binomialHalf(met: podMet[p], of: podLeads[p]) : 0) <= h
            case .settled(let p):
                done = settled(p)
            case .podSettled(let p, let h):
                done = (podEstimates[p].count == 0 || podEstimates[p].interval.half <= h) && settled(p)
            }
            if done { break }
        }
        let reachedCap: Bool = {
            if case .fixed = stop.goal { return false }
            return n >= stop.maximum
        }()
        let precision: Double = {
            switch stop.goal {
            case .everyCell(let h), .everyPod(let h), .pod(_, let h, _), .podSettled(_, let h): return h
            default: return ReplicaEstimate.precision
            }
        }()
        func figures(_ e: ReplicaEstimate, leads: Double) -> SimulatedFigures {
            guard e.count > 0 else { return .none }
            let (mean, half) = e.interval
            return SimulatedFigures(
                leads: leads / Double(max(n, 1)), attainment: mean, low: max(0, mean - half), high: min(1, mean + half), replicas: n,
                capped: reachedCap && half > precision, medianMinutes: 0, p90Minutes: 0, overAWeek: 0, replicaSpread: e.rawSpread)
        }
        var cellFigures = Grid(channels: channels, pods: pods, repeating: SimulatedFigures.none)
        var podFigures = podEstimates.indices.map { figures(podEstimates[$0], leads: podLeads[$0]) }
        var channelFigures = channelEstimates.indices.map { figures(channelEstimates[$0], leads: channelLeads[$0]) }
        for c in 0..<channels {
            for p in 0..<pods { cellFigures[c, p] = figures(cells[c, p], leads: cellLeads[c, p]) }
        }
        var podWaits: [[Double]] = []
        if waits {
            let calendarClock = (0..<channels).map { !config.businessClock[$0] }
            // One pass sorts the sample by cell; a channel's and a pod's are their cells together.
            let byCell = sample.byCell(channels: channels, pods: pods)
            for c in 0..<channels {
                for p in 0..<pods where cellFigures[c, p].replicas > 0 {
                    WaitSample.describe(&cellFigures[c, p], waits: byCell[c * pods + p], calendarClock: calendarClock[c])
                }
                let all = (0..<pods).flatMap { byCell[c * pods + $0] }
                WaitSample.describe(&channelFigures[c], waits: all, calendarClock: calendarClock[c])
            }
            for p in 0..<pods {
                let clock = (0..<channels).contains { calendarClock[$0] && group.routing($0).pods.contains(p) }
                let all = (0..<channels).flatMap { byCell[$0 * pods + p] }
                WaitSample.describe(&podFigures[p], waits: all, calendarClock: clock)
                podWaits.append(all)
            }
        }
        return GroupFigures(cells: cellFigures, pods: podFigures, channels: channelFigures, podWaits: podWaits, replicas: n)
    }
}

/// Times to first touch sampled at random within each replica: a lead is kept when a hash of its
/// replica and number falls under the current rate, which halves (keeping a random half) when
/// the sample grows past its capacity. Keeping every k-th lead instead would keep only some reps'
/// leads of a rotation.
struct WaitSample {
    struct Entry {
        var hash: UInt64
        var channel: Int32
        var pod: Int32
        var wait: Double
    }

    let capacity: Int
    /// A lead is kept when its hash is a multiple of `stride` (a power of two).
    private var stride: UInt64 = 1
    private(set) var entries: [Entry] = []

    init(capacity: Int) { self.capacity = capacity }

    static func hash(_ replica: Int, _ lead: Int) -> UInt64 {
        var z = UInt64(replica) &* 0x9e37_79b9_7f4a_7c15 &+ UInt64(lead) &* 0xd1b5_4a32_d192_ed03
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func add(_ outcome: Outcome, leads: Leads, replica: Int) {
        let channels = leads.channels
        for i in 0..<leads.count where outcome.home[i] >= 0 {
            let h = Self.hash(replica, i)
            guard h & (stride - 1) == 0 else { continue }
            entries.append(Entry(hash: h, channel: channels[i], pod: outcome.home[i], wait: outcome.waits[i]))
        }
        while entries.count > capacity {
            stride *= 2
            let mask = stride - 1
            entries.removeAll { $0.hash & mask != 0 }
        }
    }

    /// The sampled waits of each channel and pod (`channel * pods + pod`).
    func byCell(channels: Int, pods: Int) -> [[Double]] {
        var cells = Array(repeating: [Double](), count: channels * pods)
        for e in entries { cells[Int(e.channel) * pods + Int(e.pod)].append(e.wait) }
        return cells
    }

    /// The median, p90 and share over a week of these waits.
    static func describe(_ figures: inout SimulatedFigures, waits: [Double], calendarClock: Bool) {
        var waits = waits
        guard !waits.isEmpty else { return }
        let week = calendarClock ? 7 * 86_400.0 : 5 * 8 * 3600.0
        figures.overAWeek = Double(waits.filter { $0 > week }.count) / Double(waits.count)
        figures.medianMinutes = Quantile.select(&waits, 0.5) / 60
        figures.p90Minutes = Quantile.select(&waits, 0.9) / 60
    }
}
