import Foundation
import HandoffCore

/// The plans folder (default `.claude/plans`): reads every record, writes a new one for a
/// segment only when its inputs digest changed. Records are never rewritten or deleted, and
/// files that are not records are left alone with a warning.
public struct PlanRecordStore: Sendable {
    public var folder: String

    public init(folder: String) { self.folder = folder }

    /// Everything in the folder, as records and their texts, plus warnings for other files.
    public struct Contents: Sendable {
        public var records: [AuditTrail.Record] = []
        public var texts: [String: String] = [:]
        public var warnings: [String] = []
        public var names: Set<String> = []

        public func records(for segment: String) -> [AuditTrail.Record] { records.filter { $0.segment == segment } }

    }

    public func read() throws(HandoffError) -> Contents {
        var contents = Contents()
        guard FileManager.default.fileExists(atPath: folder) else { return contents }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .io(path: folder, message: "cannot list the plans folder: \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") {
            contents.names.insert(name)
            let path = BriefLoader.join(folder, name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                name.hasSuffix(".json"), let record = AuditTrail.parseRecord(text, fileName: name)
            else {
                contents.warnings.append("\(path): warning: not a Handoff plan record; left alone")
                continue
            }
            contents.records.append(record)
            contents.texts[name] = text
        }
        return contents
    }

    /// Writes a record for each plan whose digest differs from its segment's latest record.
    /// Returns the names written, by segment; `contents` is updated to include them.
    public func update(_ plans: [HandoffPlan], timestamp: Int, contents: inout Contents) throws(HandoffError) -> [String: String] {
        var latestBySegment: [String: AuditTrail.Record] = [:]
        for record in AuditTrail.ordered(contents.records) { latestBySegment[record.segment] = record }
        var written: [String: String] = [:]
        var files: [SiteFile] = []
        // Records of one second are numbered on: plan-…-2.json, plan-…-3.json.
        var sequence = 1
        for plan in plans.sorted(by: { $0.segment < $1.segment }) {
            let latest = latestBySegment[plan.segment]
            if latest?.inputsDigest == plan.inputsDigest { continue }
            while contents.names.contains(PlanRecord.fileName(timestamp: timestamp, sequence: sequence)) { sequence += 1 }
            let name = PlanRecord.fileName(timestamp: timestamp, sequence: sequence)
            let text = PlanRecord.make(plan, timestamp: timestamp, previous: latest?.fileName).serialized()
            contents.names.insert(name)
            contents.texts[name] = text
            if let record = AuditTrail.parseRecord(text, fileName: name) { contents.records.append(record) }
            files.append(SiteFile(path: name, contents: text))
            written[plan.segment] = name
        }
        guard !files.isEmpty else { return written }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: folder, message: "cannot create the plans folder: \(error.localizedDescription)")
        }
        // Exclusive creation: a record, once written, is never overwritten.
        try SiteWriter.writeConcurrently(files, into: folder, previous: nil)
        return written
    }
}
