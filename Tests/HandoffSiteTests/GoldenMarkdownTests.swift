import Foundation
import HandoffCore
import Testing

@testable import HandoffSite

/// `handoff.md` of each example brief, as of a fixed date, compared byte for byte with
/// `Tests/HandoffSiteTests/Golden/<segment>.md`. After an intended change, refresh with
/// `HANDOFF_UPDATE_GOLDEN=1 swift test --filter GoldenMarkdownTests` and review the diff.
@Suite("Golden Markdown of the example briefs")
struct GoldenMarkdownTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let update = ProcessInfo.processInfo.environment["HANDOFF_UPDATE_GOLDEN"] == "1"

    @Test(arguments: ["enterprise", "mid-market", "smb", "partner"])
    func handoffMarkdown(_ segment: String) async throws {
        let path = TestSupport.content.appendingPathComponent("\(segment).yml").path
        let loaded = await BriefLoader.load([path], contentRoot: TestSupport.content.path)
        let brief = try #require(loaded.first?.brief, "\(loaded.first?.diagnostics.map(\.headline) ?? [])")
        let plan = Planner.plan(brief, sampleCSV: loaded.first?.sampleCSV, asOf: CalendarDate(year: 2026, month: 11, day: 25)!)
        let markdown = SegmentMarkdown.render(plan, trail: AuditTrail(records: [])).markdown
        let file = Self.golden.appendingPathComponent("\(segment).md")
        if Self.update {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try markdown.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(markdown == expected, "handoff.md for \(segment) differs from its golden file")
    }
}
