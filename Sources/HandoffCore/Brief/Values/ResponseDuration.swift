/// A duration as briefs write it: `30s`, `15m`, `2h`, `1h30m`, `1d` (seconds, because chat and
/// demo-request promises are made in seconds). Days stay separate because under
/// the business clock a day is one working day of the pod, not 24 hours.
public struct ResponseDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    public var days: Int
    public var hours: Int
    public var minutes: Int
    public var seconds: Int

    public init(days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) {
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// Parses `<n>d<n>h<n>m<n>s` (each part optional, in that order, at least one).
    public init?(parsing text: String) {
        var days = 0, hours = 0, minutes = 0, seconds = 0
        var rest = Substring(text)
        var lastRank = -1
        var sawAny = false
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count <= 6, let n = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let unit = rest.first else { return nil }
            rest = rest.dropFirst()
            let rank: Int
            switch unit {
            case "d": rank = 0; days = n
            case "h": rank = 1; hours = n
            case "m": rank = 2; minutes = n
            case "s": rank = 3; seconds = n
            default: return nil
            }
            guard rank > lastRank else { return nil }
            lastRank = rank
            sawAny = true
        }
        guard sawAny else { return nil }
        self.init(days: days, hours: hours, minutes: minutes, seconds: seconds)
    }

    /// Minutes when every day counts 24 hours (seconds rounded down).
    public var calendarMinutes: Int { calendarSeconds / 60 }

    /// Seconds when every day counts 24 hours.
    public var calendarSeconds: Int { days * 86_400 + clockSeconds }

    /// Minutes of the hour-and-minute part alone.
    public var clockMinutes: Int { clockSeconds / 60 }

    /// Seconds of the part after the days.
    public var clockSeconds: Int { hours * 3600 + minutes * 60 + seconds }

    public var isZero: Bool { days == 0 && hours == 0 && minutes == 0 && seconds == 0 }

    public var description: String {
        var parts = ""
        if days > 0 { parts += "\(days)d" }
        if hours > 0 { parts += "\(hours)h" }
        if minutes > 0 || (parts.isEmpty && seconds == 0) { parts += "\(minutes)m" }
        if seconds > 0 { parts += "\(seconds)s" }
        return parts
    }
}
