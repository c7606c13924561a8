/// Finds synthetic leads for routing paths (SPEC §3.2): a lead that meets one rule's condition
/// and misses every earlier rule, or a lead that no rule catches. It is a small constraint
/// search: to miss an earlier rule, one of its atoms must fail, so the search picks one negated
/// atom per earlier rule and keeps each field's remaining values as a `FieldDomain`, changed in
/// place and changed back on the way out. Rules the constraints already miss are passed without
/// branching, so a list of rules on distinct values costs one check per rule.
public enum PathFinder {
    typealias Test = ConditionAtom.Test
    typealias Constraints = [String: FieldDomain]

    /// A lead reaching `target` (meeting its condition, missing all `earlier`), or nil. A lead
    /// meets a condition through one of its `or` groups, and misses an earlier condition by
    /// missing every one of its groups.
    public static func lead(meeting target: Condition, missing earlier: [Condition]) -> Lead? {
        let toMiss = earlier.flatMap(\.groups)
        // An earlier rule without a condition catches everything.
        if toMiss.contains(where: \.isEmpty) { return nil }
        var budget = 50_000
        for group in target.groups {
            var constraints: Constraints = [:]
            for atom in group { constraints[atom.field, default: FieldDomain()].add(atom.test) }
            guard constraints.values.allSatisfy({ $0.witness() != nil }) else { continue }
            if let lead = search(&constraints, toMiss[...], &budget) { return lead }
        }
        return nil
    }

    /// Whether every lead meeting `premise` also meets `conclusion`.
    public static func implies(_ premise: Condition, _ conclusion: Condition) -> Bool {
        lead(meeting: premise, missing: [conclusion]) == nil
    }

    static func search(_ constraints: inout Constraints, _ rest: ArraySlice<[ConditionAtom]>, _ budget: inout Int) -> Lead? {
        budget -= 1
        guard budget > 0 else { return nil }
        var rest = rest
        while let group = rest.first, !group.isEmpty, alreadyMissed(group, under: constraints) { rest = rest.dropFirst() }
        guard let group = rest.first else { return witness(constraints) }
        if group.isEmpty { return nil }
        for atom in group {
            for alternative in negations(of: atom.test) {
                guard (constraints[atom.field] ?? FieldDomain()).witness(with: alternative) != nil else { continue }
                let change = constraints[atom.field, default: FieldDomain()].add(alternative)
                let found = search(&constraints, rest.dropFirst(), &budget)
                constraints[atom.field]?.revert(change)
                if let found { return found }
            }
        }
        return nil
    }

    /// Whether no lead meeting `constraints` can meet `group`: one of its atoms contradicts them.
    static func alreadyMissed(_ group: [ConditionAtom], under constraints: Constraints) -> Bool {
        group.contains { atom in
            guard let domain = constraints[atom.field] else { return false }
            return domain.witness(with: atom.test) == nil
        }
    }

    static func witness(_ constraints: Constraints) -> Lead? {
        var lead = Lead()
        for field in constraints.keys.sorted() {
            guard let v = constraints[field]?.witness() else { return nil }
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
        case .contains(let t): [.notContains(t), .isNotSet]
        case .endsWith(let t): [.notEndsWith(t), .isNotSet]
        case .notContains(let t): [.contains(t), .isNotSet]
        case .notEndsWith(let t): [.endsWith(t), .isNotSet]
        // Every lead arrives some time: missing a window means arriving outside it.
        case .arrivesDuring(let h): [.arrivesOutside(h)]
        case .arrivesOutside(let h): [.arrivesDuring(h)]
        }
    }
}
