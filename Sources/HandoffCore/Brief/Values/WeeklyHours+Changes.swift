import Foundation

/// Hours a change to a pod would give it ("what it would take"), written as briefs write them.
extension WeeklyHours {
    /// Hours from day intervals, with the text a brief would use: one part per time range, with
    /// the days it applies to (`Mon-Fri 08:00-18:00`, `Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00`),
    /// so the text always reads back as the same hours.
    public init(days: [[ClosedOpenMinutes]]) {
        let merged = days.map(Self.merged)
        self.days = merged
        var ranges: [ClosedOpenMinutes] = []
        for day in merged { for r in day where !ranges.contains(r) { ranges.append(r) } }
        let names = Self.dayNames.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let parts = ranges.map { r -> (first: Int, text: String) in
            let on = (0..<7).filter { merged[$0].contains(r) }
            // Runs of consecutive days: `Mon-Fri`, `Mon,Wed-Fri`; a run through the weekend into
            // Monday reads from its start (`Sat-Sun,Mon`: ranges cannot wrap past Sunday).
            var runs: [(first: Int, last: Int)] = []
            for d in on {
                if let last = runs.last, last.last == d - 1 { runs[runs.count - 1].last = d } else { runs.append((d, d)) }
            }
            var first = on.first ?? 0
            var text = runs.map { $0.first == $0.last ? names[$0.first] : "\(names[$0.first])-\(names[$0.last])" }
            if runs.count > 1, runs[0].first == 0, runs[runs.count - 1].last == 6 {
                text = [text.removeLast()] + text
                first = runs[runs.count - 1].first
            }
            return (first, "\(text.joined(separator: ",")) \(Self.clock(r.start))-\(Self.clock(r.end))")
        }
        // A part from midnight reads as the night running on from the part before it: last.
        text = parts.enumerated().sorted { a, b in
            let (x, y) = (ranges[a.offset].start == 0 ? 1 : 0, ranges[b.offset].start == 0 ? 1 : 0)
            return (x, a.element.first, a.offset) < (y, b.element.first, b.offset)
        }.map(\.element.text).joined(separator: "; ")
    }

    /// Open when either is (both read in the same zone).
    public func union(_ other: WeeklyHours) -> WeeklyHours {
        WeeklyHours(days: (0..<7).map { days[$0] + other.days[$0] })
    }

    /// The same hours, with Saturday and Sunday working the first open weekday's hours.
    public var withWeekends: WeeklyHours {
        guard let weekday = days.prefix(5).first(where: { !$0.isEmpty }) else { return self }
        var all = days
        for d in [5, 6] where all[d].isEmpty { all[d] = weekday }
        return WeeklyHours(days: all)
    }

    /// `Mon-Fri 22:00-06:00` as the brief language writes it, day by day:
    /// `Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00`; nil for anything but one overnight range.
    public static func splitAtMidnight(_ text: String) -> String? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        let times = text[text.index(after: space)...].split(separator: "-").map(String.init)
        guard times.count == 2, let days = parseDays(String(text[..<space]).trimmingCharacters(in: .whitespaces)),
            let start = parseClock(times[0]), let end = parseClock(times[1]), end < start
        else { return nil }
        var byDay = Array(repeating: [ClosedOpenMinutes](), count: 7)
        for d in days {
            byDay[d].append(ClosedOpenMinutes(start: start, end: 1440))
            if end > 0 { byDay[(d + 1) % 7].append(ClosedOpenMinutes(start: 0, end: end)) }
        }
        return WeeklyHours(days: byDay).text
    }

    /// Whether every minute of `other` falls in these hours (both read in the same zone).
    public func covers(_ other: WeeklyHours) -> Bool { union(other).days == days }

    /// Whether a minute of the week (Monday 00:00 is 0) falls in the hours, without building a set.
    public func contains(minuteOfWeek m: Int) -> Bool {
        guard m >= 0 else { return false }
        let minute = m % 1440
        return days[(m / 1440) % 7].contains { $0.start <= minute && minute < $0.end }
    }

    /// Whether the hours include any time on Saturday or Sunday.
    public var coversWeekends: Bool { !days[5].isEmpty && !days[6].isEmpty }

    static func merged(_ intervals: [ClosedOpenMinutes]) -> [ClosedOpenMinutes] {
        var out: [ClosedOpenMinutes] = []
        for i in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = out.last, i.start <= last.end {
                out[out.count - 1].end = max(last.end, i.end)
            } else {
                out.append(i)
            }
        }
        return out
    }

    /// Minutes since midnight as a clock: `09:05`, `24:00`.
    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
