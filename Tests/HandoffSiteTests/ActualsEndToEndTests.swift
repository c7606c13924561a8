import Foundation
import Testing

@testable import HandoffSite

/// The CSV splitter under the actuals reader: exports as CRMs write them, in any chunking.
@Suite struct CSVStreamTests {
    static func rows(_ text: String, chunk: Int) -> [([String], Int)] {
        var stream = CSVStream()
        var out: [([String], Int)] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let part = Array(bytes[i..<min(bytes.count, i + chunk)])
            _ = part.withUnsafeBytes {
                stream.feed($0) {
                    out.append(($0, $1)); return true
                }
            }
            i += chunk
        }
        stream.finish {
            out.append(($0, $1)); return true
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func quotesLineBreaksAndAByteOrderMarkInAnyChunking(chunk: Int) {
        let text =
            "\u{FEFF}id,created,note\r\n1,2027-03-01 09:00,\"Smith, Jane\"\r\n\r\n2,2027-03-01 10:00,\"said \"\"call me\"\"\nlater\"\r\n3, \"x\" ,plain"
        let rows = Self.rows(text, chunk: chunk)
        #expect(
            rows.map(\.0) == [
                ["id", "created", "note"], ["1", "2027-03-01 09:00", "Smith, Jane"],
                ["2", "2027-03-01 10:00", "said \"call me\"\nlater"], ["3", "x ", "plain"],
            ])
        // Each row's first line: the blank line is skipped, the quoted break counted.
        #expect(rows.map(\.1) == [1, 2, 4, 6])
    }

    @Test func aStopEndsTheStream() {
        var stream = CSVStream()
        var seen = 0
        let going = Array("a\nb\nc\n".utf8).withUnsafeBytes {
            stream.feed($0) { _, _ in
                seen += 1; return seen < 2
            }
        }
        #expect(!going && seen == 2)
    }
}

/// `actuals` as a user meets it (SPEC §3.8): an export in the CRM's own columns, the section on
/// the page, the portfolio's column, `packet.json`, `check --strict`, and every way the file can
/// be wrong, each a located error that writes nothing.
@Suite("Actuals, end to end")
struct ActualsEndToEndTests {
    typealias T = TestSupport

    /// A HubSpot-style export: its own names, quoted fields, CRLF, and three bad rows.
    static let export =
        [
            "\"Record ID\",\"Create Date\",\"First Engagement Date\",\"Country/Region\",\"Lead Status\",\"Reason\"",
            "101,2027-03-01 09:05,2027-03-01 09:20,NA,Accepted,",
            "102,2027-03-01 10:00,2027-03-01 14:30,EMEA,Rejected,\"Not a fit, too small\"",
            "103,2027-03-02 16:50,2027-03-03 09:30,NA,Accepted,",
            "104,not a date,2027-03-03 09:30,NA,Accepted,",
            "105,2027-03-03 11:00,2027-03-03 10:00,NA,Accepted,",
            "106,2027-03-04 09:00,,NA,,",
            "107,2027-03-08 09:00,2027-03-08 09:10,NA,Accepted,",
            "108,2027-03-09 09:00,2027-03-09 13:00,NA,Rejected,Duplicate",
            "109,2027-03-10 09:00,2027-03-10 09:02,NA,Accepted,",
            "110,2027-03-12 09:00,2027-03-12 9h,NA,Accepted,",
        ].joined(separator: "\r\n") + "\r\n"

    static let actuals = """
        actuals:
          file: exports/crm.csv
          columns:
            created: Create Date
            first-touch: First Engagement Date
            region: Country/Region
            accepted: Lead Status
            rejected-reason: Reason
        """

    static func workspace(actuals: String = Self.actuals, export: String? = Self.export) throws -> (URL, URL) {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Fixtures.brief(extra: actuals)])
        if let export { try Fixtures.write(export, to: dir.appendingPathComponent("Content/exports/crm.csv")) }
        return (root, dir)
    }

    @Test func theExportReadsAsItComesAndShowsOnEveryPage() throws {
        let (root, dir) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try T.run(["build", "--quiet"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("Public/segments/alpha/handoff.md"), encoding: .utf8)
        let actuals = try #require(page.range(of: "\n## Actuals\n"))
        let sla = try #require(page.range(of: "\n## SLA model\n"))
        let escalation = try #require(page.range(of: "\n## Escalation tree\n"))
        #expect(sla.upperBound < actuals.lowerBound && actuals.upperBound < escalation.lowerBound)
        #expect(page.contains("`exports/crm.csv`, 10 leads from the week of 2027-03-01"))
        #expect(page.contains("(figures.svg#actuals-east)"))
        #expect(page.contains("| Rejection reason | Leads | Of rejected |"))
        #expect(page.contains("| Not a fit, too small | 1 | 50% |"))
        // The bad rows with their lines, never fatal.
        #expect(page.contains("| 5 | the created time cannot be read | `not a date` |"))
        #expect(page.contains("| 6 | first touch before the lead was created |"))
        #expect(page.contains("| 11 | the first-touch time cannot be read | `2027-03-12 9h` |"))
        let html = try String(contentsOf: dir.appendingPathComponent("Public/segments/alpha/index.html"), encoding: .utf8)
        #expect(html.contains("href=\"#actuals\""))
        let index = try String(contentsOf: dir.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(index.contains("Actual, last 4 weeks"))
        let packet =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("Public/segments/alpha/packet.json")))
            as? [String: Any]
        let a = try #require(packet?["actuals"] as? [String: Any])
        #expect(a["rows"] as? Int == 10 && a["badRows"] as? Int == 3)
        let cells = try #require(a["cells"] as? [[String: Any]])
        #expect(Set(cells.compactMap { $0["rule"] as? String }) == ["EMEA", "Everyone else"])
        let acceptance = try #require(a["acceptance"] as? [String: Any])
        #expect(acceptance["accepted"] as? Int == 4 && acceptance["rejected"] as? Int == 2)

        // Actuals are no planning input: the brief's version is the same without them.
        let plain = try Fixtures.workspace(["alpha.yml": Fixtures.brief()])
        defer { try? FileManager.default.removeItem(at: plain.root) }
        _ = try T.run(["build", "--quiet"], in: plain.project)
        let other =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: plain.project.appendingPathComponent("Public/segments/alpha/packet.json"))) as? [String: Any]
        #expect(other?["version"] as? String == packet?["version"] as? String)
        #expect(other?["actuals"] is NSNull)
    }

    @Test func strictCheckFailsWhenTheLastFourWeeksAreBelowTarget() throws {
        let (root, dir) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try T.run(["check"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        let strict = try T.run(["check", "--strict"], in: dir)
        #expect(strict.status != 0)
        let line = TestBriefsLine.of("file: exports/crm.csv", in: Fixtures.brief(extra: Self.actuals))
        #expect(
            strict.stderr.contains("Content/alpha.yml:\(line):9: error: actual attainment in East (Everyone else) is "), "\(strict.stderr)")
        #expect(
            strict.stderr.contains(
                "over the last four weeks of the export (weeks of 2027-03-01 to 2027-03-08), below the 90% target [--strict]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Public").path))
    }

    @Test(arguments: [
        (
            "file: exports/crm.csv", "created: Create Date", "created: Create Data",
            "has no column 'Create Data' (the brief's columns name it for created); did you mean 'Create Date'? Its columns: 'Record ID', 'Create Date',"
        ),
        (
            "file: exports/crm.csv", "file: exports/crm.csv", "file: ../outside.csv",
            "actuals '../outside.csv' is outside the content folder; exports must live inside it"
        ),
        ("file: exports/crm.csv", "file: exports/crm.csv", "file: /etc/passwd", "actuals '/etc/passwd' is an absolute path"),
        ("file: exports/crm.csv", "file: exports/crm.csv", "file: exports/missing.csv", "cannot read actuals 'exports/missing.csv':"),
    ])
    func aFileThatCannotBeReadIsALocatedErrorAndNothingIsWritten(at: String, from: String, to: String, message: String) throws {
        let text = Self.actuals.replacingOccurrences(of: from, with: to)
        let (root, dir) = try Self.workspace(actuals: text)
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write("created\n2027-03-01 09:00\n", to: root.appendingPathComponent("outside.csv"))
        let build = try T.run(["build"], in: dir)
        #expect(build.status != 0)
        let line = TestBriefsLine.of(to.hasPrefix("file:") ? to : at, in: Fixtures.brief(extra: text))
        #expect(build.stderr.contains("Content/alpha.yml:\(line):9: error: "), "\(build.stderr)")
        #expect(build.stderr.contains(message), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Public").path))
    }

    @Test func anEmptyExportIsALocatedError() throws {
        let (root, dir) = try Self.workspace(export: "\r\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try T.run(["check"], in: dir)
        #expect(check.status != 0)
        #expect(check.stderr.contains("error: actuals 'exports/crm.csv' is empty; an export starts with a header row"), "\(check.stderr)")
    }
}

/// The 1-based line of the first line of `text` containing `needle`.
enum TestBriefsLine {
    static func of(_ needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }
}
