import Foundation
import Testing

/// Runs the built `handoff` on temporary folders, as a user would.
@Suite("handoff end to end", .serialized)
struct EndToEndTests {
    typealias T = TestSupport

    /// A project folder with the fixture briefs; removed with its parent by `cleanUp`.
    static func project() throws -> URL { try Fixtures.workspace(Fixtures.set).project }
    static func cleanUp(_ project: URL) { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }

    @Test func buildWritesTheSiteLayout() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        let result = try T.run(["build", "--quiet"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let publicDir = dir.appendingPathComponent("Public")
        for segment in ["alpha", "beta", "gamma"] {
            for file in ["index.html", "handoff.md", "packet.json", "figures.svg"] {
                #expect(
                    FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("segments/\(segment)/\(file)").path),
                    "\(segment)/\(file)")
            }
            let page = try String(contentsOf: publicDir.appendingPathComponent("segments/\(segment)/index.html"), encoding: .utf8)
            #expect(page.contains("<table>") && page.contains("<svg") && page.contains("id=\"audit-trail\""))
        }
        let index = try String(contentsOf: publicDir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<table class=\"portfolio\">"))
        #expect(FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("packet.html").path))
        #expect(FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("assets/handoff.css").path))
        #expect(!FileManager.default.fileExists(atPath: publicDir.appendingPathComponent("sitemap.xml").path))

        // packet.json carries every SLA figure SPEC §5 names, fractions from 0 to 1.
        let data = try Data(contentsOf: publicDir.appendingPathComponent("segments/alpha/packet.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["segment"] as? String == "alpha" && json["status"] != nil && json["readiness"] != nil)
        let pods = try #require((json["sla"] as? [String: Any])?["pods"] as? [[String: Any]])
        #expect(!pods.isEmpty)
        for pod in pods {
            for key in [
                "name", "reps", "agents", "arrivalsPerHour", "offeredLoad", "occupancy", "probabilityOfWait", "attainment",
                "simulatedAttainment", "averageSpeedOfAnswerMinutes", "requiredReps", "status",
            ] {
                #expect(pod[key] != nil, "missing \(key)")
            }
            for key in ["occupancy", "probabilityOfWait", "attainment", "simulatedAttainment"] {
                let v = try #require(pod[key] as? Double)
                #expect(v >= 0 && v <= 1)
            }
        }
    }

    @Test func everyInternalLinkResolves() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let site = dir.appendingPathComponent("Public")
        let files = try T.snapshot(site)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let base = URL(fileURLWithPath: path, relativeTo: site).deletingLastPathComponent()
            for attr in ["href=\"", "src=\""] {
                var rest = Substring(html)
                while let r = rest.range(of: attr) {
                    rest = rest[r.upperBound...]
                    guard let end = rest.firstIndex(of: "\"") else { break }
                    let link = String(rest[..<end])
                    rest = rest[end...]
                    if link.hasPrefix("http") || link.hasPrefix("mailto:") { Issue.record("external link \(link) in \(path)"); continue }
                    let target = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                    let file = String(target[0])
                    let resolved =
                        file.isEmpty ? URL(fileURLWithPath: path, relativeTo: site) : URL(fileURLWithPath: file, relativeTo: base)
                    #expect(FileManager.default.fileExists(atPath: resolved.standardizedFileURL.path), "\(path) links to \(link)")
                    if target.count == 2, !target[1].isEmpty {
                        let page = file.isEmpty ? html : (try? String(contentsOf: resolved, encoding: .utf8)) ?? ""
                        #expect(page.contains("id=\"\(target[1])\""), "\(path) links to missing anchor \(link)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 25)
    }

    /// Every page, the packet above all (every segment's body on one page), has unique ids, and
    /// every ARIA reference points at one of them.
    @Test func idsAreUniqueAndAriaReferencesResolve() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let site = dir.appendingPathComponent("Public")
        for (path, data) in try T.snapshot(site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let ids = html.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
            let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
            #expect(repeated.isEmpty, "\(path) repeats ids \(repeated)")
            let known = Set(ids)
            for reference in html.matches(of: /aria-(?:labelledby|describedby)="([^"]+)"/) {
                for id in reference.1.split(separator: " ") { #expect(known.contains(String(id)), "\(path): aria reference \(id)") }
            }
            // Alignment is a class: cmark's align attribute is obsolete HTML.
            #expect(!html.contains(" align=\""), "\(path) has an align attribute")
        }
        let packet = try String(contentsOf: site.appendingPathComponent("packet.html"), encoding: .utf8)
        #expect(packet.contains("id=\"alpha-routing-matrix\"") && packet.contains("id=\"beta-routing-matrix\""))
        #expect(packet.contains("aria-labelledby=\"alpha-escalation-title alpha-escalation-desc\""))
        let sprite = try String(contentsOf: site.appendingPathComponent("segments/alpha/figures.svg"), encoding: .utf8)
        #expect(!sprite.contains("aria-labelledby"), "SVG 1.1 has no ARIA")
    }

    @Test func sameInputsSameBytes() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let first = try T.snapshot(dir.appendingPathComponent("Public"))
        #expect(try T.run(["build", "--quiet", "--output", "Other"], in: dir).status == 0)
        let second = try T.snapshot(dir.appendingPathComponent("Other"))
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between builds") }
    }

    /// Separate processes simulating afresh (no cache, unlike the test above, whose second build
    /// reads the first's cache) write the same bytes, for a pod fed by several channels: hash
    /// seeds and thread timing differ between processes; the figures must not.
    @Test func separateProcessesPlanTheSameFigures() throws {
        let channels = """
            routing:
              - name: EMEA web
                when: region = EMEA
                assign: pod East
                response-sla: 10m
                handle-time: 7m
              - name: APAC web
                when: region = APAC
                assign: pod East
                response-sla: 1h
                handle-time: 11m
              - name: Partners
                when: lead-source = partner
                assign: pod East
                handle-time: 13m
              - name: Everyone else
                assign: pod East
                handle-time: 17m
            """
        let brief = Fixtures.brief().replacingOccurrences(
            of: "routing:\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n  - name: Everyone else\n    assign: pod East\n",
            with: channels + "\n"
        ).replacingOccurrences(of: "leads-per-week: 120", with: "leads-per-week: 97")
        #expect(brief.contains("APAC web"))
        let (root, dir) = try Fixtures.workspace(["alpha.yml": brief])
        defer { try? FileManager.default.removeItem(at: root) }
        var packets: [Data] = []
        for k in 0..<4 {
            let result = try T.run(["build", "--quiet", "--no-cache", "--output", "Out\(k)"], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            packets.append(try Data(contentsOf: dir.appendingPathComponent("Out\(k)/segments/alpha/packet.json")))
        }
        #expect(Set(packets).count == 1, "packet.json differs between processes")
    }

    @Test func brokenBriefWritesNothingAndKeepsThePreviousSite() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let before = try T.snapshot(dir.appendingPathComponent("Public"))
        let plansBefore = try T.snapshot(dir.appendingPathComponent(".claude/plans"))
        try T.edit(dir.appendingPathComponent("Content/beta.yml")) { text in
            text.replacingOccurrences(of: "goal: pipeline", with: "goal: pipelin")
                .replacingOccurrences(of: "response-sla: 2h", with: "response-sla: two hours")
                .replacingOccurrences(of: "  handle-time: 15m", with: "  handle-time: 15m\n  peak-hour: 9")
        }
        let result = try T.run(["build"], in: dir)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "\(result.stderr)")
        #expect(errors.allSatisfy { $0.range(of: #"^Content/beta\.yml:\d+:\d+: error: "#, options: .regularExpression) != nil })
        #expect(result.stderr.contains("did you mean 'pipeline'?"))
        #expect(result.stderr.contains("build stopped: 3 errors while loading (Content/beta.yml); nothing was written"))
        #expect(try T.snapshot(dir.appendingPathComponent("Public")) == before)
        #expect(try T.snapshot(dir.appendingPathComponent(".claude/plans")) == plansBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty)
    }

    @Test func firstBuildOfABrokenBriefCreatesNoOutput() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        try "segment: Bad Slug\ngoal: pipeline\n".write(
            to: dir.appendingPathComponent("Content/bad.yml"), atomically: true, encoding: .utf8)
        let result = try T.run(["build"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/bad.yml:1:10: error: segment 'Bad Slug' is not a slug"))
        #expect(result.stderr.contains("Content/bad.yml:1:1: error: missing required key 'response-sla' in the brief"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Public").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".claude").path))
    }

    @Test func checkFormatsAndStrictness() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        let text = try T.run(["check"], in: dir)
        #expect(text.status == 0)
        #expect(
            text.stderr.contains("Content/beta.yml:") && text.stderr.contains(": warning: routing rule 'Big EMEA' is unreachable"))
        #expect(text.stderr.contains("\n     ^"))
        let strict = try T.run(["check", "--strict"], in: dir)
        #expect(strict.status == 1)
        let github = try T.run(["check", "--format", "github"], in: dir)
        #expect(
            github.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::warning file=Content/") || $0.hasPrefix("::error file=") })
        #expect(github.stdout.contains("::warning file=Content/gamma.yml,line="))
        #expect(github.stdout.contains(",title=Brief warning::"))
        // --strict prints every reason it fails on, each an annotation with a title; the job
        // summary gets the verdict, the counts and a row per segment.
        let summary = dir.appendingPathComponent("summary.md")
        try "previous step\n".write(to: summary, atomically: true, encoding: .utf8)
        let strictGitHub = try T.run(
            ["check", "--format", "github", "--strict"], in: dir, environment: ["GITHUB_STEP_SUMMARY": summary.path])
        #expect(strictGitHub.status == 1)
        let annotations = strictGitHub.stdout.split(separator: "\n")
        #expect(
            annotations.count == 4
                && annotations.allSatisfy { $0.hasPrefix("::error file=Content/") && $0.contains(",title=") && $0.hasSuffix("[--strict]") })
        let written = try String(contentsOf: summary, encoding: .utf8)
        #expect(written.hasPrefix("previous step\n## Handoff check: failed\n"))
        #expect(written.contains("3 briefs: 4 errors, 0 warnings, 0 in SLA breach, 0 with approvals of an earlier version (--strict)."))
        #expect(written.contains("| alpha | `") && written.contains("| meets | ready for sign-off | **missing** |"))
        #expect(written.contains("### Why it fails"))
        let json = try T.run(["check", "--format", "json"], in: dir)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "handoff-check" && document["version"] as? Int == 1)
        #expect(document["passed"] as? Bool == true && document["briefs"] as? Int == 3 && document["warnings"] as? Int == 4)
        let segments = try #require(document["segments"] as? [[String: Any]])
        #expect(segments.map { $0["segment"] as? String } == ["alpha", "beta", "gamma"])
        #expect(segments.allSatisfy { ($0["version"] as? String)?.count == 8 && $0["recorded"] as? Bool == false })
        let list = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(list.count == 4)  // two rule warnings, and pod East shared by three briefs
        #expect(list.allSatisfy { $0["file"] != nil && $0["line"] != nil && $0["column"] != nil && $0["severity"] as? String == "warning" })
        #expect(list.allSatisfy { $0["stage"] as? String == "plan" })
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Public").path))
    }

    @Test func parseSchemaAndNew() throws {
        let dir = try Fixtures.workspace([:]).project
        defer { Self.cleanUp(dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Content"))
        try "b: 1\na: [x, \"y, z\"]\n".write(to: dir.appendingPathComponent("t.yml"), atomically: true, encoding: .utf8)
        let parsed = try T.run(["parse", "t.yml"], in: dir)
        #expect(parsed.status == 0)
        #expect(parsed.stdout == "{\n  \"b\": \"1\",\n  \"a\": [\n    \"x\",\n    \"y, z\"\n  ]\n}\n")
        try "a: &x 1\n".write(to: dir.appendingPathComponent("bad.yml"), atomically: true, encoding: .utf8)
        let bad = try T.run(["parse", "bad.yml"], in: dir)
        #expect(bad.status == 1 && bad.stderr.hasPrefix("bad.yml:1:4: error: anchors ('&') are not supported\n a: &x 1\n    ^"))

        let schema = try T.run(["schema"], in: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")

        let made = try T.run(["new", "emea"], in: dir)
        #expect(made.status == 0 && FileManager.default.fileExists(atPath: dir.appendingPathComponent("Content/emea.yml").path))
        // The starter points editors at the schema, which `new` writes beside Content/ once.
        let starter = try String(contentsOf: dir.appendingPathComponent("Content/emea.yml"), encoding: .utf8)
        #expect(starter.hasPrefix("# yaml-language-server: $schema=../brief.schema.json\n"))
        let written = try String(contentsOf: dir.appendingPathComponent("brief.schema.json"), encoding: .utf8)
        #expect(written == schema.stdout)
        #expect(starter.contains("title: EMEA inbound"))
        let check = try T.run(["check", "--strict"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(try T.run(["new", "emea"], in: dir).status == 2)
        #expect(try T.run(["new", "Not A Slug"], in: dir).status == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--no-such-option"], in: dir).status == 2)
        let unknown = try T.run(["build", "--segment", "nowhere"], in: dir)
        #expect(unknown.status == 2 && unknown.stderr.contains("no brief has segment 'nowhere'"))
        #expect(try T.run(["check", "--content", "Missing"], in: dir).status == 2)
        #expect(try T.run(["build", "--templates", "Missing"], in: dir).status == 2)
        #expect(try T.run(["build", "--as-of", "tomorrow"], in: dir).status == 2)
        let help = try T.run(["build", "--help"], in: dir)
        #expect(help.status == 0 && help.stdout.contains("--base-url"))
    }

    @Test func planRecordsChainAndTheAuditTrail() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        let plans = dir.appendingPathComponent(".claude/plans")
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        var records = try FileManager.default.contentsOfDirectory(atPath: plans.path).sorted()
        #expect(records == ["plan-20261125-100000-2.json", "plan-20261125-100000-3.json", "plan-20261125-100000.json"])
        try "notes".write(to: plans.appendingPathComponent("README.txt"), atomically: true, encoding: .utf8)

        // Unchanged inputs: no new record, even a day later.
        let again = try T.run(["build", "--quiet"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1795687200"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("README.txt: warning: not a Handoff plan record; left alone"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.path).count == 4)

        // A routing change: one new record for that segment, chained to the previous one.
        try T.edit(dir.appendingPathComponent("Content/gamma.yml")) {
            $0.replacingOccurrences(of: "lead-source = partner", with: "lead-source in [partner, reseller]")
        }
        let changed = try T.run(["plan"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1795687200"])
        #expect(changed.status == 0)
        #expect(changed.stdout.contains("gamma: wrote .claude/plans/plan-20261126-100000.json"))
        #expect(changed.stdout.contains("routing[Partners].when: lead-source = partner → lead-source in [partner, reseller]"))
        #expect(changed.stdout.contains("2 segments unchanged"))
        records = try FileManager.default.contentsOfDirectory(atPath: plans.path)
        #expect(records.count == 5 && records.contains("README.txt"))
        let newest = try Data(contentsOf: plans.appendingPathComponent("plan-20261126-100000.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: newest) as? [String: Any])
        let previous = try #require(json["previous"] as? String)
        let prior = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: plans.appendingPathComponent(previous))) as? [String: Any])
        #expect(prior["segment"] as? String == "gamma")

        #expect(try T.run(["build", "--quiet"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1795687200"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.path).count == 5)
        let page = try String(contentsOf: dir.appendingPathComponent("Public/segments/gamma/handoff.md"), encoding: .utf8)
        #expect(
            page.contains(
                "`plan-20261126-100000.json` | 2026-11-26T10:00:00Z | routing\\[Partners\\].when: lead-source = partner → lead-source in \\[partner, reseller\\]"
            ))
        #expect(page.contains("first record of segment 'gamma'"))
        // The copy beside the page is the record as written earlier, read again when the page is.
        #expect(try Data(contentsOf: dir.appendingPathComponent("Public/segments/gamma/plan-20261126-100000.json")) == newest)

        // A build that writes the record itself copies it from where it was staged before the
        // pages were rendered, and leaves nothing under a temporary name.
        try T.edit(dir.appendingPathComponent("Content/gamma.yml")) { $0.replacingOccurrences(of: "reseller]", with: "reseller, agency]") }
        #expect(try T.run(["build", "--quiet"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1795690800"]).status == 0)
        let built = try Data(contentsOf: plans.appendingPathComponent("plan-20261126-110000.json"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("Public/segments/gamma/plan-20261126-110000.json")) == built)
        #expect(try FileManager.default.contentsOfDirectory(atPath: plans.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func segmentRebuildKeepsOtherPages() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let before = try T.snapshot(dir.appendingPathComponent("Public"))
        for name in ["beta", "gamma"] {
            try T.edit(dir.appendingPathComponent("Content/\(name).yml")) {
                $0.replacingOccurrences(of: "title: ", with: "title: Renamed ")
            }
        }
        #expect(try T.run(["build", "--quiet", "--segment", "beta"], in: dir).status == 0)
        let after = try T.snapshot(dir.appendingPathComponent("Public"))
        #expect(after["segments/beta/index.html"] != before["segments/beta/index.html"])
        #expect(String(decoding: after["segments/beta/index.html"] ?? Data(), as: UTF8.self).contains("Renamed Beta expansion"))
        for (path, data) in before where path.hasPrefix("segments/gamma/") || path.hasPrefix("segments/alpha/") {
            #expect(after[path] == data, "\(path) changed")
        }
        #expect(String(decoding: after["index.html"] ?? Data(), as: UTF8.self).contains("Renamed Gamma partners"))
        #expect(after[".gitkeep"] == nil)
    }

    @Test func templateOverrideFallsBackFileByFile() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        let templates = dir.appendingPathComponent("MyTemplates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<footer>Acme RevOps · {{asOf}}</footer>\n".write(
            to: templates.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        let result = try T.run(["build", "--quiet", "--templates", "MyTemplates"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: dir.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(index.contains("<footer>Acme RevOps · 2026-11-25</footer>"))
        #expect(index.contains("<table class=\"portfolio\">"))
        try "{{#broken}}\n".write(to: templates.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        let broken = try T.run(["build", "--quiet", "--templates", "MyTemplates"], in: dir)
        #expect(broken.status == 2 && broken.stderr.contains("MyTemplates/index.mustache"))
    }

    @Test func baseURLAddsCanonicalLinksAndSitemap() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        #expect(try T.run(["build", "--quiet", "--base-url", "https://revops.example.com/handoff"], in: dir).status == 0)
        let sitemap = try String(contentsOf: dir.appendingPathComponent("Public/sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://revops.example.com/handoff/segments/beta/index.html</loc>"))
        let page = try String(contentsOf: dir.appendingPathComponent("Public/segments/beta/index.html"), encoding: .utf8)
        #expect(page.contains("<link rel=\"canonical\" href=\"https://revops.example.com/handoff/segments/beta/index.html\">"))
    }

    @Test func summaryLine() throws {
        let dir = try Self.project()
        defer { Self.cleanUp(dir) }
        let result = try T.run(["build"], in: dir)
        #expect(result.stdout.hasPrefix("Built 3 segments into Public/: 5 pages (18 files), 4 warnings, 3 plan records written, "))
        #expect(try T.run(["build", "--quiet"], in: dir).stdout.isEmpty)
    }

    /// A thousand briefs still give one readable line: a few segments by name, the rest counted.
    @Test func manyBreachesAreCountedNotListed() throws {
        let overloaded = (1...7).map { i in
            (
                "s\(i).yml",
                Fixtures.brief(segment: "s\(i)", title: "S\(i)").replacingOccurrences(of: "reps: 4", with: "reps: 1")
                    .replacingOccurrences(of: "leads-per-week: 120", with: "leads-per-week: 400")
                    // A pod of each segment's own: a pod shared by briefs gets its own warning.
                    .replacingOccurrences(of: "name: East", with: "name: East \(i)")
                    .replacingOccurrences(of: "pod East", with: "pod East \(i)")
            )
        }
        let (root, project) = try Fixtures.workspace(Dictionary(uniqueKeysWithValues: overloaded))
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try T.run(["check"], in: project)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains("7 briefs checked: 0 errors, 0 warnings, SLA breach in 7 segments: s1, s2, s3, s4, s5 and 2 more"),
            "\(result.stderr)")
        // A pod of one reads as one.
        #expect(try T.run(["build", "--quiet"], in: project).status == 0)
        let page = try String(contentsOf: project.appendingPathComponent("Public/segments/s1/handoff.md"), encoding: .utf8)
        #expect(page.contains("**Today:** 1 rep (1 productive; 40 rep-hours a week, 1.0 FTE) touches "))
        #expect(!page.contains("1 reps"))
    }

    /// The portfolio's "needs attention" list is grouped per segment, breaches first, and a
    /// segment's overdue kit items are one line linking to the kit, not one line each (the
    /// examples' list was 20 lines, 13 of them one segment's overdue items).
    @Test func needsAttentionIsGroupedPerSegment() throws {
        let items = (1...6).map { "  - asset: Asset \($0)\n    owner: Enablement\n    due: 2026-10-0\($0)\n" }.joined()
        let late = Fixtures.brief(segment: "late", title: "Late kit", extra: "enablement:\n" + items)
        let breach = Fixtures.brief(segment: "tight", title: "Tight").replacingOccurrences(of: "reps: 4", with: "reps: 1")
            .replacingOccurrences(of: "leads-per-week: 120", with: "leads-per-week: 400")
            .replacingOccurrences(of: "name: East", with: "name: Solo").replacingOccurrences(of: "pod East", with: "pod Solo")
        let (root, project) = try Fixtures.workspace(["late.yml": late, "tight.yml": breach])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try T.run(["build", "--quiet", "--as-of", "2026-12-04"], in: project).status == 0)
        let index = try String(contentsOf: project.appendingPathComponent("Public/index.html"), encoding: .utf8)
        let attention = try #require(
            index.components(separatedBy: "id=\"attention-title\"").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(attention.components(separatedBy: "<h3>").count - 1 == 2, "one group per segment: \(attention)")
        // The breach's group first, though "late" sorts before "tight".
        let tight = try #require(attention.range(of: ">Tight<")), lateGroup = try #require(attention.range(of: ">Late kit<"))
        #expect(tight.lowerBound < lateGroup.lowerBound)
        #expect(attention.contains("6 enablement items overdue, the oldest Asset 1 (due 2026-10-01)"), "\(attention)")
        #expect(!attention.contains("Asset 2 was due"))
        #expect(attention.contains("href=\"segments/late/index.html#enablement-kit\""), "\(attention)")
    }

    /// A pod that receives no leads is shown with its reps, in `packet.json`'s `sla.pods` and in
    /// the figures table, not dropped; the lead-shares table gives the router's split with the
    /// rules' beside it (issue: new-user items 3 and 4).
    @Test func anIdlePodIsShownNotDropped() throws {
        let brief = Fixtures.brief(segment: "idle", title: "Idle").replacingOccurrences(
            of: "pods:\n  - name: East\n    reps: 4\n",
            with: "pods:\n  - name: East\n    reps: 4\n  - name: Weekend\n    reps: 1\n    shrinkage: 50%\n"
        ).replacingOccurrences(
            of: "  - name: Everyone else\n    assign: pod East\n", with: "  - name: Everyone else\n    assign: round-robin East, Weekend\n")
        let (root, project) = try Fixtures.workspace(["idle.yml": brief])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try T.run(["build", "--quiet"], in: project).status == 0)
        let folder = project.appendingPathComponent("Public/segments/idle")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("packet.json"))) as? [String: Any])
        let pods = try #require((json["sla"] as? [String: Any])?["pods"] as? [[String: Any]])
        #expect(pods.map { $0["name"] as? String } == ["East", "Weekend"])
        let weekend = try #require(pods.last)
        #expect(weekend["receivesLeads"] as? Bool == false && weekend["reps"] as? Int == 1 && weekend["agents"] as? Int == 0)
        #expect(weekend["simulatedAttainment"] is NSNull && weekend["status"] as? String == "no leads")
        #expect((weekend["noLeadsReason"] as? String)?.contains("East takes its share") == true)
        let shares = try #require((json["routing"] as? [String: Any])?["podShares"] as? [[String: Any]])
        #expect(shares.map { $0["share"] as? Double } == [1, 0])
        let md = try String(contentsOf: folder.appendingPathComponent("handoff.md"), encoding: .utf8)
        #expect(md.contains("| Weekend | 0 | 0 | 0 | — | receives no leads |"), "\(md)")
        #expect(md.contains("| Pod | Share of leads | Leads a week | Rules' split |"))
        #expect(md.contains("| Weekend | 0% | 0 | 10% |"), "\(md)")
    }
}
