import Foundation
import HandoffCore
import Testing

@testable import HandoffSite

/// `handoff.md`, the segment page and `packet.json` of each example brief, as of a fixed date
/// with the built-in templates and the repository's plan records (so the audit trail and the
/// sign-offs' versions are the example site's), byte for byte against their golden files.
@Suite("Golden outputs of the example briefs")
struct GoldenOutputTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 25)!

    static func rendered(_ segment: String) async throws -> (RenderedSegment, SiteRenderer) {
        let path = TestSupport.content.appendingPathComponent("\(segment).yml").path
        let loaded = [BriefLoader.loadOne(path, contentRoot: TestSupport.content.path, disk: Disk())]
        let brief = try #require(loaded.first?.brief, "\(loaded.first?.diagnostics.map(\.headline) ?? [])")
        let plans = TestSupport.content.deletingLastPathComponent().appendingPathComponent(".claude/plans").path
        let contents = try PlanRecordStore(folder: plans).read()
        let trail = AuditTrail(records: contents.records(for: segment))
        var plan = Planner.plan(brief, sampleCSV: loaded.first?.sampleCSV, asOf: asOf, history: trail.history)
        let problem = ActualsLoader.attach(to: &plan, brief: path, contentRoot: TestSupport.content.path, disk: Disk(), timings: nil)
        #expect(problem == nil)
        let renderer = SiteRenderer(
            templates: try TemplateSet(overrides: [:], folder: "Templates"), asOf: asOf, baseURL: nil, briefCount: 4)
        return (renderer.render(plan, extras: SegmentExtras(trail: trail, latestRecord: nil)), renderer)
    }

    @Test(arguments: ["enterprise", "mid-market", "smb", "partner"])
    func segmentOutputs(_ segment: String) async throws {
        let (rendered, renderer) = try await Self.rendered(segment)
        let files = Dictionary(uniqueKeysWithValues: renderer.segmentFiles(rendered).map { ($0.path, $0.contents) })
        let folder = "segments/\(segment)/"
        try Golden.check(try #require(files[folder + "handoff.md"]), "\(segment)/handoff.md")
        try Golden.check(try #require(files[folder + "index.html"]), "\(segment)/index.html")
        try Golden.check(try #require(files[folder + "packet.json"]), "\(segment)/packet.json")
    }

    /// A segment that meets its target and needs no re-approval has no "Why" or "Fix": the
    /// verdict bar must not print an absent reason as "nil", on its page or in the packet.
    @Test func aSegmentThatMeetsShowsNoWhyOrFix() async throws {
        let (rendered, renderer) = try await Self.rendered("mid-market")
        #expect(rendered.plan.sla.status == .meets)
        let page = try #require(renderer.segmentFiles(rendered).first { $0.path.hasSuffix("index.html") }?.contents)
        let packet = renderer.packetPage([rendered.plan], bodies: [rendered.packetBody]).contents
        for html in [page, packet] {
            let text = html
            #expect(!text.contains("Why:") && !text.contains("Fix:"))
            #expect(!text.contains("nil<") && !text.contains(">nil"))
        }
    }
}
