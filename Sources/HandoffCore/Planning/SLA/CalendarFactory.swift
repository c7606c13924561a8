import Foundation
import HandoffEngine

/// Every calendar the SLA model lays out, made one way: pods and shifts in the pod's zone (else
/// the brief's; a zone the system does not know reads as the brief's, then UTC), from the day
/// before the run to six weeks after it so work started late can finish, without the brief's and
/// the pod's holidays; arrival windows in their own zone over the run's days. Leads still arrive
/// on holidays (SPEC §2.2).
struct CalendarFactory: Sendable {
    let start: CalendarDate
    let weeks: Int
    let briefZone: TimeZone
    let holidays: [CalendarDate]

    init(start: CalendarDate, weeks: Int, briefZone: String, holidays: [CalendarDate]) {
        self.start = start
        self.weeks = weeks
        self.briefZone = TimeZone(identifier: briefZone) ?? TimeZone(secondsFromGMT: 0)!
        self.holidays = holidays
    }

    /// The first and last instants of the run, in the brief's zone.
    var startInstant: Double { OpenIntervals.instant(start, minutes: 0, briefZone) }
    var endInstant: Double { OpenIntervals.instant(start.adding(days: weeks * 7), minutes: 0, briefZone) }

    func zone(_ name: String?) -> TimeZone { name.flatMap(TimeZone.init(identifier:)) ?? briefZone }

    /// A pod's (or one of its shifts') working time.
    func pod(_ hours: WeeklyHours, zone name: String?, holidays own: [CalendarDate]) -> OpenIntervals {
        OpenIntervals(
            hours: hours, zone: zone(name), firstDay: start.adding(days: -1), days: weeks * 7 + 43, closed: Set(holidays + own))
    }

    /// A channel's arrival window over the run.
    func window(_ hours: WeeklyHours, zone name: String?) -> OpenIntervals {
        OpenIntervals(hours: hours, zone: zone(name), firstDay: start, days: weeks * 7)
    }

    /// The times an arrival atom allows (`arrives during Sat-Sun 00:00-24:00`), a day either side.
    func allowed(_ hours: WeeklyHours, zone name: String?) -> OpenIntervals {
        OpenIntervals(hours: hours, zone: zone(name), firstDay: start.adding(days: -1), days: weeks * 7 + 2)
    }

    /// The time outside a window, over the run.
    func afterHours(_ window: OpenIntervals) -> OpenIntervals {
        OpenIntervals(complementOf: window, from: startInstant, to: endInstant)
    }
}
