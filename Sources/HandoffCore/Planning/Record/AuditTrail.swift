import Foundation

/// The audit trail of a segment: its plan records in order, each with every planning input that
/// changed from the record before, field by field.
public struct AuditTrail: Sendable {
    /// What a record file says, as far as the trail needs.
    public struct Record: Sendable, Hashable {
        public var fileName: String
        public var segment: String
        public var inputsDigest: String
        public var previous: String?
        public var createdAt: String
        /// The planning inputs field by field; nil in records written before they were kept.
        public var inputs: InputFields?

        public init(
            fileName: String, segment: String, inputsDigest: String, previous: String?, createdAt: String,
            inputs: InputFields?
        ) {
            self.fileName = fileName
            self.segment = segment
            self.inputsDigest = inputsDigest
            self.previous = previous
            self.createdAt = createdAt
            self.inputs = inputs
        }

        /// The version this record is of, on the UTC day it was written.
        public var recordedVersion: RecordedVersion? {
            guard let day = CalendarDate(parsing: String(createdAt.prefix(10))) else { return nil }
            return RecordedVersion(version: PlanDigest.version(of: inputsDigest), recordedOn: day, inputs: inputs)
        }
    }

    /// What changed between two records, as values.
    public enum Change: Sendable, Hashable {
        case firstRecord(segment: String)
        /// One of the records predates field-by-field inputs: only the digest tells.
        case inputsChanged
        case input(InputChange)
    }

    /// One line of the trail.
    public struct Entry: Sendable, Hashable {
        public var record: Record
        public var changes: [Change]
    }

    public var entries: [Entry]

    /// The segment's versions in time order, for binding approvals.
    public var history: [RecordedVersion] { entries.compactMap(\.record.recordedVersion) }

    /// Reads a record file's text; nil when it is not a plan record.
    public static func parseRecord(_ text: String, fileName: String) -> Record? {
        struct Raw: Decodable {
            var segment: String
            var inputs_digest: String
            var previous: String?
            var created_at: String
            var input_fields: [InputFields.Field]?
        }
        guard let raw = try? JSONDecoder().decode(Raw.self, from: Data(text.utf8)), raw.inputs_digest.hasPrefix("sha256:") else {
            return nil
        }
        return Record(
            fileName: fileName, segment: raw.segment, inputsDigest: raw.inputs_digest, previous: raw.previous,
            createdAt: raw.created_at, inputs: raw.input_fields.map(InputFields.init(fields:)))
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

    /// The trail with each record's inputs dropped: the changes between records are already
    /// worked out from them, and a page needs only those (a record's inputs are tens of kB).
    public func withoutInputs() -> AuditTrail {
        var copy = self
        for i in copy.entries.indices { copy.entries[i].record.inputs = nil }
        return copy
    }

    /// What changed between two consecutive records.
    public static func changes(from old: Record?, to new: Record) -> [Change] {
        guard let old else { return [.firstRecord(segment: new.segment)] }
        guard let a = old.inputs, let b = new.inputs else { return [.inputsChanged] }
        let changes = b.changes(since: a).map(Change.input)
        return changes.isEmpty ? [.inputsChanged] : changes
    }
}
