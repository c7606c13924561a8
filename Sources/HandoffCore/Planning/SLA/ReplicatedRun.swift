import Foundation

/// Simulated figures of one channel or pod: the mean over replicas and its 95% interval
/// (SPEC §3.3.3), with the median and p90 time to first touch.
public struct SimulatedFigures: Sendable, Hashable, Codable {
    /// Leads per replica, on average.
    public var leads: Double
    public var attainment: Double
    public var low: Double
    public var high: Double
    public var replicas: Int
    /// The replica cap was reached before the interval narrowed to ±1 point.
    public var capped: Bool
    /// Minutes of the SLA clock (working minutes on the business clock); infinity: never.
    public var medianMinutes: Double
    public var p90Minutes: Double
    /// Share of leads first touched more than a week (of the clock) after arriving.
    public var overAWeek: Double

    public static let none = SimulatedFigures(
        leads: 0, attainment: 1, low: 1, high: 1, replicas: 0, capped: false, medianMinutes: 0, p90Minutes: 0, overAWeek: 0)
}

/// Runs a network over independent replicas until the figures are precise enough, on arrivals
/// drawn once per replica and shared by every variant tried (common random numbers).
struct ReplicatedRun {
    /// The widest 95% half-interval accepted: one point.
    static let precision = 0.01
    static let minimumReplicas = 4
    static let maximumReplicas = 64
    /// Leads whose arrivals are kept for later variants: the first replicas' up to this many
    /// (6 MB); later replicas are drawn again when needed (same seed, same leads). A busy pod has
    /// 25,000 leads a replica, and 64 replicas kept were 45 MB for one brief.
    static let keptLeads = 200_000
    /// Times to first touch pooled for the medians and p90s, at most: every replica contributes
    /// every `stride`-th lead, and the stride doubles (the pool thinned to every other time)
    /// whenever the pool grows past this. Whole replicas only from the first few put a 4-agent pod
    /// at 90% busy 4 points off the textbook median: its replicas differ more than its leads.
    static let pooledWaits = 120_000

    /// When to stop adding replicas.
    enum Stop {
        /// Until every channel's interval is at most ±1 point (or the cap).
        case precise
        /// Until one pod's own figure is within ±1 point (or the cap): a figure about that pod
        /// alone, whatever its rotation partners do.
        case preciseAt(pod: Int)
        /// A point of the staffing curve: until the pod's figure is within ±1 point, from two
        /// replicas on, and never surer than its leads themselves say (Agresti–Coull) — a big pod
        /// is precise in two replicas, a tiny one takes many cheap ones.
        case chartPoint(pod: Int)
        /// Until the question "does every channel meet its target at this pod?" is settled: one
        /// of the pod's channels is clear below its target, or all are clear above (or the cap).
        case clearOfTargets(pod: Int)
        /// Exactly this many replicas.
        case replicas(Int)
    }

    /// What a replicated run found.
    struct Result {
        var channels: [SimulatedFigures]
        var pods: [SimulatedFigures]
        /// Per channel and pod (`c * pods + p`): the channel's leads that pod handled.
        var cells: [SimulatedFigures]
        /// Pooled waits per pod (seconds of the clock), when collected.
        var podWaits: [[Double]]
        var replicas: Int
    }

    let segment: String
    /// Leads routed so far, by purpose.
    var work = SimulationWork()
    /// Replicas already run of the group's own network at some headcounts (keyed by every pod's
    /// agents), earliest deadline first, without waits: the staffing search, the curve, the
    /// ceiling and the fix ask about the same headcounts, and a replica's outcome depends only on
    /// the network and its seed.
    private var staffedOutcomes: [[Int]: [RouterSimulation.Outcome]] = [:]
    private var cache: [RouterSimulation.Arrivals] = []
    private var cachedLeads = 0
    private var cacheNetwork: RouterNetwork

    init(segment: String, network: RouterNetwork) {
        self.segment = segment
        cacheNetwork = network
    }

    /// A replica's seed: from the segment and the replica number, the same on every machine.
    func seed(_ replica: Int) -> UInt64 {
        var rng = SplitMix64(seedText: "\(segment)#\(replica)")
        return rng.next()
    }

    /// The arrivals of replica `r`; channels' streams must match the network they were drawn for.
    mutating func arrivals(_ r: Int) -> RouterSimulation.Arrivals {
        if r < cache.count { return cache[r] }
        while cache.count <= r, cachedLeads < Self.keptLeads {
            let drawn = RouterSimulation.arrivals(cacheNetwork, seed: seed(cache.count))
            cache.append(drawn)
            cachedLeads += drawn.times.count
        }
        return r < cache.count ? cache[r] : RouterSimulation.arrivals(cacheNetwork, seed: seed(r))
    }

    /// `staffing`: `net` is the group's own network at other headcounts, these agents per pod;
    /// replicas run before at the same headcounts are reused.
    mutating func run(
        _ net: RouterNetwork, order: RouterSimulation.ServiceOrder, stop: Stop, collectWaits: Bool = false,
        for purpose: SimulationWork.Purpose, staffing: [Int]? = nil
    ) -> Result {
        let key = order == .earliestDeadline && !collectWaits ? staffing : nil
        let channels = net.channels.count
        let pods = net.pods.count
        var channelRates = Array(repeating: [Double](), count: channels)
        var podRates = Array(repeating: [Double](), count: pods)
        var channelLeads = Array(repeating: 0.0, count: channels)
        var podLeads = Array(repeating: 0.0, count: pods)
        var podMetTotal = Array(repeating: 0.0, count: pods)
        var channelWaits = Array(repeating: [Double](), count: channels)
        var podWaits = Array(repeating: [Double](), count: pods)
        var cellRates = Array(repeating: [Double](), count: channels * pods)
        var cellLeads = Array(repeating: 0.0, count: channels * pods)
        var cellMet = Array(repeating: 0.0, count: channels * pods)
        var cellWaits = Array(repeating: [Double](), count: channels * pods)
        var n = 0
        var pooled = 0
        var stride = 1
        // A yes/no question still open after 16 replicas is answered "no": the target sits
        // inside the noise, which the verdict treats as not met.
        let cap: Int
        switch stop {
        case .replicas(let k): cap = k
        case .clearOfTargets: cap = 16
        case .precise, .preciseAt, .chartPoint: cap = Self.maximumReplicas
        }
        while n < cap {
            let waits = collectWaits
            let outcome: RouterSimulation.Outcome
            var leadCount = 0
            if let key, let kept = staffedOutcomes[key], n < kept.count {
                outcome = kept[n]
            } else {
                let leads = arrivals(n)
                leadCount = leads.times.count
                work.add(purpose, leads: leadCount)
                outcome = RouterSimulation.run(net, leads, order: order, waits: waits)
                if let key { staffedOutcomes[key, default: []].append(outcome) }
            }
            func keep(_ times: [Double], into pool: inout [Double]) {
                pool += stride == 1 ? times : Swift.stride(from: 0, to: times.count, by: stride).map { times[$0] }
            }
            var podMet = Array(repeating: 0, count: pods)
            var podCount = Array(repeating: 0, count: pods)
            for c in 0..<channels {
                let o = outcome.channels[c]
                channelLeads[c] += Double(o.leads)
                if o.leads > 0 { channelRates[c].append(Double(o.met) / Double(o.leads)) }
                if waits { keep(o.waits, into: &channelWaits[c]) }
            }
            for p in 0..<pods {
                podMet[p] = outcome.podMet[p]
                podCount[p] = outcome.podLeads[p]
                podLeads[p] += Double(podCount[p])
                podMetTotal[p] += Double(podMet[p])
                if podCount[p] > 0 { podRates[p].append(Double(podMet[p]) / Double(podCount[p])) }
                if waits { keep(outcome.podWaits[p], into: &podWaits[p]) }
            }
            for k in 0..<(channels * pods) {
                let o = outcome.cells[k]
                cellLeads[k] += Double(o.leads)
                cellMet[k] += Double(o.met)
                if o.leads > 0 { cellRates[k].append(Double(o.met) / Double(o.leads)) }
                if waits { keep(o.waits, into: &cellWaits[k]) }
            }
            if waits {
                pooled += (leadCount + stride - 1) / stride
                while pooled > Self.pooledWaits {
                    stride *= 2
                    pooled = (pooled + 1) / 2
                    func thin(_ pool: inout [Double]) { pool = Swift.stride(from: 0, to: pool.count, by: 2).map { pool[$0] } }
                    for c in channelWaits.indices { thin(&channelWaits[c]) }
                    for p in podWaits.indices { thin(&podWaits[p]) }
                    for k in cellWaits.indices { thin(&cellWaits[k]) }
                }
            }
            n += 1
            if case .replicas = stop { continue }
            // A yes/no question far from the target is settled sooner than a figure to ±1 point.
            let minimum: Int
            switch stop {
            case .clearOfTargets, .chartPoint: minimum = 2
            default: minimum = Self.minimumReplicas
            }
            guard n >= minimum else { continue }
            let done: Bool
            switch stop {
            case .precise:
                // Every channel a pod handles must be precise.
                done = cellRates.allSatisfy { $0.isEmpty || Self.interval($0).half <= Self.precision }
            case .preciseAt(let p):
                done = podRates[p].isEmpty || Self.interval(podRates[p]).half <= Self.precision
            case .chartPoint(let p):
                done =
                    podRates[p].isEmpty
                    || max(Self.interval(podRates[p]).half, Self.binomialHalf(met: podMetTotal[p], of: podLeads[p])) <= Self.precision
            case .clearOfTargets(let p):
                // One channel clearly short answers "no"; "yes" needs every one clearly above.
                var above = true
                var below = false
                for c in 0..<channels where !cellRates[c * pods + p].isEmpty {
                    let k = c * pods + p
                    let (mean, half) = Self.interval(cellRates[k])
                    let target = net.channels[c].target
                    if mean + half < target { below = true }
                    // Two replicas of a handful of leads, all on time, vary by nothing: a "yes"
                    // is no more certain than the leads themselves say (Agresti–Coull).
                    if mean - max(half, Self.binomialHalf(met: cellMet[k], of: cellLeads[k])) < target { above = false }
                }
                done = below || above
            case .replicas:
                done = false
            }
            if done { break }
        }
        // The cap was reached: each figure whose own interval is still wider than ±1 point says so.
        let reachedCap: Bool = {
            if case .replicas = stop { return false }
            return n >= cap
        }()
        func figures(_ rates: [Double], _ leads: Double, _ waits: inout [Double], clock: Brief.SLAClock) -> SimulatedFigures {
            var figures = Self.summary(rates, leads: leads, replicas: n, reachedCap: reachedCap)
            guard !rates.isEmpty, !waits.isEmpty else { return figures }
            let week = clock == .calendar ? 7 * 86_400.0 : 5 * 8 * 3600.0
            figures.overAWeek = Double(waits.filter { $0 > week }.count) / Double(waits.count)
            figures.medianMinutes = Quantile.select(&waits, 0.5) / 60
            figures.p90Minutes = Quantile.select(&waits, 0.9) / 60
            return figures
        }
        var channelFigures: [SimulatedFigures] = []
        for c in 0..<channels {
            channelFigures.append(figures(channelRates[c], channelLeads[c], &channelWaits[c], clock: net.channels[c].clock))
        }
        var podFigures: [SimulatedFigures] = []
        for p in 0..<pods {
            let clock = net.channels.first { $0.routing.pods.contains(p) }?.clock ?? .business
            var waits = collectWaits ? podWaits[p] : []
            podFigures.append(figures(podRates[p], podLeads[p], &waits, clock: clock))
            if collectWaits { podWaits[p] = waits }
        }
        var cellFigures: [SimulatedFigures] = []
        for k in 0..<(channels * pods) {
            cellFigures.append(figures(cellRates[k], cellLeads[k], &cellWaits[k], clock: net.channels[k / pods].clock))
        }
        return Result(channels: channelFigures, pods: podFigures, cells: cellFigures, podWaits: collectWaits ? podWaits : [], replicas: n)
    }

    /// The mean of per-replica fractions and its 95% interval, for `leads` over `replicas`; no
    /// times to first touch yet.
    static func summary(_ rates: [Double], leads: Double, replicas: Int, reachedCap: Bool) -> SimulatedFigures {
        guard !rates.isEmpty else { return .none }
        let (mean, half) = interval(rates)
        return SimulatedFigures(
            leads: leads / Double(max(replicas, 1)), attainment: mean, low: max(0, mean - half), high: min(1, mean + half),
            replicas: replicas, capped: reachedCap && half > precision, medianMinutes: 0, p90Minutes: 0, overAWeek: 0)
    }

    /// The 95% half-width of a share of `leads` taken as independent (Agresti–Coull).
    static func binomialHalf(met: Double, of leads: Double) -> Double {
        let share = (met + 2) / (leads + 4)
        return 1.96 * (share * (1 - share) / (leads + 4)).squareRoot()
    }

    /// Mean and 95% half-width of per-replica fractions: Student's t, since the spread itself is
    /// estimated from the replicas (with four, the normal 1.96 claims 95% for what is 86%).
    static func interval(_ rates: [Double]) -> (mean: Double, half: Double) {
        guard !rates.isEmpty else { return (1, 0) }
        let n = Double(rates.count)
        let mean = rates.reduce(0, +) / n
        guard rates.count > 1 else { return (mean, 1) }
        let variance = rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, studentT975(degreesOfFreedom: rates.count - 1) * (variance / n).squareRoot())
    }

    /// The 97.5% quantile of Student's t: the published table to 30 degrees of freedom, then the
    /// Cornish–Fisher series in 1/ν about the normal 1.96 (within 0.001 from 30 on).
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
            2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        if df >= 1, df <= table.count { return table[df - 1] }
        let z = 1.959964
        let v = Double(max(df, 1))
        let z3 = z * z * z
        let z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}

/// Nearest-rank quantiles by selection (average linear time; the values get reordered).
enum Quantile {
    static func rank(_ p: Double, _ count: Int) -> Int { min(count - 1, max(0, Int((p * Double(count)).rounded(.up)) - 1)) }

    static func select(_ values: inout [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = rank(p, values.count)
        var lo = 0
        var hi = values.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            let pivot = Swift.max(Swift.min(values[lo], values[mid]), Swift.min(Swift.max(values[lo], values[mid]), values[hi]))
            var i = lo
            var j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
        }
        return values[rank]
    }
}
