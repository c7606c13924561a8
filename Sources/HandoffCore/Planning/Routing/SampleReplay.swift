import Foundation
import SwiftCSV

/// Routes a CSV sample of historical leads through the rules (SPEC §3.2 `sample`): the header
/// names lead fields; empty cells are "not set".
public struct SampleReplay: Sendable, Hashable {
    /// A row that no rule matched: its 1-based data row number and its values.
    public struct UnmatchedRow: Sendable, Hashable {
        public var row: Int
        public var lead: Lead
    }

    public var file: String
    /// The column names, in file order.
    public var header: [String] = []
    public var rows: Int
    /// Rows matched per rule, in rule order.
    public var matches: [Int]
    public var unmatchedCount: Int
    /// The first 20 unmatched rows.
    public var unmatched: [UnmatchedRow]
    /// Fields the rules read that the sample has no column for.
    public var missingFields: [String]

    /// Why a sample cannot be replayed.
    public enum Problem: Error, Sendable, Hashable {
        /// The CSV library's own account of what is wrong.
        case notCSV(detail: String)
        case noHeader
    }

    /// The sample's header and its rows as leads, or why the CSV cannot be read.
    public static func leads(csv text: String) -> Result<(header: [String], leads: [Lead]), Problem> {
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            return .failure(.notCSV(detail: "\(error)"))
        }
        let header = csv.header.map { $0.trimmed }
        guard !header.isEmpty, header.contains(where: { !$0.isEmpty }) else {
            return .failure(.noHeader)
        }
        let leads = csv.rows.map { row in
            var lead = Lead()
            for (column, name) in header.enumerated() where column < row.count && !name.isEmpty {
                let value = row[column].trimmed
                if !value.isEmpty { lead[name] = value }
            }
            return lead
        }
        return .success((header, leads))
    }

    /// Parses and replays, or says why the CSV cannot be read.
    public static func replay(csv text: String, file: String, rules: [Brief.RoutingRule]) -> Result<SampleReplay, Problem> {
        let header: [String], leads: [Lead]
        switch Self.leads(csv: text) {
        case .success(let parsed): (header, leads) = parsed
        case .failure(let problem): return .failure(problem)
        }
        let needed = rules.flatMap(\.condition.fields)
        var missing: [String] = []
        for field in needed where !header.contains(field) && !missing.contains(field) { missing.append(field) }
        var matches = Array(repeating: 0, count: rules.count)
        var unmatched: [UnmatchedRow] = []
        var unmatchedCount = 0
        for (index, lead) in leads.enumerated() {
            if let rule = rules.firstIndex(where: { $0.condition.matches(lead) }) {
                matches[rule] += 1
            } else {
                unmatchedCount += 1
                if unmatched.count < 20 { unmatched.append(UnmatchedRow(row: index + 1, lead: lead)) }
            }
        }
        return .success(
            SampleReplay(
                file: file, header: header, rows: leads.count, matches: matches, unmatchedCount: unmatchedCount, unmatched: unmatched,
                missingFields: missing))
    }
}
