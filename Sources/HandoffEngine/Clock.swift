/// Calendars copied into one flat buffer for a run, so the engine reads them through plain
/// pointers: no array, no retain, no uniqueness check on the many calendar questions a lead
/// asks. Freed when the run ends.
final class CalendarArena {
    private var storage: UnsafeMutablePointer<Double>
    private var clocks: [Clock] = []

    init(_ calendars: [OpenIntervals]) {
        let total = calendars.reduce(0) { $0 + $1.starts.count }
        storage = .allocate(capacity: max(1, 3 * total))
        var offset = 0
        for calendar in calendars {
            let n = calendar.starts.count
            let starts = storage + offset
            let ends = storage + total + offset
            let cumulative = storage + 2 * total + offset
            for i in 0..<n {
                starts[i] = calendar.starts[i]
                ends[i] = calendar.ends[i]
                cumulative[i] = calendar.cumulative[i]
            }
            clocks.append(Clock(starts: starts, ends: ends, cumulative: cumulative, count: n))
            offset += n
        }
    }

    deinit { storage.deallocate() }

    /// A clock per calendar, in the order given, each with its cursor at the start.
    var allClocks: [Clock] { clocks }
}

/// One calendar read at the simulation's moving time. Simulated time mostly moves forward, so
/// "is it open now", "open seconds so far" and their inverse follow cursors; a question about an
/// earlier time (a deadline counted from a past arrival) is answered by a search and leaves the
/// cursors where they are.
struct Clock {
    let starts: UnsafeMutablePointer<Double>
    let ends: UnsafeMutablePointer<Double>
    let cumulative: UnsafeMutablePointer<Double>
    let count: Int
    /// The last interval that starts at or before the latest time asked about; -1 before the first.
    var k = -1
    /// The interval of the latest open time asked about (for `instant`).
    var j = 0

    /// The interval in effect at `t`: the last one starting at or before it, or -1.
    @inline(__always)
    mutating func interval(at t: Double) -> Int {
        if k >= 0, t < starts[k] { return Self.lastIndex(starts, notAfter: t, from: 0, below: k) }
        if k + 1 < count, starts[k + 1] <= t {
            // Gallop: a deadline or a night can jump many intervals ahead.
            var step = 1
            while k + step + 1 < count, starts[k + step + 1] <= t { step *= 2 }
            k = Self.lastIndex(starts, notAfter: t, from: k + 1 + step / 2, below: min(count, k + step + 2))
        }
        return k
    }

    @inline(__always)
    mutating func isOpen(at t: Double) -> Bool {
        let i = interval(at: t)
        return i >= 0 && t < ends[i]
    }

    /// `t` itself when open, else the next opening; infinity after the last interval.
    @inline(__always)
    mutating func nextOpening(atOrAfter t: Double) -> Double {
        let i = interval(at: t)
        if i >= 0, t < ends[i] { return t }
        return i + 1 < count ? starts[i + 1] : .infinity
    }

    /// Open seconds elapsed up to `t`.
    @inline(__always)
    mutating func openTime(at t: Double) -> Double {
        let i = interval(at: t)
        return i < 0 ? 0 : cumulative[i] + min(t, ends[i]) - starts[i]
    }

    /// The instant at which `open` seconds of open time have passed (at a boundary, the next
    /// opening); infinity from the end of the last interval on.
    @inline(__always)
    mutating func instant(atOpenTime open: Double) -> Double {
        guard count > 0 else { return .infinity }
        if cumulative[j] > open {
            j = max(0, Self.lastIndex(cumulative, notAfter: open, from: 0, below: j))
        } else if j + 1 < count, cumulative[j + 1] <= open {
            var step = 1
            while j + step + 1 < count, cumulative[j + step + 1] <= open { step *= 2 }
            j = Self.lastIndex(cumulative, notAfter: open, from: j + 1 + step / 2, below: min(count, j + step + 2))
        }
        let t = starts[j] + (open - cumulative[j])
        // At the end of the last interval there is no next opening.
        return t < ends[j] ? t : .infinity
    }

    /// The largest index in `from..<below` whose value is ≤ x, or `from - 1`.
    @inline(__always)
    static func lastIndex(_ values: UnsafeMutablePointer<Double>, notAfter x: Double, from: Int, below: Int) -> Int {
        var lo = from
        var hi = below
        while lo < hi {
            let mid = (lo + hi) >> 1
            if values[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }
}
