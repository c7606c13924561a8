import Crypto
import Foundation

/// A brief's planning inputs as `field: value` lines in file order (`response-sla: 8h`,
/// `scoring.threshold: 50`, `routing[Fast lane].when: score >= 80`), so that two versions can
/// be compared field by field. Items of a list are named by their `name`, `asset`, `stage` or
/// `role`, so an inserted rule does not shift every rule after it; a list of plain values is one
/// field. Approvals are sign-off state, not planning inputs, and are left out (as they are
/// from the digest), so signing a version does not change it.
public struct InputFields: Sendable, Hashable, Codable {
    /// One input and its value as written.
    public struct Field: Sendable, Hashable, Codable {
        public var field: String
        public var value: String

        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    public var fields: [Field]

    /// Top-level keys that are not planning inputs.
    /// Governance says who signs and when the design is reviewed: moving the review date must not
    /// make every sign-off stale.
    /// Actuals are what happened after go-live, read beside the model: not an input to it.
    public static let excludedKeys: Set<String> = ["approvals", "governance", "actuals"]
    /// The pseudo-field that stands for the sample file's contents.
    public static let sampleField = "sample contents"
    static let identifyingKeys = ["name", "asset", "stage", "role"]

    public init(fields: [Field]) { self.fields = fields }

    /// The inputs of a parsed brief and, when it has one, its sample's contents (as a short digest).
    public init(tree: YAMLNode, sampleCSV: String?) {
        self.init(tree: tree, sampleDigest: sampleCSV.map(Self.sampleDigest))
    }

    /// The short digest that stands for a sample's contents.
    public static func sampleDigest(_ csv: String) -> String {
        PlanDigest.hex(SHA256.hash(data: Data(csv.utf8)).prefix(4))
    }

    /// The inputs of a parsed brief and its sample's short digest.
    public init(tree: YAMLNode, sampleDigest: String?) {
        var fields: [Field] = []
        if case .mapping(let root) = tree {
            for entry in root.entries where !Self.excludedKeys.contains(entry.key.value) {
                Self.flatten(entry.value, path: entry.key.value, into: &fields)
            }
        }
        if let sampleDigest { fields.append(Field(field: Self.sampleField, value: sampleDigest)) }
        self.fields = fields
    }

    static func flatten(_ node: YAMLNode, path: String, into fields: inout [Field]) {
        switch node {
        case .scalar(let s):
            fields.append(Field(field: path, value: s.value))
        case .mapping(let m):
            for entry in m.entries { flatten(entry.value, path: path + "." + entry.key.value, into: &fields) }
        case .sequence(let s):
            let scalars = s.items.compactMap { item -> String? in
                if case .scalar(let v) = item { return v.value }
                return nil
            }
            if scalars.count == s.items.count {
                fields.append(Field(field: path, value: "[" + scalars.joined(separator: ", ") + "]"))
                return
            }
            var seen: [String: Int] = [:]
            for (i, item) in s.items.enumerated() {
                var label = String(i + 1)
                if case .mapping(let m) = item {
                    for key in identifyingKeys {
                        if case .scalar(let v)? = m.entries.first(where: { $0.key.value == key })?.value {
                            label = v.value
                            break
                        }
                    }
                }
                seen[label, default: 0] += 1
                if let n = seen[label], n > 1 { label += " #\(n)" }
                flatten(item, path: "\(path)[\(label)]", into: &fields)
            }
        }
    }
}

/// One difference between two versions' planning inputs.
public enum InputChange: Sendable, Hashable {
    case changed(field: String, old: String, new: String)
    /// A field, or a whole list item (`routing[Fast lane]`, value nil), that the new version adds.
    case added(field: String, value: String?)
    case removed(field: String, value: String?)
    /// The items of a list (`routing`, `pods`) are in another order: each order of the items
    /// by name (`East`, not `pods[East]`).
    case reordered(list: String, before: [String], after: [String])

    /// The field or item it is about.
    public var field: String {
        switch self {
        case .changed(let f, _, _), .added(let f, _), .removed(let f, _): f
        case .reordered(let list, _, _): list
        }
    }

    /// For a reordered list, the items that moved and where (`Large North America` from 4 to 3).
    public var moves: [ListMoves.Move] {
        guard case .reordered(_, let before, let after) = self else { return [] }
        return ListMoves.moves(from: before, to: after)
    }
}

extension InputFields {
    /// Every difference from `old` to `self`: changed and added fields in this version's order,
    /// then removed ones, then lists whose items were reordered. An item added or removed whole
    /// is one change, not one per field.
    public func changes(since old: InputFields) -> [InputChange] {
        let oldValues = Dictionary(old.fields.map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })
        let newValues = Dictionary(fields.map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })
        let oldItems = Self.items(old.fields), newItems = Self.items(fields)
        let oldItemSet = Set(oldItems.map(\.item)), newItemSet = Set(newItems.map(\.item))
        var changes: [InputChange] = []
        var reported: Set<String> = []
        for f in fields {
            if let item = Self.item(of: f.field), !oldItemSet.contains(item.item) {
                if reported.insert(item.item).inserted { changes.append(.added(field: item.item, value: nil)) }
            } else if let before = oldValues[f.field] {
                if before != f.value { changes.append(.changed(field: f.field, old: before, new: f.value)) }
            } else {
                changes.append(.added(field: f.field, value: f.value))
            }
        }
        for f in old.fields {
            if let item = Self.item(of: f.field), !newItemSet.contains(item.item) {
                if reported.insert(item.item).inserted { changes.append(.removed(field: item.item, value: nil)) }
            } else if newValues[f.field] == nil {
                changes.append(.removed(field: f.field, value: f.value))
            }
        }
        var lists: [String] = []
        for i in newItems where !lists.contains(i.list) { lists.append(i.list) }
        for list in lists {
            let before = oldItems.filter { $0.list == list && newItemSet.contains($0.item) }.map(\.item)
            let after = newItems.filter { $0.list == list && oldItemSet.contains($0.item) }.map(\.item)
            guard before != after else { continue }
            // Whole orders by name, so positions read as the brief numbers its rules.
            func names(_ items: [(list: String, item: String)]) -> [String] {
                items.filter { $0.list == list }.map { String($0.item.dropFirst(list.count + 1).dropLast()) }
            }
            changes.append(.reordered(list: list, before: names(oldItems), after: names(newItems)))
        }
        return changes
    }

    /// The list item a field belongs to: `routing[Fast lane].when` → (`routing`, `routing[Fast lane]`).
    static func item(of field: String) -> (list: String, item: String)? {
        guard let open = field.firstIndex(of: "["), let close = field[open...].firstIndex(of: "]") else { return nil }
        return (String(field[..<open]), String(field[...close]))
    }

    /// Distinct list items in order of first appearance.
    static func items(_ fields: [Field]) -> [(list: String, item: String)] {
        var seen: Set<String> = []
        var out: [(list: String, item: String)] = []
        for f in fields {
            guard let i = item(of: f.field), seen.insert(i.item).inserted else { continue }
            out.append(i)
        }
        return out
    }
}
