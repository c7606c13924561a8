import Foundation
import HandoffCore

/// The plans folder (default `.claude/plans`): reads every record, writes a new one for a
/// segment only when its inputs digest changed. Records are never rewritten or deleted, and
/// files that are not records are left alone with a warning.
public struct PlanRecordStore: Sendable {
    public var folder: String
    public var disk: Disk

    public init(folder: String, disk: Disk = Disk()) {
        self.folder = folder
        self.disk = disk
    }

    /// Everything in the folder, as records and their texts, plus warnings for other files.
    public struct Contents: Sendable {
        public var records: [AuditTrail.Record] = []
        public var warnings: [String] = []
        public var names: Set<String> = []

        public func records(for segment: String) -> [AuditTrail.Record] { records.filter { $0.segment == segment } }

    }

    public func read() throws(HandoffError) -> Contents {
        var contents = Contents()
        guard disk.exists(folder) else { return contents }
        guard let names = disk.list(folder) else {
            throw .io(path: folder, message: "cannot list the plans folder: \(Disk.lastError())")
        }
        for name in names where !name.hasPrefix(".") {
            contents.names.insert(name)
            let path = BriefLoader.join(folder, name)
            guard name.hasSuffix(".json"), let text = disk.text(path), let record = AuditTrail.parseRecord(text, fileName: name)
            else {
                contents.warnings.append("\(path): warning: not a Handoff plan record; left alone")
                continue
            }
            contents.records.append(record)
        }
        return contents
    }

    /// Names and serialises new records, one plan at a time: records of one second are numbered
    /// on (plan-…-2.json, plan-…-3.json), past every name the folder already has.
    public struct Namer: Sendable {
        let timestamp: Int
        var names: Set<String>
        var sequence = 1

        public init(timestamp: Int, names: Set<String>) {
            self.timestamp = timestamp
            self.names = names
        }

        /// The new record of `plan`, when its digest differs from its segment's latest record.
        public mutating func record(for plan: HandoffPlan, latest: AuditTrail.Record?) -> SiteFile? {
            if latest?.inputsDigest == plan.inputsDigest { return nil }
            while names.contains(PlanRecord.fileName(timestamp: timestamp, sequence: sequence)) { sequence += 1 }
            let name = PlanRecord.fileName(timestamp: timestamp, sequence: sequence)
            names.insert(name)
            return SiteFile(path: name, contents: PlanRecord(plan, timestamp: timestamp, previous: latest?.fileName).serialized())
        }
    }

    /// Prepared records written to temporary names in the plans folder and synced, not yet
    /// under their final names: a build stages them before it renders, so their texts need not
    /// wait in memory for the site to be in place, and commits them after.
    public struct StagedRecords: Sendable {
        struct Entry: Sendable {
            var name: String
            var temporary: String
            var segment: String
        }

        var entries: [Entry] = []

        /// Each staged record's temporary file, by its final name.
        public var temporaryPaths: [String: String] {
            Dictionary(entries.map { ($0.name, $0.temporary) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// Writes one prepared record (of `segment`) whole to a temporary name and syncs it, adding it
    /// to `staged`.
    public func stage(_ record: SiteFile, segment: String, into staged: inout StagedRecords) throws(HandoffError) {
        if staged.entries.isEmpty { try disk.makeFolders(folder) }
        let temporary = BriefLoader.join(folder, ".\(record.path).tmp-\(getpid())")
        var text = record.contents
        let created = text.withUTF8 { disk.createFile(temporary, bytes: $0, sync: true) }
        guard created else {
            let message = Disk.lastError()
            disk.unlink(temporary)
            throw .io(path: temporary, message: "cannot write the plan record: \(message)")
        }
        staged.entries.append(.init(name: record.path, temporary: temporary, segment: segment))
    }

    /// Hard-links each staged record to its final name (which never replaces an existing record),
    /// removes the temporary names and syncs the folder. Returns the names written, by segment.
    public func commit(_ staged: StagedRecords) throws(HandoffError) -> [String: String] {
        guard !staged.entries.isEmpty else { return [:] }
        var written: [String: String] = [:]
        for (i, entry) in staged.entries.enumerated() {
            let final = BriefLoader.join(folder, entry.name)
            let linked = disk.link(entry.temporary, final)
            let message = Disk.lastError()
            disk.unlink(entry.temporary)
            guard linked else {
                abandon(StagedRecords(entries: Array(staged.entries[(i + 1)...])))
                throw .io(path: final, message: "cannot write the plan record: \(message)")
            }
            written[entry.segment] = entry.name
        }
        disk.syncFolder(folder)
        return written
    }

    /// Removes staged records that will not be committed.
    public func abandon(_ staged: StagedRecords) {
        for entry in staged.entries { disk.unlink(entry.temporary) }
    }

    /// Removes temporary records that a killed run left behind (the caller holds the lock).
    public func removeLeftovers() {
        let names = disk.list(folder) ?? []
        for name in names where name.hasPrefix(".plan-") && name.contains(".tmp-") {
            disk.unlink(BriefLoader.join(folder, name))
        }
    }

    /// The lock that serialises record writers; the plans folder is created if missing.
    func lock(waiting: (String) -> Void) throws(HandoffError) -> BuildLock {
        try disk.makeFolders(folder)
        return try BuildLock(folder: folder, waiting: waiting)
    }
}
