import Foundation

/// Working hours through the week, as briefs write them: `Mon-Fri 08:00-18:00`, several parts
/// joined by `;` (`Mon-Thu 08:00-18:00; Fri 08:00-14:00`). Times are local to a time zone.
public struct WeeklyHours: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Open intervals in minutes from local midnight, per ISO weekday (index 0 is Monday).
    public var days: [[ClosedOpenMinutes]]
    public var text: String

    /// An interval `[start, end)` in minutes from midnight.
    public struct ClosedOpenMinutes: Sendable, Hashable, Codable {
        public var start: Int
        public var end: Int
    }

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Parses the text, or returns a message saying what is wrong.
    public static func parse(_ text: String) -> Result<WeeklyHours, HoursError> {
        var days: [[ClosedOpenMinutes]] = Array(repeating: [], count: 7)
        // A word processor's dash ('Mon–Fri', '08:00—18:00') looks right and is not a hyphen.
        if let dash = text.first(where: { Self.dashes.contains($0) }) {
            let fixed = String(text.map { Self.dashes.contains($0) ? "-" : $0 })
            return .failure(
                HoursError(message: "'\(text)' has a '\(dash)' (\(Self.dashName(dash))); write a plain hyphen: '\(fixed)'"))
        }
        let parts = text.split(separator: ";").map { $0.trimmed }
        guard !parts.isEmpty else { return .failure(HoursError(message: "no hours given")) }
        for part in parts {
            let pieces = part.split(separator: " ", omittingEmptySubsequences: true)
            guard pieces.count == 2 else {
                if let joined = Self.joinedByComma(part) {
                    return .failure(
                        HoursError(message: "'\(part)' is several parts joined by ','; join them with ';': '\(joined)'"))
                }
                return .failure(HoursError(message: "'\(part)' should read like 'Mon-Fri 09:00-17:00'"))
            }
            guard let dayList = parseDays(String(pieces[0])) else {
                if let fixed = unwrapped(String(pieces[0])) {
                    return .failure(
                        HoursError(message: "'\(pieces[0])' wraps past Sunday; day ranges run from Mon to Sun, so write '\(fixed)'"))
                }
                return .failure(HoursError(message: "'\(pieces[0])' is not a day or day range (Mon, Tue, … Sun; 'Mon-Fri'; 'Mon,Wed')"))
            }
            let times = pieces[1].split(separator: "-", omittingEmptySubsequences: false)
            guard times.count == 2, let start = parseClock(String(times[0])), let end = parseClock(String(times[1])) else {
                let padded = times.map { Self.padded(String($0)) }
                if times.count == 2, let a = parseClock(padded[0]), let b = parseClock(padded[1]), a >= 0, b >= 0 {
                    return .failure(
                        HoursError(
                            message:
                                "'\(pieces[1])' needs two digits for each hour (24-hour clock): write '\(padded.joined(separator: "-"))'"))
                }
                return .failure(HoursError(message: "'\(pieces[1])' is not a time range like 09:00-17:00 (24-hour clock, two digits)"))
            }
            guard end > start else {
                return .failure(HoursError(message: "'\(pieces[1])' ends before it starts; overnight hours are not supported"))
            }
            for d in dayList {
                let overlaps = days[d].contains { $0.start < end && start < $0.end }
                if overlaps {
                    return .failure(HoursError(message: "hours for \(dayNames[d].capitalized) overlap"))
                }
                days[d].append(ClosedOpenMinutes(start: start, end: end))
                days[d].sort { $0.start < $1.start }
            }
        }
        return .success(WeeklyHours(days: days, text: text))
    }

    public struct HoursError: Error, Sendable { public var message: String }

    /// Dashes that are not a hyphen-minus: en, em, figure, minus sign, hyphen, non-breaking.
    static let dashes: Set<Character> = ["\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}", "\u{2010}", "\u{2011}"]

    static func dashName(_ c: Character) -> String {
        switch c {
        case "\u{2013}": "an en dash"
        case "\u{2014}": "an em dash"
        case "\u{2212}": "a minus sign"
        default: "a typographic dash"
        }
    }

    /// `Mon-Fri 06:00-16:00, Sat 08:00-12:00` as parts joined by `;`, when that is what it is.
    static func joinedByComma(_ part: String) -> String? {
        let pieces = part.split(separator: ",").map { $0.trimmed }
        guard pieces.count > 1, pieces.allSatisfy({ $0.split(separator: " ").count == 2 }) else { return nil }
        return pieces.joined(separator: "; ")
    }

    /// `6:00` → `06:00`; other text as it is.
    static func padded(_ clock: String) -> String {
        let hm = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[0].count == 1, hm[0].allSatisfy(\.isNumber) else { return clock }
        return "0" + clock
    }

    static func parseDays(_ text: String) -> [Int]? {
        var result: [Int] = []
        for item in text.lowercased().split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count) else { return nil }
            guard let a = dayNames.firstIndex(of: String(ends[0])) else { return nil }
            let b = ends.count == 2 ? dayNames.firstIndex(of: String(ends[1])) : a
            guard let b, b >= a else { return nil }
            result += Array(a...b)
        }
        return result
    }

    /// Days with ranges that wrap past Sunday (`Sun-Thu`, `Fri-Mon`) split in two (`Sun,Mon-Thu`,
    /// `Fri-Sun,Mon`); nil when nothing wraps or a name is not a day.
    static func unwrapped(_ text: String) -> String? {
        func name(_ d: Int) -> String { dayNames[d].capitalized }
        var wrapped = false
        var items: [String] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.lowercased().split(separator: "-", omittingEmptySubsequences: false)
            guard let a = dayNames.firstIndex(of: String(ends.first ?? "")) else { return nil }
            guard ends.count == 2, let b = dayNames.firstIndex(of: String(ends[1])), b < a else {
                items.append(String(item))
                continue
            }
            wrapped = true
            items.append(a == 6 ? name(a) : "\(name(a))-Sun")
            items.append(b == 0 ? "Mon" : "Mon-\(name(b))")
        }
        return wrapped ? items.joined(separator: ",") : nil
    }

    static func parseClock(_ text: String) -> Int? {
        let hm = text.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, hm[0].count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]),
            (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }

    /// Open hours in a week.
    public var weeklyHours: Double { Double(days.joined().reduce(0) { $0 + $1.end - $1.start }) / 60 }

    /// Days with any opening.
    public var openDayCount: Int { days.filter { !$0.isEmpty }.count }

    /// Average open hours of an open day, which is what `1d` means under the business clock.
    public var averageDayHours: Double { openDayCount == 0 ? 0 : weeklyHours / Double(openDayCount) }

    public var description: String { text }
}
