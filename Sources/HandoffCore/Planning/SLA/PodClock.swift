/// A pod's calendar read at the simulation's current time. Simulated time only moves forward,
/// so "is the pod open now" and "open seconds so far" follow a cursor instead of a binary search
/// per question; a question about an earlier time (a deadline counted from a past arrival) falls
/// back to `OpenIntervals`' search and leaves the cursor where it is. The calendar's arrays are
/// held directly: this is read on every simulated event.
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
    private mutating func interval(at t: Double) -> Int {
        if k >= 0, t < starts[k] { return OpenIntervals.lastIndex(in: starts, notAfter: t, below: k) }
        while k + 1 < starts.count, starts[k + 1] <= t { k += 1 }
        return k
    }

    mutating func isOpen(at t: Double) -> Bool {
        let i = interval(at: t)
        return i >= 0 && t < ends[i]
    }

    /// `t` itself when open, else the next opening; infinity after the last interval.
    mutating func nextOpening(atOrAfter t: Double) -> Double {
        let i = interval(at: t)
        if i >= 0, t < ends[i] { return t }
        return i + 1 < starts.count ? starts[i + 1] : .infinity
    }

    /// Open seconds elapsed up to `t`.
    mutating func openTime(at t: Double) -> Double {
        let i = interval(at: t)
        return i < 0 ? 0 : cumulative[i] + min(t, ends[i]) - starts[i]
    }

    /// The instant at which `openTime` open seconds have passed (at a boundary, the next
    /// opening); infinity past the last interval. Searches from the cursor on when it can.
    func instant(atOpenTime openTime: Double) -> Double {
        guard !cumulative.isEmpty else { return .infinity }
        let from = k >= 0 && cumulative[k] <= openTime ? k : 0
        let i = max(0, OpenIntervals.lastIndex(in: cumulative, notAfter: openTime, gallopingFrom: from))
        let t = starts[i] + (openTime - cumulative[i])
        return t <= ends[i] ? t : .infinity
    }
}
