/// Finds synthetic leads for routing paths (SPEC §3.2): a lead that meets one rule's condition
/// and misses every earlier rule, or a lead that no rule catches. It is a small constraint
/// search: to miss an earlier rule, one of its atoms must fail, so the search picks one negated
/// atom per earlier rule and checks each field's constraints for a witness value.
public enum PathFinder {
    typealias Test = ConditionAtom.Test

    /// A lead reaching `target` (meeting its condition, missing all `earlier`), or nil.
    public static func lead(meeting target: Condition, missing earlier: [Condition]) -> Lead? {
        var budget = 50_000
        var constraints: [String: [Test]] = [:]
        for atom in target.atoms { constraints[atom.field, default: []].append(atom.test) }
        return search(constraints, earlier[...], &budget)
    }

    /// Whether every lead meeting `premise` also meets `conclusion`.
    public static func implies(_ premise: Condition, _ conclusion: Condition) -> Bool {
        conclusion.atoms.allSatisfy { atom in
            lead(meeting: premise, missing: [Condition(atoms: [atom])]) == nil
        }
    }

    static func search(_ constraints: [String: [Test]], _ rest: ArraySlice<Condition>, _ budget: inout Int) -> Lead? {
        budget -= 1
        guard budget > 0 else { return nil }
        guard let rule = rest.first else { return witness(constraints) }
        for atom in rule.atoms {
            for alternative in negations(of: atom.test) {
                var next = constraints
                next[atom.field, default: []].append(alternative)
                guard value(for: atom.field, next[atom.field] ?? []) != nil else { continue }
                if let lead = search(next, rest.dropFirst(), &budget) { return lead }
            }
        }
        return nil
    }

    static func witness(_ constraints: [String: [Test]]) -> Lead? {
        var lead = Lead()
        for field in constraints.keys.sorted() {
            guard let v = value(for: field, constraints[field] ?? []) else { return nil }
            if let v { lead[field] = v } else { lead.unsetFields.append(field) }
        }
        return lead
    }

    /// The tests that hold exactly when `test` fails.
    static func negations(of test: Test) -> [Test] {
        switch test {
        case .equals(let v): [.notEquals(v)]
        case .notEquals(let v): [.equals(v)]
        case .isIn(let s): [.notIn(s)]
        case .notIn(let s): [.isIn(s)]
        case .greaterOrEqual(let n): [.less(n), .isNotSet]
        case .greater(let n): [.lessOrEqual(n), .isNotSet]
        case .lessOrEqual(let n): [.greater(n), .isNotSet]
        case .less(let n): [.greaterOrEqual(n), .isNotSet]
        case .isSet: [.isNotSet]
        case .isNotSet: [.isSet]
        }
    }

    /// A value meeting every test on one field: `.some(nil)` for "not set", nil when none exists.
    static func value(for field: String, _ tests: [Test]) -> String?? {
        func holds(_ v: String?) -> Bool {
            let lead = Lead(v.map { [field: $0] } ?? [:])
            return tests.allSatisfy { ConditionAtom(field: field, test: $0).holds(for: lead) }
        }
        if holds(nil) { return .some(nil) }
        for candidate in candidates(tests) where holds(candidate) { return .some(candidate) }
        return nil
    }

    /// Values worth trying: the ones the tests name, numbers around every bound, fresh text.
    static func candidates(_ tests: [Test]) -> [String] {
        var texts: [String] = []
        var numbers: [Double] = []
        for test in tests {
            switch test {
            case .equals(let v), .notEquals(let v): texts.append(v)
            case .isIn(let s), .notIn(let s): texts += s
            case .greaterOrEqual(let n), .greater(let n), .lessOrEqual(let n), .less(let n):
                numbers += [n, n + 1, n - 1, n + 0.5, n - 0.5, n * 2, n + 1000]
            case .isSet, .isNotSet: break
            }
        }
        for t in texts { if let n = Double(t) { numbers += [n + 1, n - 1] } }
        if !numbers.isEmpty { numbers += [0, 1, 1000] }
        let numeric = numbers.map { ConditionAtom.format($0) }
        // Readable stand-ins when any value will do ("account.owner = any value").
        return texts + numeric + ["any value", "other", "other-2", "other-3"]
    }
}
