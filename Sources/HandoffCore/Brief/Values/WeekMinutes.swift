/// A set of minutes of the week (Monday 00:00 is 0), for the arrival atoms of conditions:
/// `arrives during Sat-Sun 00:00-24:00` holds for a lead arriving in the set.
public struct WeekMinutes: Sendable, Hashable {
    public static let count = 7 * 1440
    private var words: [UInt64]

    public init(all: Bool = false) {
        words = Array(repeating: all ? ~0 : 0, count: (Self.count + 63) / 64)
        if all { words[words.count - 1] &= (1 << UInt64(Self.count % 64)) - 1 }
    }

    public init(_ hours: WeeklyHours) {
        self.init()
        for (d, intervals) in hours.days.enumerated() {
            for i in intervals {
                for m in i.start..<i.end { insert(d * 1440 + m) }
            }
        }
    }

    public mutating func insert(_ m: Int) { words[m >> 6] |= 1 << UInt64(m & 63) }
    public func contains(_ m: Int) -> Bool { m >= 0 && m < Self.count && words[m >> 6] & (1 << UInt64(m & 63)) != 0 }
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }
    public var isFull: Bool { self == WeekMinutes(all: true) }
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    public var first: Int? {
        for (k, w) in words.enumerated() where w != 0 { return k * 64 + w.trailingZeroBitCount }
        return nil
    }

    public func intersection(_ o: WeekMinutes) -> WeekMinutes {
        var r = self
        for k in r.words.indices { r.words[k] &= o.words[k] }
        return r
    }

    public func union(_ o: WeekMinutes) -> WeekMinutes {
        var r = self
        for k in r.words.indices { r.words[k] |= o.words[k] }
        return r
    }

    public func subtracting(_ o: WeekMinutes) -> WeekMinutes {
        var r = self
        for k in r.words.indices { r.words[k] &= ~o.words[k] }
        return r
    }

    /// The set as weekly hours (for laying it out on the calendar).
    public var hours: WeeklyHours {
        var days: [[WeeklyHours.ClosedOpenMinutes]] = Array(repeating: [], count: 7)
        for d in 0..<7 {
            var m = 0
            while m < 1440 {
                guard contains(d * 1440 + m) else {
                    m += 1
                    continue
                }
                let start = m
                while m < 1440, contains(d * 1440 + m) { m += 1 }
                days[d].append(.init(start: start, end: m))
            }
        }
        return WeeklyHours(days: days)
    }

    /// `Sat 00:00`.
    public static func describe(_ m: Int) -> String {
        "\(CalendarDate.weekdayNames[(m / 1440) % 7]) \(WeeklyHours.clock(m % 1440))"
    }
}
