import Foundation
import Testing

@testable import HandoffSite

/// Bad and hostile input: nothing the user keeps is ever lost, nothing outside the content
/// folder is published, and every failure is reported where it is, with a non-zero exit.
@Suite("Nothing lost, nothing leaked", .serialized)
struct HardeningTests {
    typealias T = TestSupport

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    // MARK: - The output folder

    @Test(arguments: [".", "Content", "..", "", " ", ".claude", ".claude/plans", "notes.txt", "occupied", "Templates", "../project"])
    func refusesAnOutputThatHoldsOtherWork(_ output: String) throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief()])
        defer { Self.remove(root) }
        try Fixtures.write("my notes\n", to: project.appendingPathComponent("notes.txt"))
        try Fixtures.write("keep me\n", to: project.appendingPathComponent("occupied/keep.txt"))
        try Fixtures.write("{}\n", to: project.appendingPathComponent(".claude/plans/plan-20260101-000000.json"))
        try Fixtures.write("<footer>ours</footer>\n", to: project.appendingPathComponent("Templates/footer.mustache"))
        try Fixtures.write("beside the project\n", to: root.appendingPathComponent("sibling.txt"))
        let before = try T.snapshot(root)
        let result = try T.run(["build", "--quiet", "--output", output], in: project)
        #expect(result.status == 2, "\(output): \(result.stderr)")
        #expect(result.stderr.contains("refusing to build into") || result.stderr.contains("--output needs a folder"), "\(result.stderr)")
        #expect(try T.snapshot(root) == before, "\(output) changed files")
    }

    @Test func refusesTheRootWithoutTouchingIt() {
        #expect(throws: HandoffError.self) { try OutputFolder.resolve("/", protecting: [], current: "/tmp") }
        #expect(throws: HandoffError.self) { try OutputFolder.resolve("/tmp/..", protecting: [], current: "/tmp") }
    }

    @Test func buildsIntoANewAnEmptyOrAnEarlierOutputOnly() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief()])
        defer { Self.remove(root) }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try Fixtures.write("", to: project.appendingPathComponent("kept/.gitkeep"))
        for output in ["new/site", "empty", "kept", "new/site"] {
            let result = try T.run(["build", "--quiet", "--output", output], in: project)
            #expect(result.status == 0, "\(output): \(result.stderr)")
            let marker = project.appendingPathComponent(output).appendingPathComponent(OutputFolder.markerName)
            #expect(FileManager.default.fileExists(atPath: marker.path))
        }
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("kept/.gitkeep").path))
    }

    @Test func aSymlinkedOutputIsFollowedAndKept() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief()])
        defer { Self.remove(root) }
        let real = root.appendingPathComponent("published")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let link = project.appendingPathComponent("Public")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../published")
        for _ in 0..<2 {
            let result = try T.run(["build", "--quiet"], in: project)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../published")
            #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("segments/alpha/index.html").path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["project", "published"])
    }

    @Test func leftoversOfKilledBuildsAreRemoved() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief()])
        defer { Self.remove(root) }
        try Fixtures.write("x", to: project.appendingPathComponent(".Public.handoff-staging-999999/index.html"))
        try Fixtures.write("x", to: project.appendingPathComponent(".Public.tmp-4242/index.html"))
        try Fixtures.write("x", to: project.appendingPathComponent(".Public.old-4242/index.html"))
        try Fixtures.write("x", to: project.appendingPathComponent(".claude/plans/.plan-20260101-000000.json.tmp-77"))
        try Fixtures.write("x", to: project.appendingPathComponent(".handoff-cache/sla-0123abcd.json.4242.tmp"))
        try Fixtures.write("x", to: project.appendingPathComponent(".handoff-cache/build-0123abcd.json.4242.tmp"))
        let result = try T.run(["build", "--quiet"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: project.path).sorted()
        #expect(names == [".claude", ".handoff-cache", "Content", "Public"])
        let cache = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent(".handoff-cache").path).sorted()
        #expect(cache.count == 2, "a killed write's leftovers go: \(cache)")
        #expect(cache.first?.hasPrefix("build-") == true && cache.last?.hasPrefix("sla-") == true, "\(cache)")
        #expect(cache.allSatisfy { $0.hasSuffix(".json") }, "\(cache)")
        let plans = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent(".claude/plans").path)
        #expect(plans.count == 1 && plans[0].hasPrefix("plan-") && plans[0].hasSuffix(".json"), "\(plans)")
    }

    // MARK: - Samples stay inside the content folder

    @Test(arguments: [
        ("../outside.csv", "outside the content folder"),
        ("/etc/passwd", "absolute path"),
        ("inside-link.csv", "outside the content folder"),
        ("missing.csv", "cannot read sample"),
    ])
    func aSampleOutsideTheContentFolderIsALocatedError(_ sample: String, _ message: String) throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(extra: "sample: \(sample)")])
        defer { Self.remove(root) }
        try Fixtures.write("region\nSECRET-ROW\n", to: project.appendingPathComponent("outside.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: project.appendingPathComponent("Content/inside-link.csv").path, withDestinationPath: "../outside.csv")
        let result = try T.run(["build", "--quiet"], in: project)
        #expect(result.status == 1)
        let line = Fixtures.brief(extra: "sample: \(sample)").split(separator: "\n").count
        #expect(result.stderr.contains("Content/a.yml:\(line):9: error: ") && result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("SECRET-ROW") && !result.stderr.contains("root:"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Public").path))
    }

    @Test func aSampleInsideTheContentFolderIsRead() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(extra: "sample: data/leads.csv")])
        defer { Self.remove(root) }
        try Fixtures.write("region\nEMEA\nAPAC\nEMEA\n", to: project.appendingPathComponent("Content/data/leads.csv"))
        let result = try T.run(["build", "--quiet"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let md = try String(contentsOf: project.appendingPathComponent("Public/segments/alpha/handoff.md"), encoding: .utf8)
        #expect(md.contains("3 leads from `data/leads.csv`"))
    }

    @Test func aSampleOverTheRowLimitIsRefused() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(extra: "sample: big.csv")])
        defer { Self.remove(root) }
        let rows = String(repeating: "EMEA\n", count: BriefLoader.sampleRowLimit + 5)
        try Fixtures.write("region\n" + rows, to: project.appendingPathComponent("Content/big.csv"))
        let result = try T.run(["check"], in: project)
        #expect(result.status == 1 && result.stderr.contains("samples are limited to 100,000 leads"), "\(result.stderr)")
    }

    // MARK: - Text reaches the page exactly as typed

    @Test func aNulEscapeIsALocatedErrorNotATruncatedPage() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(title: "\"Alpha \\u0000 inbound\"")])
        defer { Self.remove(root) }
        let result = try T.run(["build", "--quiet"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/a.yml:2:15: error: '\\u0000' is a control character"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Public").path))
    }

    /// Every Markdown construct, typed into every free-text field, shows verbatim in the HTML.
    static let constructs = [
        "&lt;script&gt;alert(1)&lt;/script&gt;", "EMEA&amp;x", "<b>raw</b>", "*em* and _u_ and **strong**", "`code` span",
        "[link](http://x.io) and ![img](x.png)", "www.example.com", "see http://x.io now", "mail a@b.co", "~~struck~~",
        "a | b | c", "# heading", "- list item", "+ plus item", "1. numbered", "2) numbered", "---", "> quote", "=== setext",
        "back\\\\slash", "&#42; entity",
    ]

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test(arguments: constructs)
    func everyFreeTextFieldShowsExactlyAsTyped(_ construct: String) throws {
        // The YAML spelling of construct + a field tag, for each free-text field.
        func v(_ tag: String) -> String { Self.quoted("\(construct) \(tag)") }
        let brief = """
            segment: alpha
            title: \(v("T1"))
            owner: \(v("T2"))
            goal: pipeline
            response-sla: 2h
            launch: 2027-03-01
            funnel:
              - stage: MQL
                definition: \(v("T3"))
            qualification:
              - \(v("T4"))
            scoring:
              model: \(v("T5"))
              threshold: 50
              max: 100
            volume:
              leads-per-week: 100
              handle-time: 15m
            pods:
              - name: East
                reps: 4
            routing:
              - name: \(v("T6"))
                assign: pod East
            enablement:
              - asset: \(v("T7"))
                owner: \(v("T8"))
            dependencies:
              - name: \(v("T9"))
                owner: \(v("T10"))
                ready: yes
            approvals:
              - role: VP Sales
                name: \(v("T11"))

            """
        let (root, project) = try Fixtures.workspace(["a.yml": brief])
        defer { Self.remove(root) }
        let result = try T.run(["build", "--quiet"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: project.appendingPathComponent("Public/segments/alpha/index.html"), encoding: .utf8)
        for tag in (1...11).map({ "T\($0)" }) {
            #expect(page.contains(Self.html("\(construct) \(tag)")), "\(tag) changed shape: \(construct)")
        }
        #expect(!page.contains("<script") && !page.contains("<b>raw") && !page.contains("href=\"http://x.io"))
        #expect(!page.contains("href=\"http://www.example.com") && !page.contains("mailto:") && !page.contains("<del>"))
    }

    // MARK: - Size and cost

    @Test func anOversizedBriefIsRefusedBeforeItIsRead() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": "title: " + String(repeating: "x", count: 2 << 20) + "\n"])
        defer { Self.remove(root) }
        let result = try T.run(["check"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("briefs are limited to 1 MiB"))
        #expect(result.stderr.utf8.count < 2_000)
    }

    @Test func aLongBrokenLineIsEchoedShort() throws {
        let long = "title: " + String(repeating: "y", count: 300_000) + " &anchor\n"
        let (root, project) = try Fixtures.workspace(["a.yml": long])
        defer { Self.remove(root) }
        let result = try T.run(["check"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("anchors") || result.stderr.contains("error:"), "\(result.stderr.prefix(500))")
        #expect(result.stderr.utf8.count < 3_000, "\(result.stderr.utf8.count) bytes of diagnostics")
    }

    // MARK: - Atomic at every instant

    static func reset(_ target: URL, to saved: URL) throws {
        try? FileManager.default.removeItem(at: target)
        if FileManager.default.fileExists(atPath: saved.path) { try FileManager.default.copyItem(at: saved, to: target) }
    }

    /// Non-dot files of the plans folder, each of which must be a whole JSON record.
    static func records(_ folder: URL) throws -> [String: Data] {
        try T.snapshot(folder).filter { !$0.key.hasPrefix(".") }
    }

    @Test func aKillAtAnyChangeLeavesTheOldOrTheNewSite() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(), "b.yml": Fixtures.brief(segment: "beta")])
        defer { Self.remove(root) }
        let site = project.appendingPathComponent("Public")
        let plans = project.appendingPathComponent(".claude/plans")
        #expect(try T.run(["build", "--quiet"], in: project).status == 0)
        let savedSite = root.appendingPathComponent("saved-site")
        let savedPlans = root.appendingPathComponent("saved-plans")
        try FileManager.default.copyItem(at: site, to: savedSite)
        try FileManager.default.copyItem(at: plans, to: savedPlans)
        let oldSite = try T.snapshot(site)
        let oldRecords = try Self.records(plans)
        // A change that rewrites pages and adds a record; its full result is the new state.
        try T.edit(project.appendingPathComponent("Content/a.yml")) { $0.replacingOccurrences(of: "Alpha inbound", with: "Alpha renamed") }
        #expect(try T.run(["build", "--quiet"], in: project, environment: ["SOURCE_DATE_EPOCH": "1795700000"]).status == 0)
        let newSite = try T.snapshot(site)
        let newRecords = try Self.records(plans)
        #expect(newSite != oldSite && newRecords.count == oldRecords.count + 1)

        var killed = 0
        for n in 1...400 {
            try Self.reset(site, to: savedSite)
            try Self.reset(plans, to: savedPlans)
            let result = try T.run(
                ["build", "--quiet"], in: project, environment: ["SOURCE_DATE_EPOCH": "1795700000", "HANDOFF_TEST_KILL_AT": "\(n)"])
            let now = try T.snapshot(site)
            #expect(now == oldSite || now == newSite, "kill at change \(n) left a mixed site")
            let records = try Self.records(plans)
            #expect(records == oldRecords || records == newRecords, "kill at change \(n) left a partial record")
            if result.status == 0 { break }
            #expect(result.status == 9 || result.status == 137, "unexpected exit \(result.status): \(result.stderr)")
            killed += 1
            // The next build after a kill completes and tidies up.
            if n % 7 == 0 {
                let next = try T.run(["build", "--quiet"], in: project, environment: ["SOURCE_DATE_EPOCH": "1795700000"])
                #expect(next.status == 0, "\(next.stderr)")
                #expect(try T.snapshot(site) == newSite)
                let beside = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".Public") }
                #expect(beside.isEmpty, "leftovers: \(beside)")
            }
        }
        #expect(killed > 20, "only \(killed) kill points")
    }

    @Test func twoBuildsAtOnceBothSucceedAndWriteOneRecord() throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief()])
        defer { Self.remove(root) }
        for round in 0..<6 {
            try T.edit(project.appendingPathComponent("Content/a.yml")) {
                $0.replacingOccurrences(of: "reps: \(4 + round)", with: "reps: \(5 + round)")
            }
            let results = try T.runConcurrently([["build", "--quiet"], ["build", "--quiet"]], in: project)
            for r in results { #expect(r.status == 0, "round \(round): \(r.stderr)") }
            let records = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent(".claude/plans").path)
            #expect(records.filter { $0.hasSuffix(".json") }.count == round + 1, "round \(round): \(records)")
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("Public/segments/alpha/index.html").path))
        }
    }
}
