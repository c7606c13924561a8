import Foundation

/// The brief's routing rules compiled against an export's header (SPEC §3.8): each atom reads
/// its column by index, with its values lower-cased and its numbers parsed once, so a million
/// rows are routed without a dictionary per row or a condition parsed again. The same semantics
/// as `ConditionAtom.holds`: text compares without case, a number compares as a number, a
/// missing or empty cell fails every test but `!=`, `not in` and `is not set`.
struct CompiledRules: Sendable {
    struct Atom: Sendable {
        enum Test: Sendable {
            case equals(String, Double?)
            case notEquals(String, Double?)
            case isIn([(String, Double?)])
            case notIn([(String, Double?)])
            /// At least, more than, at most, less than: `(bound, orEqual, above)`.
            case compare(Double, orEqual: Bool, above: Bool)
            case isSet
            case isNotSet
            case contains(String)
            case endsWith(String)
            case notContains(String)
            case notEndsWith(String)
            case arrives(WeeklyHours, during: Bool)
        }
        var column: Int
        var test: Test
    }

    /// Per rule, its `or` groups of `and` atoms, and the zone its arrival atoms read time in.
    let rules: [(groups: [[Atom]], zone: Int)]
    /// The zones arrival atoms read, each with its offsets kept.
    var zones: [HourlyOffsets] = []

    init(brief: Brief, columns: [String: Int]) {
        let briefZone = TimeZone(identifier: brief.timezone) ?? TimeZone(secondsFromGMT: 0)!
        var zones: [HourlyOffsets] = []
        rules = brief.routing.map { rule in
            let tz = rule.channel.timezone.flatMap(TimeZone.init(identifier:)) ?? briefZone
            let zone = zones.firstIndex { $0.zone == tz } ?? zones.count
            if zone == zones.count { zones.append(HourlyOffsets(tz)) }
            let groups = rule.condition.groups.map { group in
                group.map { atom -> Atom in
                    func value(_ s: String) -> (String, Double?) { (s.lowercased(), Double(s)) }
                    let test: Atom.Test =
                        switch atom.test {
                        case .equals(let v): .equals(value(v).0, value(v).1)
                        case .notEquals(let v): .notEquals(value(v).0, value(v).1)
                        case .isIn(let vs): .isIn(vs.map(value))
                        case .notIn(let vs): .notIn(vs.map(value))
                        case .greaterOrEqual(let n): .compare(n, orEqual: true, above: true)
                        case .greater(let n): .compare(n, orEqual: false, above: true)
                        case .lessOrEqual(let n): .compare(n, orEqual: true, above: false)
                        case .less(let n): .compare(n, orEqual: false, above: false)
                        case .isSet: .isSet
                        case .isNotSet: .isNotSet
                        case .contains(let t): .contains(t.lowercased())
                        case .endsWith(let t): .endsWith(t.lowercased())
                        case .notContains(let t): .notContains(t.lowercased())
                        case .notEndsWith(let t): .notEndsWith(t.lowercased())
                        case .arrivesDuring(let h): .arrives(h, during: true)
                        case .arrivesOutside(let h): .arrives(h, during: false)
                        }
                    return Atom(column: atom.isArrival ? -1 : columns[atom.field] ?? -1, test: test)
                }
            }
            return (groups, zone)
        }
        self.zones = zones
    }

    /// The first rule whose condition holds for the row (arriving at `arrival`), or nil.
    mutating func first(matching fields: [String], arrival: Double) -> Int? {
        for r in rules.indices {
            for group in rules[r].groups {
                var all = true
                for atom in group where !holds(atom, fields, arrival, zone: rules[r].zone) {
                    all = false
                    break
                }
                if all { return r }
            }
        }
        return nil
    }

    mutating func holds(_ atom: Atom, _ fields: [String], _ arrival: Double, zone: Int) -> Bool {
        if case .arrives(let hours, let during) = atom.test {
            return hours.contains(minuteOfWeek: zones[zone].minuteOfWeek(arrival)) == during
        }
        let raw = atom.column >= 0 && atom.column < fields.count ? fields[atom.column] : ""
        let text = raw.trimmedSpaces
        let value: String? = text.isEmpty ? nil : text
        func same(_ x: String, _ v: (String, Double?)) -> Bool {
            if let n = v.1, let d = Double(x) { return d == n }
            return x.lowercased() == v.0
        }
        switch atom.test {
        case .isSet: return value != nil
        case .isNotSet: return value == nil
        case .equals(let s, let n): return value.map { same($0, (s, n)) } ?? false
        case .notEquals(let s, let n): return value.map { !same($0, (s, n)) } ?? true
        case .isIn(let vs): return value.map { x in vs.contains { same(x, $0) } } ?? false
        case .notIn(let vs): return value.map { x in !vs.contains { same(x, $0) } } ?? true
        case .compare(let n, let orEqual, let above):
            guard let d = value.flatMap({ Double($0) }) else { return false }
            return d == n ? orEqual : (d > n) == above
        case .contains(let t): return value.map { $0.lowercased().contains(t) } ?? false
        case .endsWith(let t): return value.map { $0.lowercased().hasSuffix(t) } ?? false
        case .notContains(let t): return value.map { !$0.lowercased().contains(t) } ?? false
        case .notEndsWith(let t): return value.map { !$0.lowercased().hasSuffix(t) } ?? false
        case .arrives: return false
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; the string itself, without a copy, when it
    /// has none (almost every cell of an export).
    var trimmedSpaces: String {
        func blank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        guard let first = utf8.first, let last = utf8.last, blank(first) || blank(last) else { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}
