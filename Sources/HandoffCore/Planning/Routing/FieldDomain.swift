/// The values one lead field may still take while the path finder adds tests to it: whether it
/// must be set, the values it must be one of, the values it must not be, and numeric bounds.
/// Tests are added in place and taken back with the `Change` they return, and a test can be
/// tried without adding it (`witness(with:)`), so a long search never copies the growing list
/// of excluded values: reachability stays near-linear per rule.
struct FieldDomain: Sendable {
    typealias Test = ConditionAtom.Test

    /// A value as routing compares it: numbers by value, text without case.
    struct Key: Hashable, Sendable {
        var number: Double?
        var text: String

        init(_ value: String) {
            number = Double(value).flatMap { $0.isFinite ? $0 : nil }
            text = number == nil ? value.lowercased() : ""
        }
    }

    typealias Bound = (value: Double, inclusive: Bool)

    /// nil: either; true: must be set; false: must be unset.
    var mustBeSet: Bool?
    /// `is set` and `is not set` both apply.
    var impossible = false
    /// Values the field must be one of (from `=` and `in`), first spelling kept for display.
    var allowed: [(key: Key, text: String)]?
    var excluded: Set<Key> = []
    var lower: Bound?
    var upper: Bound?
    /// For the arrival field: the minutes of the week still possible.
    var minutes: WeekMinutes?
    /// Text tests (`contains`, `ends with` and their negations), as written (compared without
    /// case); lists only grow while searching, so a change is undone by cutting them back.
    var text = TextTests()

    struct TextTests: Sendable {
        var contains: [String] = []
        var notContains: [String] = []
        var endsWith: [String] = []
        var notEndsWith: [String] = []

        var isEmpty: Bool { contains.isEmpty && notContains.isEmpty && endsWith.isEmpty && notEndsWith.isEmpty }
        var counts: [Int] { [contains.count, notContains.count, endsWith.count, notEndsWith.count] }

        /// Adds a text test; false for any other test.
        mutating func add(_ test: Test) -> Bool {
            switch test {
            case .contains(let t): contains.append(t)
            case .notContains(let t): notContains.append(t)
            case .endsWith(let t): endsWith.append(t)
            case .notEndsWith(let t): notEndsWith.append(t)
            default: return false
            }
            return true
        }

        mutating func cut(to counts: [Int]) {
            contains.removeLast(contains.count - counts[0])
            notContains.removeLast(notContains.count - counts[1])
            endsWith.removeLast(endsWith.count - counts[2])
            notEndsWith.removeLast(notEndsWith.count - counts[3])
        }

        func fits(_ value: String) -> Bool {
            let v = value.lowercased()
            return contains.allSatisfy { v.contains($0.lowercased()) } && !notContains.contains { v.contains($0.lowercased()) }
                && endsWith.allSatisfy { v.hasSuffix($0.lowercased()) } && !notEndsWith.contains { v.hasSuffix($0.lowercased()) }
        }

        /// Values worth trying for a field with text tests: the required pieces joined, ending
        /// with the longest required ending, behind a few different prefixes (so `!=` and `does
        /// not contain` tests can be stepped past). Empty when the required endings disagree.
        /// An ending that starts with punctuation (`@acme.com`) is joined without a separator,
        /// so the lead reads like a real value (`lead@acme.com`).
        func candidates(count: Int) -> [String] {
            let ending = endsWith.max { $0.count < $1.count } ?? ""
            guard endsWith.allSatisfy({ ending.lowercased().hasSuffix($0.lowercased()) }) else { return [] }
            var pieces: [String] = []
            for piece in contains where !ending.lowercased().contains(piece.lowercased()) {
                if pieces.contains(where: { $0.lowercased().contains(piece.lowercased()) }) { continue }
                pieces.removeAll { piece.lowercased().contains($0.lowercased()) }
                pieces.append(piece)
            }
            let body = pieces.joined(separator: "-")
            let endingJoins = ending.first.map { !$0.isLetter && !$0.isNumber } ?? true
            var out: [String] = []
            for k in 0..<count {
                let prefix = k == 0 ? "lead" : "lead-\(k + 1)"
                for separator in endingJoins ? ["", "-"] : ["-", ""] {
                    out.append(prefix + (body.isEmpty ? "" : "-" + body) + (ending.isEmpty ? "" : separator + ending))
                    out.append(prefix + (body.isEmpty ? "" : separator + body) + (ending.isEmpty ? "" : separator + ending))
                }
                if !body.isEmpty || !ending.isEmpty { out.append(body + ending + (k == 0 ? "" : "\(k + 1)")) }
            }
            return out
        }
    }

    /// What one `add` changed, so the search can take it back.
    struct Change {
        fileprivate var mustBeSet: Bool?
        fileprivate var impossible: Bool
        fileprivate var allowed: [(key: Key, text: String)]??
        fileprivate var inserted: [Key]
        fileprivate var lower: Bound??
        fileprivate var upper: Bound??
        fileprivate var minutes: WeekMinutes??
        fileprivate var textCounts: [Int]
    }

    /// Adds a test in place; `revert` with the returned change undoes it.
    @discardableResult
    mutating func add(_ test: Test) -> Change {
        var change = Change(
            mustBeSet: mustBeSet, impossible: impossible, allowed: nil, inserted: [], lower: nil, upper: nil, minutes: nil,
            textCounts: text.counts)
        switch test {
        case .contains, .notContains, .endsWith, .notEndsWith:
            _ = text.add(test)
            if mustBeSet == false { impossible = true } else { mustBeSet = true }
        case .arrivesDuring(let h):
            change.minutes = .some(minutes)
            minutes = (minutes ?? WeekMinutes(all: true)).intersection(WeekMinutes(h))
            mustBeSet = true
        case .arrivesOutside(let h):
            change.minutes = .some(minutes)
            minutes = (minutes ?? WeekMinutes(all: true)).subtracting(WeekMinutes(h))
            mustBeSet = true
        case .isSet: if mustBeSet == false { impossible = true } else { mustBeSet = true }
        case .isNotSet: if mustBeSet == true { impossible = true } else { mustBeSet = false }
        case .equals(let v):
            change.allowed = .some(allowed)
            allowed = Self.restrict(allowed, to: [v])
        case .isIn(let vs):
            change.allowed = .some(allowed)
            allowed = Self.restrict(allowed, to: vs)
        case .notEquals(let v):
            if excluded.insert(Key(v)).inserted { change.inserted.append(Key(v)) }
        case .notIn(let vs):
            for v in vs where excluded.insert(Key(v)).inserted { change.inserted.append(Key(v)) }
        case .greaterOrEqual(let n), .greater(let n):
            change.lower = .some(lower)
            lower = Self.tighterLower(lower, (n, test == .greaterOrEqual(n)))
        case .lessOrEqual(let n), .less(let n):
            change.upper = .some(upper)
            upper = Self.tighterUpper(upper, (n, test == .lessOrEqual(n)))
        }
        return change
    }

    mutating func revert(_ change: Change) {
        mustBeSet = change.mustBeSet
        impossible = change.impossible
        if let old = change.allowed { allowed = old }
        for key in change.inserted { excluded.remove(key) }
        if let old = change.lower { lower = old }
        if let old = change.upper { upper = old }
        if let old = change.minutes { minutes = old }
        text.cut(to: change.textCounts)
    }

    static func restrict(_ current: [(key: Key, text: String)]?, to values: [String]) -> [(key: Key, text: String)] {
        let incoming = values.map { (key: Key($0), text: $0) }
        guard let current else {
            var seen: Set<Key> = []
            return incoming.filter { seen.insert($0.key).inserted }
        }
        let keys = Set(incoming.map(\.key))
        return current.filter { keys.contains($0.key) }
    }

    static func tighterLower(_ a: Bound?, _ b: Bound) -> Bound {
        guard let a else { return b }
        if a.value > b.value || (a.value == b.value && !a.inclusive) { return a }
        return b
    }

    static func tighterUpper(_ a: Bound?, _ b: Bound) -> Bound {
        guard let a else { return b }
        if a.value < b.value || (a.value == b.value && !a.inclusive) { return a }
        return b
    }

    /// A value meeting every test: `.some(nil)` for "not set", nil when none exists.
    func witness() -> String?? { witness(with: nil) }

    /// The witness as if `extra` had been added, without adding it (nothing is copied).
    func witness(with extra: Test?) -> String?? {
        var mustBeSet = self.mustBeSet
        var impossible = self.impossible
        var allowed = self.allowed
        var lower = self.lower
        var upper = self.upper
        var alsoExcluded: [Key] = []
        var minutes = self.minutes
        var text = self.text
        switch extra {
        case nil: break
        case .contains?, .notContains?, .endsWith?, .notEndsWith?:
            if let extra { _ = text.add(extra) }
            if mustBeSet == false { impossible = true } else { mustBeSet = true }
        case .arrivesDuring(let h)?:
            minutes = (minutes ?? WeekMinutes(all: true)).intersection(WeekMinutes(h))
            mustBeSet = true
        case .arrivesOutside(let h)?:
            minutes = (minutes ?? WeekMinutes(all: true)).subtracting(WeekMinutes(h))
            mustBeSet = true
        case .isSet?: if mustBeSet == false { impossible = true } else { mustBeSet = true }
        case .isNotSet?: if mustBeSet == true { impossible = true } else { mustBeSet = false }
        case .equals(let v)?: allowed = Self.restrict(allowed, to: [v])
        case .isIn(let vs)?: allowed = Self.restrict(allowed, to: vs)
        case .notEquals(let v)?: alsoExcluded = [Key(v)]
        case .notIn(let vs)?: alsoExcluded = vs.map(Key.init)
        case .greaterOrEqual(let n)?: lower = Self.tighterLower(lower, (n, true))
        case .greater(let n)?: lower = Self.tighterLower(lower, (n, false))
        case .lessOrEqual(let n)?: upper = Self.tighterUpper(upper, (n, true))
        case .less(let n)?: upper = Self.tighterUpper(upper, (n, false))
        }
        if impossible { return nil }
        // The arrival field: a minute of the week the atoms allow.
        if let minutes { return minutes.first.map { .some(String($0)) } }
        let needsNumber = lower != nil || upper != nil
        // Unset passes only `!=`, `not in` and `is not set`.
        if mustBeSet != true, allowed == nil, !needsNumber { return .some(nil) }
        if mustBeSet == false { return nil }
        func fits(_ raw: String) -> Bool {
            let key = Key(raw)
            guard !excluded.contains(key), !alsoExcluded.contains(key), text.fits(raw) else { return false }
            guard needsNumber else { return true }
            guard let n = key.number else { return false }
            if let l = lower, n < l.value || (n == l.value && !l.inclusive) { return false }
            if let u = upper, n > u.value || (n == u.value && !u.inclusive) { return false }
            return true
        }
        if let allowed { return allowed.first { fits($0.text) }.map { .some($0.text) } }
        if needsNumber {
            for n in Self.numberCandidates(lower?.value, upper?.value, steps: excluded.count + alsoExcluded.count + 1)
            where fits(ConditionAtom.format(n)) {
                return .some(ConditionAtom.format(n))
            }
            return nil
        }
        if !text.isEmpty {
            return text.candidates(count: excluded.count + alsoExcluded.count + text.notContains.count + text.notEndsWith.count + 2)
                .first { fits($0) }.map { .some($0) }
        }
        for text in ["any value", "other", "other-2", "other-3"] where fits(text) { return .some(text) }
        var i = 4
        while !fits("other-\(i)") { i += 1 }
        return .some("other-\(i)")
    }

    /// Numbers worth trying inside the bounds: the bounds, next to them, and between them,
    /// then further steps past excluded values.
    static func numberCandidates(_ lo: Double?, _ hi: Double?, steps: Int) -> [Double] {
        var out: [Double]
        switch (lo, hi) {
        case (let l?, let h?): out = [l, h, (l + h) / 2, l + (h - l) / 4, l + 3 * (h - l) / 4]
        case (let l?, nil): out = [l, l + 1, l * 2, l + 1000]
        case (nil, let h?): out = [h, h - 1, 0, h - 1000]
        case (nil, nil): out = [0, 1, 1000]
        }
        // Step past a run of excluded values (`!= 5`, `!= 6`, …).
        let base = out
        for start in base.prefix(2) {
            for k in 1...steps {
                out.append(start + Double(k))
                out.append(start - Double(k))
                out.append(start + Double(k) / 1024)
            }
        }
        return out
    }
}
