import HandoffEngine

/// How a channel's leads split between the pods it names, the way the router assigns them
/// (SPEC §3.3.2): a rotation gives each lead, as it arrives, to the pods with a productive rep on
/// duty, by weight; when nobody is on, to the pods whose shift starts first. Worked out from the
/// calendars and the arrival streams, so a weekend pod's workload is the weekend's leads, a pod
/// without a productive rep has none, and its partners carry them. Reps at `max-open` and
/// reassignments after a missed SLA are left to the simulation: they move leads only once queues
/// form.
enum RouterSplit {
    /// The expected share of the channel's leads first assigned to each pod its routing names,
    /// in the routing's order. `onDuty(p)`: when pod `p` has a productive rep on duty (nil: never).
    /// They add up to less than 1 only when no pod can ever take a lead.
    static func shares(_ routing: Network.Routing, streams: [Network.Stream], onDuty: (Int) -> OpenIntervals?) -> [Double] {
        guard case .rotation(let named, let weights) = routing else { return [1] }
        let calendars = named.map(onDuty)
        let productive = named.indices.filter { calendars[$0] != nil }
        // Nobody can take a lead: each pod keeps its nominal share of leads nobody touches.
        guard !productive.isEmpty else { return normalized(weights, over: Array(named.indices)) }
        let working = productive.compactMap { calendars[$0] }
        if working.allSatisfy({ $0.starts == working[0].starts && $0.ends == working[0].ends }) {
            return normalized(weights, over: productive)
        }
        var mass = Array(repeating: 0.0, count: named.count)
        var total = 0.0
        for stream in streams where stream.ratePerSecond > 0 {
            for (a, b) in zip(stream.intervals.starts, stream.intervals.ends) where b > a {
                total += stream.ratePerSecond * (b - a)
                // Between consecutive openings and closings, who is on duty does not change.
                var cuts = [a, b]
                for calendar in working {
                    cuts += points(calendar.starts, inside: a, b) + points(calendar.ends, inside: a, b)
                }
                cuts.sort()
                for (x, y) in zip(cuts, cuts.dropFirst()) where y > x {
                    let mid = (x + y) / 2
                    var chosen = working.indices.filter { working[$0].isOpen(at: mid) }
                    if chosen.isEmpty {
                        let opens = working.map { $0.nextOpening(atOrAfter: mid) }
                        guard let first = opens.min(), first.isFinite else { continue }
                        chosen = working.indices.filter { opens[$0] <= first + 1 }
                    }
                    let weight = chosen.reduce(0.0) { $0 + weights[productive[$1]] }
                    guard weight > 0 else { continue }
                    for j in chosen { mass[productive[j]] += stream.ratePerSecond * (y - x) * weights[productive[j]] / weight }
                }
            }
        }
        return total > 0 ? mass.map { $0 / total } : normalized(weights, over: productive)
    }

    /// `weights` as shares of the pods at `indices`; 0 for the others.
    static func normalized(_ weights: [Double], over indices: [Int]) -> [Double] {
        let total = indices.reduce(0.0) { $0 + weights[$1] }
        var shares = Array(repeating: 0.0, count: weights.count)
        for k in indices { shares[k] = total > 0 ? weights[k] / total : 1 / Double(indices.count) }
        return shares
    }

    /// The values of a sorted array strictly between `a` and `b`.
    static func points(_ sorted: [Double], inside a: Double, _ b: Double) -> [Double] {
        var out: [Double] = []
        var i = OpenIntervals.lastIndex(in: sorted, notAfter: a) + 1
        while i < sorted.count, sorted[i] < b {
            out.append(sorted[i])
            i += 1
        }
        return out
    }
}
