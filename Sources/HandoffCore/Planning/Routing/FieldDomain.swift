/// The values one lead field may still take while the path finder adds tests to it: whether it
/// must be set, the values it must be one of, the values it must not be, and numeric bounds.
/// Adding a test and asking for a witness cost about as much as the lists the brief wrote, not
/// as much as every test so far, which keeps reachability near-linear in the rules.
struct FieldDomain: Sendable {
    typealias Test = ConditionAtom.Test

    /// A value as routing compares it: numbers by value, text without case.
    struct Key: Hashable {
        var number: Double?
        var text: String

        init(_ value: String) {
            number = Double(value).flatMap { $0.isFinite ? $0 : nil }
            text = number == nil ? value.lowercased() : ""
        }
    }

    /// nil: either; true: must be set; false: must be unset.
    var mustBeSet: Bool?
    /// Values the field must be one of (from `=` and `in`), first spelling kept for display.
    var allowed: [(key: Key, text: String)]?
    var excluded: Set<Key> = []
    var lower: (value: Double, inclusive: Bool)?
    var upper: (value: Double, inclusive: Bool)?

    /// Numeric bounds force a number; equality lists are checked against them in `witness`.
    var needsNumber: Bool { lower != nil || upper != nil }

    mutating func add(_ test: Test) {
        switch test {
        case .isSet: if mustBeSet == false { impossible = true } else { mustBeSet = true }
        case .isNotSet: if mustBeSet == true { impossible = true } else { mustBeSet = false }
        case .equals(let v): restrict(to: [v])
        case .isIn(let vs): restrict(to: vs)
        case .notEquals(let v): excluded.insert(Key(v))
        case .notIn(let vs): for v in vs { excluded.insert(Key(v)) }
        case .greaterOrEqual(let n): raise(n, inclusive: true)
        case .greater(let n): raise(n, inclusive: false)
        case .lessOrEqual(let n): lower(n, inclusive: true)
        case .less(let n): lower(n, inclusive: false)
        }
    }

    /// Set when `is set` and `is not set` both apply.
    var impossible = false

    private mutating func restrict(to values: [String]) {
        let incoming = values.map { (key: Key($0), text: $0) }
        guard let current = allowed else {
            var seen: Set<Key> = []
            allowed = incoming.filter { seen.insert($0.key).inserted }
            return
        }
        let keys = Set(incoming.map(\.key))
        allowed = current.filter { keys.contains($0.key) }
    }

    private mutating func raise(_ n: Double, inclusive: Bool) {
        if let l = lower, l.value > n || (l.value == n && !l.inclusive) { return }
        lower = (n, inclusive)
    }

    private mutating func lower(_ n: Double, inclusive: Bool) {
        if let u = upper, u.value < n || (u.value == n && !u.inclusive) { return }
        upper = (n, inclusive)
    }

    /// Whether the field may be left unset: only `!=`, `not in` and `is not set` hold then.
    var allowsUnset: Bool { !impossible && mustBeSet != true && allowed == nil && !needsNumber }

    /// A value meeting every test: `.some(nil)` for "not set", nil when none exists.
    func witness() -> String?? {
        if impossible { return nil }
        if allowsUnset { return .some(nil) }
        if mustBeSet == false { return nil }
        if let allowed {
            return allowed.first { fits($0.key) }.map { .some($0.text) }
        }
        if needsNumber {
            for n in numberCandidates() where fits(Key(FieldDomain.format(n))) { return .some(FieldDomain.format(n)) }
            return nil
        }
        for text in ["any value", "other", "other-2", "other-3"] where !excluded.contains(Key(text)) { return .some(text) }
        var i = 4
        while excluded.contains(Key("other-\(i)")) { i += 1 }
        return .some("other-\(i)")
    }

    func fits(_ key: Key) -> Bool {
        guard !excluded.contains(key) else { return false }
        guard needsNumber else { return true }
        guard let n = key.number else { return false }
        if let l = lower, n < l.value || (n == l.value && !l.inclusive) { return false }
        if let u = upper, n > u.value || (n == u.value && !u.inclusive) { return false }
        return true
    }

    /// Numbers worth trying inside the bounds: the bounds, next to them, and between them,
    /// then further steps past excluded values.
    func numberCandidates() -> [Double] {
        let lo = lower?.value
        let hi = upper?.value
        var out: [Double] = []
        switch (lo, hi) {
        case (let l?, let h?): out = [l, h, (l + h) / 2, l + (h - l) / 4, l + 3 * (h - l) / 4]
        case (let l?, nil): out = [l, l + 1, l * 2, l + 1000]
        case (nil, let h?): out = [h, h - 1, 0, h - 1000]
        case (nil, nil): out = [0, 1, 1000]
        }
        // Step past a run of excluded values (`!= 5`, `!= 6`, …).
        let base = out
        for start in base.prefix(2) {
            for k in 1...(excluded.count + 1) {
                out.append(start + Double(k))
                out.append(start - Double(k))
                out.append(start + Double(k) / 1024)
            }
        }
        return out
    }

    static func format(_ n: Double) -> String { ConditionAtom.format(n) }
}
