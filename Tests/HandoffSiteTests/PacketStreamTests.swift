import Foundation
import HandoffCore
import Testing

@testable import HandoffSite

/// `packet.html` is written as its segments render (issue 14: memory flat in the number of
/// briefs): the page cut at each body's marker, with the bodies written between the pieces,
/// must be the page rendered whole, byte for byte; a template that does not place each body
/// once, unescaped, gets the page rendered whole.
@Suite("Packet page, streamed")
struct PacketStreamTests {
    typealias T = TestSupport

    static func plans(_ project: URL) async throws -> [HandoffPlan] {
        let report = try await BuildDriver(options: BuildDriverTests.options(project)).check()
        #expect(!report.hasErrors)
        return report.plans
    }

    @Test func theFrameWithItsBodiesIsTheWholePage() async throws {
        let (root, project) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        let plans = try await Self.plans(project)
        #expect(plans.count == 3)
        let renderer = SiteRenderer(
            templates: try TemplateSet(overrides: [:], folder: "Templates"), asOf: CalendarDate(year: 2026, month: 11, day: 25)!,
            baseURL: nil, briefCount: plans.count)
        let bodies = plans.map { renderer.render($0, extras: SegmentExtras(trail: AuditTrail(records: []), latestRecord: nil)).packetBody }
        let frame = try #require(renderer.packetFrame(plans))
        #expect(frame.count == plans.count + 1)
        var streamed: [UInt8] = []
        for (i, body) in bodies.enumerated() {
            streamed += frame[i]
            streamed += Array(body.utf8)
        }
        streamed += frame[plans.count]
        let whole = renderer.packetPage(plans, bodies: bodies).contents
        #expect(streamed == Array(whole.utf8))
        #expect(!whole.contains("handoff-packet-body"))
    }

    @Test func theBuiltPacketHoldsEverySegmentInOrderAndNoMarker() async throws {
        let (root, project) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try await BuildDriver(options: BuildDriverTests.options(project)).build()
        #expect(!report.hasErrors)
        let packet = try String(contentsOf: project.appendingPathComponent("Public/packet.html"), encoding: .utf8)
        #expect(!packet.contains("handoff-packet-body"))
        let sections = ["alpha", "beta", "gamma"].map { packet.range(of: "<section class=\"packet-segment\" id=\"\($0)\"")?.lowerBound }
        #expect(sections.allSatisfy { $0 != nil })
        #expect(sections.compactMap { $0 } == sections.compactMap { $0 }.sorted())
        // Every segment's design doc is in it, with its ids scoped to the segment.
        for segment in ["alpha", "beta", "gamma"] { #expect(packet.contains("id=\"\(segment)-")) }
        #expect(packet.hasSuffix("</html>\n"))
        #expect(report.pagesWritten == 2 + 3)
    }

    /// Templates the stream cannot cut: the body escaped, twice, or not at all.
    @Test(arguments: [
        "{{#segments}}<pre>{{body}}</pre>{{/segments}}",
        "{{#segments}}{{{body}}}<hr>{{{body}}}{{/segments}}",
        "{{#segments}}<h2>{{title}}</h2>{{/segments}}",
    ])
    func aTemplateThatDoesNotPlaceEachBodyOnceGetsTheWholePage(_ template: String) async throws {
        let (root, project) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(template, to: project.appendingPathComponent("Templates/packet.mustache"))
        let plans = try await Self.plans(project)
        let renderer = SiteRenderer(
            templates: try TemplateSet(overrides: ["packet.mustache": template], folder: "Templates"),
            asOf: CalendarDate(year: 2026, month: 11, day: 25)!, baseURL: nil, briefCount: plans.count)
        #expect(renderer.packetFrame(plans) == nil)
        let report = try await BuildDriver(options: BuildDriverTests.options(project)).build()
        #expect(!report.hasErrors)
        let packet = try String(contentsOf: project.appendingPathComponent("Public/packet.html"), encoding: .utf8)
        #expect(!packet.contains("handoff-packet-body"))
        if template.contains("<pre>") {
            // The body as the template asked for it: escaped HTML.
            #expect(packet.contains("&lt;h2"))
        } else if template.contains("<hr>") {
            // Each body twice: every scoped id of a segment's doc appears an even number of times.
            #expect(packet.components(separatedBy: "<hr>").count - 1 >= 3)
            let ids = packet.components(separatedBy: "id=\"alpha-").count - 1
            #expect(ids >= 2 && ids % 2 == 0)
        } else {
            #expect(packet.contains("<h2>Beta expansion</h2>"))
        }
    }
}
