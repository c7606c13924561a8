/// Hours a change to a pod would give it ("what it would take"), written as briefs write them.
extension WeeklyHours {
    /// Hours from day intervals, with the text a brief would use (`Mon-Fri 08:00-18:00`).
    public init(days: [[ClosedOpenMinutes]]) {
        self.days = days.map(Self.merged)
        var parts: [String] = []
        var d = 0
        while d < 7 {
            guard !self.days[d].isEmpty else {
                d += 1
                continue
            }
            var e = d
            while e + 1 < 7, self.days[e + 1] == self.days[d] { e += 1 }
            let names = Self.dayNames.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            let span = d == e ? names[d] : "\(names[d])-\(names[e])"
            let times = self.days[d].map { "\(Self.clock($0.start))-\(Self.clock($0.end))" }.joined(separator: ",")
            parts.append("\(span) \(times)")
            d = e + 1
        }
        text = parts.joined(separator: "; ")
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

    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }
}
