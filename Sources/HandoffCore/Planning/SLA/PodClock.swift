/// A pod's calendar read at the simulation's current time. Simulated time only moves forward,
/// so "is the pod open now" and "open seconds so far" follow a cursor instead of a binary search
/// per question; a question about an earlier time (a deadline counted from a past arrival) falls
/// back to the search and leaves the cursor where it is.
struct PodClock {
    private let starts: [Double]
    private let ends: [Double]
    private let cumulative: [Double]
    /// The last interval that starts at or before the latest time asked about; -1 before the first.
    private var k = -1

    init(_ calendar: OpenIntervals) {
        starts = calendar.starts
        ends = calendar.ends
        cumulative = calendar.cumulative
    }

    /// The interval in effect at `t`: the last one starting at or before it, or -1.
    private mutating func index(at t: Double) -> Int {
        if k >= 0, t < starts[k] { return Self.lastIndex(starts, notAfter: t, below: k) }
        while k + 1 < starts.count, starts[k + 1] <= t { k += 1 }
        return k
    }

    mutating func isOpen(at t: Double) -> Bool {
        let i = index(at: t)
        return i >= 0 && t < ends[i]
    }

    /// `t` itself when open, else the next opening; infinity after the last interval.
    mutating func nextOpening(atOrAfter t: Double) -> Double {
        let i = index(at: t)
        if i >= 0, t < ends[i] { return t }
        return i + 1 < starts.count ? starts[i + 1] : .infinity
    }

    /// Open seconds elapsed up to `t`.
    mutating func openTime(at t: Double) -> Double {
        let i = index(at: t)
        return i < 0 ? 0 : cumulative[i] + min(t, ends[i]) - starts[i]
    }

    /// The instant at which `openTime` open seconds have passed (at a boundary, the next
    /// opening); infinity past the last interval. Searches only from the cursor on when it can.
    func instant(atOpenTime openTime: Double) -> Double {
        guard !cumulative.isEmpty else { return .infinity }
        let from = k >= 0 && cumulative[k] <= openTime ? k : 0
        var lo = from
        var hi = cumulative.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= openTime { lo = mid + 1 } else { hi = mid }
        }
        let i = max(0, lo - 1)
        let t = starts[i] + (openTime - cumulative[i])
        return t <= ends[i] ? t : .infinity
    }

    /// The largest index below `below` whose value is ≤ x, or -1.
    private static func lastIndex(_ values: [Double], notAfter x: Double, below: Int) -> Int {
        var lo = 0
        var hi = below
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }
}
