import Foundation

/// A routing condition (`when`): groups of atoms joined by `or`, the atoms of a group joined by
/// `and` (`and` binds tighter; there are no parentheses). A lead matches when every atom of some
/// group holds.
public struct Condition: Sendable, Hashable, CustomStringConvertible {
    /// The `or` groups, each a conjunction of atoms. `[[]]` is the condition of a rule without
    /// `when`.
    public var groups: [[ConditionAtom]]

    public init(groups: [[ConditionAtom]]) { self.groups = groups.isEmpty ? [[]] : groups }

    /// A condition of one group: atoms joined by `and`.
    public init(atoms: [ConditionAtom]) { self.init(groups: [atoms]) }

    /// The condition of a rule without `when`: every lead matches.
    public static let always = Condition(atoms: [])

    public var isAlways: Bool { groups.contains(where: \.isEmpty) }

    /// Every atom of every group, in order.
    public var atoms: [ConditionAtom] { groups.flatMap { $0 } }

    /// Lead fields the condition reads, in order of first mention.
    public var fields: [String] {
        var seen: [String] = []
        for atom in atoms where !atom.isArrival && !seen.contains(atom.field) { seen.append(atom.field) }
        return seen
    }

    /// Whether the condition reads only the arrival time (`arrives during Sat-Sun 00:00-24:00`).
    public var isArrivalOnly: Bool { !isAlways && atoms.allSatisfy(\.isArrival) }

    /// Whether some atom reads the arrival time.
    public var readsArrival: Bool { atoms.contains(where: \.isArrival) }

    /// The minutes of the week at which some lead can match: the union over the groups of the
    /// times each group's arrival atoms allow (all of them for a group without one).
    public var arrivalWindow: WeekMinutes {
        groups.reduce(WeekMinutes(all: false)) { union, group in
            union.union(
                group.reduce(WeekMinutes(all: true)) { set, atom in
                    switch atom.test {
                    case .arrivesDuring(let h): set.intersection(WeekMinutes(h))
                    case .arrivesOutside(let h): set.subtracting(WeekMinutes(h))
                    default: set
                    }
                })
        }
    }

    public func matches(_ lead: Lead) -> Bool { groups.contains { $0.allSatisfy { $0.holds(for: lead) } } }

    public var description: String {
        isAlways ? "always" : groups.map { $0.map(\.description).joined(separator: " and ") }.joined(separator: " or ")
    }

    /// Parses `field = value and field >= 10 or field is set …`.
    public static func parse(_ text: String) -> Result<Condition, ConditionError> {
        var groups: [[ConditionAtom]] = []
        for alternative in split(text, on: "or") {
            var atoms: [ConditionAtom] = []
            if alternative.isEmpty, text.trimmed.isEmpty == false {
                return .failure(ConditionError(message: "empty condition next to 'or'"))
            }
            for part in split(alternative, on: "and") {
                switch ConditionAtom.parse(part) {
                case .success(let atom): atoms.append(atom)
                case .failure(let error): return .failure(error)
                }
            }
            groups.append(atoms)
        }
        return .success(Condition(groups: groups))
    }

    /// Splits on a joining word (`and`, `or`), but not inside `[...]`.
    static func split(_ text: String, on joiner: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        for word in words {
            depth += word.filter { $0 == "[" }.count - word.filter { $0 == "]" }.count
            if word == joiner, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current += current.isEmpty ? String(word) : " " + word
            }
        }
        parts.append(current)
        return parts
    }
}

/// What went wrong in a condition, in words for the diagnostic.
public struct ConditionError: Error, Sendable, Hashable { public var message: String }

/// One test on one lead field.
public struct ConditionAtom: Sendable, Hashable, CustomStringConvertible {
    /// The comparison.
    public enum Test: Sendable, Hashable {
        case equals(String)
        case notEquals(String)
        case isIn([String])
        case notIn([String])
        case greaterOrEqual(Double)
        case greater(Double)
        case lessOrEqual(Double)
        case less(Double)
        case isSet
        case isNotSet
        /// The text contains this (without case): `email contains acme`.
        case contains(String)
        /// The text ends with this (without case): `email ends with @acme.com`.
        case endsWith(String)
        /// Set and not containing this: only the path finder writes it, to miss `contains`.
        case notContains(String)
        /// Set and not ending with this: only the path finder writes it, to miss `ends with`.
        case notEndsWith(String)
        /// The lead arrives inside these hours (in the rule's arrival zone).
        case arrivesDuring(WeeklyHours)
        /// The lead arrives outside these hours.
        case arrivesOutside(WeeklyHours)
    }

    /// The field arrival atoms read: the minute of the week the lead arrived.
    public static let arrivalField = "arrival"

    public var isArrival: Bool { field == Self.arrivalField }

    public var field: String
    public var test: Test

    public init(field: String, test: Test) {
        self.field = field
        self.test = test
    }

    /// Text comparisons ignore case (`emea` is `EMEA`); numbers compare as numbers. A missing
    /// field fails every test except `!=`, `not in` and `is not set`.
    public func holds(for lead: Lead) -> Bool {
        let value = lead[field]
        switch test {
        case .isSet: return value != nil
        case .isNotSet: return value == nil
        case .equals(let v): return value.map { Self.same($0, v) } ?? false
        case .notEquals(let v): return value.map { !Self.same($0, v) } ?? true
        case .isIn(let vs): return value.map { x in vs.contains { Self.same(x, $0) } } ?? false
        case .notIn(let vs): return value.map { x in !vs.contains { Self.same(x, $0) } } ?? true
        case .greaterOrEqual(let n): return number(value).map { $0 >= n } ?? false
        case .greater(let n): return number(value).map { $0 > n } ?? false
        case .lessOrEqual(let n): return number(value).map { $0 <= n } ?? false
        case .less(let n): return number(value).map { $0 < n } ?? false
        case .contains(let t): return value.map { $0.lowercased().contains(t.lowercased()) } ?? false
        case .endsWith(let t): return value.map { $0.lowercased().hasSuffix(t.lowercased()) } ?? false
        case .notContains(let t): return value.map { !$0.lowercased().contains(t.lowercased()) } ?? false
        case .notEndsWith(let t): return value.map { !$0.lowercased().hasSuffix(t.lowercased()) } ?? false
        case .arrivesDuring(let h): return value.flatMap { Int($0) }.map { h.contains(minuteOfWeek: $0) } ?? false
        case .arrivesOutside(let h): return value.flatMap { Int($0) }.map { !h.contains(minuteOfWeek: $0) } ?? false
        }
    }

    private func number(_ value: String?) -> Double? { value.flatMap { Double($0) } }

    static func same(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b) { return x == y }
        return a.caseInsensitiveCompare(b) == .orderedSame
    }

    public var description: String {
        switch test {
        case .equals(let v): "\(field) = \(v)"
        case .notEquals(let v): "\(field) != \(v)"
        case .isIn(let vs): "\(field) in [\(vs.joined(separator: ", "))]"
        case .notIn(let vs): "\(field) not in [\(vs.joined(separator: ", "))]"
        case .greaterOrEqual(let n): "\(field) >= \(Self.format(n))"
        case .greater(let n): "\(field) > \(Self.format(n))"
        case .lessOrEqual(let n): "\(field) <= \(Self.format(n))"
        case .less(let n): "\(field) < \(Self.format(n))"
        case .isSet: "\(field) is set"
        case .isNotSet: "\(field) is not set"
        case .contains(let t): "\(field) contains \(t)"
        case .endsWith(let t): "\(field) ends with \(t)"
        case .notContains(let t): "\(field) does not contain \(t)"
        case .notEndsWith(let t): "\(field) does not end with \(t)"
        case .arrivesDuring(let h): "arrives during \(h.text)"
        case .arrivesOutside(let h): "arrives outside \(h.text)"
        }
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    static func isFieldName(_ s: Substring) -> Bool {
        guard let first = s.first, first.isLetter else { return false }
        return s.allSatisfy(isFieldCharacter)
    }

    static func isFieldCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "." || c == "-" || c == "_" }

    /// The operators, as a diagnostic lists them.
    static let operatorList =
        "=, !=, >=, >, <=, <, in [a, b], not in [a, b], is set, is not set, contains TEXT, ends with TEXT; "
        + "'arrives during HOURS', 'arrives outside HOURS'; atoms join with 'and', groups with 'or'"

    /// Parses one atom with a strict grammar: a field name, one operator, and its operand.
    /// Anything else (`==`, `===`, `= <x>`, a missing or unknown operator) is an error that
    /// lists the operators, never a guess.
    static func parse(_ text: String) -> Result<ConditionAtom, ConditionError> {
        let t = Substring(text.trimmed)
        if t.isEmpty { return .failure(ConditionError(message: "empty condition next to 'and'")) }
        for (prefix, during) in [("arrives during ", true), ("arrives outside ", false)] where t.hasPrefix(prefix) {
            switch WeeklyHours.parse(String(t.dropFirst(prefix.count)).trimmed) {
            case .success(let h): return .success(ConditionAtom(field: arrivalField, test: during ? .arrivesDuring(h) : .arrivesOutside(h)))
            case .failure(let e): return .failure(ConditionError(message: "after '\(prefix.trimmed)': \(e.message)"))
            }
        }
        guard let first = t.first, first.isLetter else {
            return .failure(ConditionError(message: "'\(t)' does not start with a lead field name"))
        }
        let fieldEnd = t.firstIndex { !isFieldCharacter($0) } ?? t.endIndex
        let field = String(t[..<fieldEnd])
        var rest = t[fieldEnd...]
        let spaced = rest.first == " "
        rest = rest.drop { $0 == " " }
        guard !rest.isEmpty else {
            return .failure(ConditionError(message: "'\(t)' has no operator after '\(field)'; use one of \(operatorList)"))
        }
        // Symbolic operators, longest first.
        for op in [">=", "<=", "!=", "=", ">", "<"] where rest.hasPrefix(op) {
            let value = rest.dropFirst(op.count).trimmed
            guard !value.isEmpty else { return .failure(ConditionError(message: "nothing after '\(op)' in '\(t)'")) }
            if let c = value.first, "=<>!".contains(c) {
                return .failure(
                    ConditionError(message: "'\(t)' has '\(op)' followed by '\(c)'; write one operator: \(operatorList)"))
            }
            switch op {
            case "=": return .success(ConditionAtom(field: field, test: .equals(value)))
            case "!=": return .success(ConditionAtom(field: field, test: .notEquals(value)))
            default:
                guard let n = Double(value), n.isFinite else {
                    return .failure(ConditionError(message: "'\(op)' compares numbers; '\(value)' is not a number"))
                }
                let test: Test =
                    switch op {
                    case ">=": .greaterOrEqual(n)
                    case "<=": .lessOrEqual(n)
                    case ">": .greater(n)
                    default: .less(n)
                    }
                return .success(ConditionAtom(field: field, test: test))
            }
        }
        // Word operators need a space after the field name.
        let words = rest.split(separator: " ", omittingEmptySubsequences: true)
        if spaced {
            switch words.map(String.init) {
            case ["is", "set"]: return .success(ConditionAtom(field: field, test: .isSet))
            case ["is", "not", "set"]: return .success(ConditionAtom(field: field, test: .isNotSet))
            default: break
            }
            for (op, count) in [("contains", 1), ("ends with", 2)] where words.prefix(count).joined(separator: " ") == op {
                // The operand starts after the operator's last word, however many spaces apart.
                let text = rest[words[count - 1].endIndex...].trimmed
                guard !text.isEmpty else {
                    return .failure(ConditionError(message: "'\(op)' needs the text to look for: \(field) \(op) TEXT"))
                }
                return .success(ConditionAtom(field: field, test: op == "contains" ? .contains(text) : .endsWith(text)))
            }
            for (op, count) in [("not in", 2), ("in", 1)] where words.prefix(count).joined(separator: " ") == op {
                var list = rest[words[count - 1].endIndex...].trimmed
                guard list.hasPrefix("["), list.hasSuffix("]"), list.count >= 2 else {
                    return .failure(ConditionError(message: "'\(op)' takes a list in brackets: \(field) \(op) [a, b]"))
                }
                list = String(list.dropFirst().dropLast())
                let items = list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed }
                guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
                    return .failure(ConditionError(message: "the list after '\(op)' has an empty item"))
                }
                return .success(ConditionAtom(field: field, test: op == "in" ? .isIn(items) : .notIn(items)))
            }
        }
        let word = words.first.map(String.init) ?? String(rest)
        return .failure(
            ConditionError(message: "'\(word)' after '\(field)' is not an operator; conditions use \(operatorList)"))
    }
}
