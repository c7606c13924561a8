import Foundation

/// A pod's (or the arrival window's) open time laid out on the real time line: sorted,
/// disjoint intervals in seconds since 1970, with cumulative open time, so that "open seconds
/// so far" and its inverse are binary searches. The simulation runs in open-time coordinates,
/// which makes the business clock and after-hours queueing fall out of the mapping.
public struct OpenIntervals: Sendable {
    public private(set) var starts: [Double] = []
    public private(set) var ends: [Double] = []
    /// Open seconds before interval i.
    public private(set) var cumulative: [Double] = []
    /// Index of the local working day each interval belongs to (consecutive open days count 0, 1, 2…).
    public private(set) var workingDay: [Int] = []
    /// Open seconds of each working day.
    public private(set) var dayOpenSeconds: [Double] = []

    public var total: Double { (cumulative.last ?? 0) + ((ends.last ?? 0) - (starts.last ?? 0)) }

    /// Intervals laid out by a caller: sorted, disjoint `[start, end)` in seconds since 1970,
    /// each with the index of the local working day it belongs to (non-decreasing, from 0).
    /// Empty intervals are dropped; a working day with no open time keeps its place.
    public init(intervals: [(start: Double, end: Double)], workingDays days: [Int]) {
        var open = 0.0
        for (n, interval) in intervals.enumerated() {
            let day = n < days.count ? days[n] : (days.last ?? 0)
            while dayOpenSeconds.count <= day { dayOpenSeconds.append(0) }
            guard interval.end > interval.start else { continue }
            starts.append(interval.start)
            ends.append(interval.end)
            cumulative.append(open)
            workingDay.append(day)
            open += interval.end - interval.start
            dayOpenSeconds[day] += interval.end - interval.start
        }
    }

    /// The gaps between `other`'s intervals from `from` to `to`: the after-hours time.
    public init(complementOf other: OpenIntervals, from: Double, to: Double) {
        var cursor = from
        var open = 0.0
        for (s, e) in zip(other.starts, other.ends) {
            if s > cursor {
                starts.append(cursor)
                ends.append(min(s, to))
                cumulative.append(open)
                open += min(s, to) - cursor
            }
            cursor = max(cursor, e)
            if cursor >= to { break }
        }
        if cursor < to {
            starts.append(cursor)
            ends.append(to)
            cumulative.append(open)
        }
        workingDay = Array(repeating: 0, count: starts.count)
    }

    /// The time both open, for the in-hours reference (an arrival window within a pod's hours).
    public func intersection(_ other: OpenIntervals) -> OpenIntervals {
        var result = OpenIntervals()
        var i = 0
        var j = 0
        var open = 0.0
        while i < starts.count, j < other.starts.count {
            let s = max(starts[i], other.starts[j])
            let e = min(ends[i], other.ends[j])
            if e > s {
                result.starts.append(s)
                result.ends.append(e)
                result.cumulative.append(open)
                result.workingDay.append(0)
                open += e - s
            }
            if ends[i] < other.ends[j] { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Open seconds between two instants.
    public func openSeconds(from a: Double, to b: Double) -> Double { openTime(at: b) - openTime(at: a) }

    public init() {}

    /// Open seconds elapsed up to each instant (closed time adds nothing), for instants in
    /// ascending order: one forward walk instead of a search each.
    public func openTimes(atSorted instants: [Double]) -> [Double] {
        var result = [Double]()
        result.reserveCapacity(instants.count)
        var k = -1
        for t in instants {
            while k + 1 < starts.count, starts[k + 1] <= t { k += 1 }
            result.append(k < 0 ? 0 : cumulative[k] + min(t, ends[k]) - starts[k])
        }
        return result
    }

    /// The instant at which a given number of open seconds have passed (at a boundary, the next
    /// opening), read forward only, for open times that never decrease.
    public struct InstantCursor {
        let intervals: OpenIntervals
        var k = 0

        public mutating func instant(atOpenTime openTime: Double) -> Double {
            let cumulative = intervals.cumulative
            guard !cumulative.isEmpty else { return 0 }
            while k + 1 < cumulative.count, cumulative[k + 1] <= openTime { k += 1 }
            return intervals.starts[k] + (openTime - cumulative[k])
        }
    }

    public var instantCursor: InstantCursor { InstantCursor(intervals: self) }

    /// Open seconds elapsed up to `t` (closed time adds nothing).
    public func openTime(at t: Double) -> Double {
        let k = Self.lastIndex(in: starts, notAfter: t)
        return k < 0 ? 0 : cumulative[k] + min(t, ends[k]) - starts[k]
    }

    /// The instant at which `openTime` open seconds have passed; at a boundary, the opening of
    /// the next interval. Past the last interval, its end.
    public func instant(atOpenTime openTime: Double) -> Double {
        guard !cumulative.isEmpty else { return .infinity }
        let k = max(0, Self.lastIndex(in: cumulative, notAfter: openTime))
        let t = starts[k] + (openTime - cumulative[k])
        return t <= ends[k] ? t : .infinity
    }

    /// Whether `t` falls inside an open interval.
    public func isOpen(at t: Double) -> Bool {
        let k = Self.lastIndex(in: starts, notAfter: t)
        return k >= 0 && t < ends[k]
    }

    /// `t` itself when open, else the next opening; infinity after the last interval.
    public func nextOpening(atOrAfter t: Double) -> Double {
        let k = Self.lastIndex(in: starts, notAfter: t)
        if k >= 0, t < ends[k] { return t }
        return k + 1 < starts.count ? starts[k + 1] : .infinity
    }

    /// The index of the interval in effect at open time `openTime`.
    public func intervalIndex(atOpenTime openTime: Double) -> Int {
        max(0, Self.lastIndex(in: cumulative, notAfter: openTime))
    }

    /// The largest index in `from..<below` whose value is ≤ x, or `from - 1`.
    /// The same answer as `lastIndex(in:notAfter:from:)`, found by galloping forward from
    /// `from` first: the simulation asks mostly about times a few intervals ahead.
    public static func lastIndex(in values: [Double], notAfter x: Double, gallopingFrom from: Int) -> Int {
        var bound = 1
        while from + bound < values.count, values[from + bound] <= x { bound *= 2 }
        return lastIndex(in: values, notAfter: x, from: from + bound / 2, below: min(from + bound + 1, values.count))
    }

    public static func lastIndex(in values: [Double], notAfter x: Double, from: Int = 0, below: Int? = nil) -> Int {
        var lo = from
        var hi = below ?? values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }
}
