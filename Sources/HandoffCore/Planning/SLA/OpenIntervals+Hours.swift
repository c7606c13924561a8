import Foundation
import HandoffEngine

extension OpenIntervals {
    /// Lays out `hours` in `zone` for `days` local days from `firstDay`; daylight-saving changes
    /// come from Foundation's time zone data. Days in `closed` (holidays, as local dates) have
    /// no open time; every other day with hours is a working day.
    public init(hours: WeeklyHours, zone: TimeZone, firstDay: CalendarDate, days: Int, closed: Set<CalendarDate> = []) {
        var intervals: [(start: Double, end: Double)] = []
        var workingDays: [Int] = []
        var day = 0
        for offset in 0..<days {
            let date = firstDay.adding(days: offset)
            let open = hours.days[date.weekday - 1]
            if open.isEmpty || closed.contains(date) { continue }
            for interval in open {
                intervals.append((Self.instant(date, minutes: interval.start, zone), Self.instant(date, minutes: interval.end, zone)))
                workingDays.append(day)
            }
            day += 1
        }
        self.init(intervals: intervals, workingDays: workingDays)
    }

    /// Seconds since 1970 of a local wall-clock time.
    static func instant(_ day: CalendarDate, minutes: Int, _ zone: TimeZone) -> Double {
        let local = Double(day.daysSinceEpoch * 86_400 + minutes * 60)
        let first = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        let second = Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local - first)))
        return local - second
    }
}
