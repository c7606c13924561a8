import Foundation
import HandoffCore

/// The words of the Actuals section (SPEC §3.8): what the export shows, where the model and the
/// export disagree and which inputs the export contradicts.
enum ActualsText {
    /// `476 leads a week against the brief's 420, and 31% after hours against 25%`.
    static func contradictions(_ list: [SLAActuals.Contradiction]) -> String {
        Format.list(
            list.map { c in
                switch c {
                case .volume(let observed, let brief):
                    "\(Format.leads(observed)) leads a week against the brief's \(Format.leads(brief))"
                case .afterHours(let observed, let brief):
                    "\(Format.percent(observed)) after hours against \(Format.percent(brief))"
                }
            })
    }

    /// A cell's verdict: met or missed, and whether the model saw it coming.
    static func verdict(_ cell: SLAActuals.Cell) -> String {
        guard let actual = cell.attainment else { return "no lead's SLA has run out yet" }
        let met = actual >= cell.target - SLAStatus.tolerance
        var text =
            "\(Format.percent(actual)) (\(Format.percent(cell.low))–\(Format.percent(cell.high))) touched in time, \(met ? "meeting" : "short of") the \(Format.percent(cell.target)) target"
        guard let model = cell.model else { return text + "; the model has no figure for it" }
        if model.agrees {
            text +=
                "; the model predicted \(Format.percent(model.simulated.attainment)), and an export of this length would show \(Format.percent(model.expectedLow))–\(Format.percent(model.expectedHigh)) if it were right: the model holds"
        } else {
            text +=
                "; the model predicted \(Format.percent(model.simulated.attainment)) (\(Format.percent(model.expectedLow))–\(Format.percent(model.expectedHigh)) over a period this long): the model does not match"
            if !model.contradictions.isEmpty { text += ". The export shows \(contradictions(model.contradictions))" }
            if let rerun = model.withObservedInputs {
                text +=
                    "; with the export's volume and after-hours share the model gives \(Format.percent(rerun.attainment)) (\(Format.percent(rerun.low))–\(Format.percent(rerun.high)))"
            } else if model.contradictions.isEmpty {
                text += ". The export's volume and after-hours share are as the brief says: look at the staffing the pod actually had"
            }
        }
        return text
    }

    /// `Tue 26 Nov 14:05` in a zone: instants on the page read in the brief's local time.
    static func instant(_ t: Double, zone: String) -> String {
        let tz = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)!
        let local = Int((t + Double(tz.secondsFromGMT(for: Date(timeIntervalSince1970: t)))).rounded(.down))
        let days = Int((Double(local) / 86_400).rounded(.down))
        let date = CalendarDate(daysSinceEpoch: days)
        let seconds = local - days * 86_400
        return "\(CalendarDate.weekdayNames[date.weekday - 1]) \(date) \(WeeklyHours.clock(seconds / 60))"
    }

    /// Why a row was left out, as the bad-rows table says it.
    static func badRow(_ kind: ActualsReader.BadRow.Kind) -> String {
        switch kind {
        case .unreadableCreated: "the created time cannot be read"
        case .unreadableFirstTouch: "the first-touch time cannot be read"
        case .touchBeforeCreation: "first touch before the lead was created"
        case .unknownPod: "a pod the brief does not have"
        }
    }

    /// The busiest hours of the week: `Tue 10:00–11:00 (14.2 leads a week)`.
    static func busiest(_ hourOfWeek: [Double], count: Int = 3) -> String {
        let top = hourOfWeek.indices.filter { hourOfWeek[$0] > 0 }.sorted { (hourOfWeek[$1], $0) < (hourOfWeek[$0], $1) }.prefix(count)
        return Format.list(
            top.map { h in
                let day = CalendarDate.weekdayNames[h / 24]
                let minute = h % 24 * 60
                return
                    "\(day) \(WeeklyHours.clock(minute))–\(WeeklyHours.clock(minute + 60)) (\(Format.leads(hourOfWeek[h])) a week)"
            })
    }
}
