import Foundation

/// A zone's offset from UTC, asked once an hour of time and kept: an export's rows cluster in
/// time, and the time zone database is slow to ask a million times.
struct HourlyOffsets: Sendable {
    let zone: TimeZone
    private var known: [Int: Int] = [:]
    /// The hour asked last: rows mostly come in time order.
    private var lastHour = Int.min
    private var lastOffset = 0

    init(_ zone: TimeZone) { self.zone = zone }

    /// The offset in seconds at an instant.
    mutating func offset(at t: Double) -> Int {
        let hour = Int((t / 3600).rounded(.down))
        if hour == lastHour { return lastOffset }
        let o =
            known[hour]
            ?? {
                let o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(hour) * 3600))
                known[hour] = o
                return o
            }()
        (lastHour, lastOffset) = (hour, o)
        return o
    }

    /// The minute of the week (Monday 00:00 is 0) of an instant, in the zone.
    mutating func minuteOfWeek(_ t: Double) -> Int {
        let local = t + Double(offset(at: t))
        let days = Int((local / 86_400).rounded(.down))
        let minute = Int((local - Double(days) * 86_400) / 60)
        // 1970-01-01 was a Thursday: day 3 of a week that starts on Monday.
        return ((days + 3) % 7 + 7) % 7 * 1440 + minute
    }
}
