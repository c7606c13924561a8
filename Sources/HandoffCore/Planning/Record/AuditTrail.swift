import Foundation

/// The audit trail of a segment: its plan records in order, each with what changed from the one
/// before (routing rules added, removed or changed; SLA inputs; pods; enablement items).
public struct AuditTrail: Sendable {
    /// What a record file says, as far as the trail needs.
    public struct Record: Sendable, Hashable {
        public var fileName: String
        public var segment: String
        public var inputsDigest: String
        public var previous: String?
        public var createdAt: String
        public var inputs: RecordInputs?
    }

    /// What changed between two records, as values.
    public enum Change: Sendable, Hashable {
        case firstRecord(segment: String)
        /// One of the records carries no inputs summary to compare.
        case inputsChanged
        case title(old: String, new: String)
        case ruleAdded(String)
        case ruleRemoved(String)
        case ruleChanged(rule: String, fields: [RuleField])
        case rulesReordered
        case slaInput(key: String, old: String?, new: String?)
        case pods(removed: [String], added: [String])
        case enablement(removed: [String], added: [String])
        /// The digest changed in a part the summary does not cover.
        case otherInputs
    }

    /// One part of a routing rule that changed.
    public enum RuleField: Sendable, Hashable {
        case when(old: String, new: String)
        case assign(old: String, new: String)
        /// nil: an even split.
        case share(old: String?, new: String?)
    }

    /// One line of the trail.
    public struct Entry: Sendable, Hashable {
        public var record: Record
        public var changes: [Change]
    }

    public var entries: [Entry]

    /// Reads a record file's text; nil when it is not a plan record.
    public static func parseRecord(_ text: String, fileName: String) -> Record? {
        struct Raw: Decodable {
            var segment: String
            var inputs_digest: String
            var previous: String?
            var created_at: String
            var inputs: RecordInputs?
        }
        guard let raw = try? JSONDecoder().decode(Raw.self, from: Data(text.utf8)), raw.inputs_digest.hasPrefix("sha256:") else {
            return nil
        }
        return Record(
            fileName: fileName, segment: raw.segment, inputsDigest: raw.inputs_digest, previous: raw.previous,
            createdAt: raw.created_at, inputs: raw.inputs)
    }

    /// Records in time order (by creation time, then file name).
    public static func ordered(_ records: [Record]) -> [Record] {
        records.sorted { ($0.createdAt, $0.fileName.count, $0.fileName) < ($1.createdAt, $1.fileName.count, $1.fileName) }
    }

    public init(records: [Record]) {
        var entries: [Entry] = []
        var previous: Record?
        for record in Self.ordered(records) {
            entries.append(Entry(record: record, changes: Self.changes(from: previous, to: record)))
            previous = record
        }
        self.entries = entries
    }

    /// What changed between two consecutive records.
    public static func changes(from old: Record?, to new: Record) -> [Change] {
        guard let old else { return [.firstRecord(segment: new.segment)] }
        guard let a = old.inputs, let b = new.inputs else { return [.inputsChanged] }
        var changes: [Change] = []
        if a.title != b.title { changes.append(.title(old: a.title, new: b.title)) }
        let oldRules = Dictionary(a.routing.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        let newRules = Dictionary(b.routing.map { ($0.name, $0) }, uniquingKeysWith: { x, _ in x })
        for rule in b.routing where oldRules[rule.name] == nil { changes.append(.ruleAdded(rule.name)) }
        for rule in a.routing where newRules[rule.name] == nil { changes.append(.ruleRemoved(rule.name)) }
        for rule in b.routing {
            guard let before = oldRules[rule.name], before != rule else { continue }
            var fields: [RuleField] = []
            if before.when != rule.when { fields.append(.when(old: before.when, new: rule.when)) }
            if before.assign != rule.assign { fields.append(.assign(old: before.assign, new: rule.assign)) }
            if before.share != rule.share { fields.append(.share(old: before.share, new: rule.share)) }
            changes.append(.ruleChanged(rule: rule.name, fields: fields))
        }
        if a.routing.map(\.name) != b.routing.map(\.name), Set(a.routing.map(\.name)) == Set(b.routing.map(\.name)) {
            changes.append(.rulesReordered)
        }
        for key in Set(a.sla.keys).union(b.sla.keys).sorted() where a.sla[key] != b.sla[key] {
            changes.append(.slaInput(key: key, old: a.sla[key], new: b.sla[key]))
        }
        let podsAdded = b.pods.filter { !a.pods.contains($0) }
        let podsRemoved = a.pods.filter { !b.pods.contains($0) }
        if !podsAdded.isEmpty || !podsRemoved.isEmpty { changes.append(.pods(removed: podsRemoved, added: podsAdded)) }
        let kitAdded = b.enablement.filter { !a.enablement.contains($0) }
        let kitRemoved = a.enablement.filter { !b.enablement.contains($0) }
        if !kitAdded.isEmpty || !kitRemoved.isEmpty { changes.append(.enablement(removed: kitRemoved, added: kitAdded)) }
        return changes.isEmpty ? [.otherInputs] : changes
    }
}
