import Foundation
import Testing

/// The review workflow of SPEC §3.7 and §4 as a team runs it, in a temporary git repository:
/// commit a brief with its record and a versioned approval, change it, and see `check` and
/// `handoff diff` say what the change does to the sign-off.
@Suite("Sign-off and review in a git repository")
struct ReviewWorkflowTests {
    typealias T = TestSupport

    static let sample = "region,employees\n" + String(repeating: "EMEA,100\n", count: 6) + String(repeating: "APAC,50\n", count: 4)

    static func git(_ arguments: [String], in dir: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func segment(_ check: T.Result) throws -> [String: Any] {
        try #require((try json(check.stdout)["segments"] as? [[String: Any]])?.first)
    }

    @Test func aChangeMakesTheSignOffStaleAndTheDiffSaysWhy() throws {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Fixtures.brief(extra: "sample: samples/leads.csv\n")])
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write(Self.sample, to: dir.appendingPathComponent("Content/samples/leads.csv"))
        let brief = dir.appendingPathComponent("Content/alpha.yml")
        let nov20 = ["SOURCE_DATE_EPOCH": "1795168800"]  // 2026-11-20 10:00 UTC

        // Version 1, recorded and approved by version.
        let first = try Self.segment(try T.run(["check", "--format", "json"], in: dir))
        let v1 = try #require(first["version"] as? String)
        #expect(first["recorded"] as? Bool == false)
        try T.edit(brief) { $0 + "approvals:\n  - role: VP Sales\n    name: Kim\n    status: approved\n    version: \(v1)\n" }
        #expect(try Self.segment(try T.run(["check", "--format", "json"], in: dir))["version"] as? String == v1)
        let missing = try T.run(["check", "--require-records"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Content/alpha.yml:1:10: error: version \(v1) of segment 'alpha' has no plan record"))
        #expect(try T.run(["plan"], in: dir, environment: nov20).status == 0)
        let recorded = try T.run(["check", "--require-records", "--format", "json"], in: dir)
        #expect(recorded.status == 0)
        #expect(try Self.segment(recorded)["readiness"] as? String == "approved")
        #expect(try Self.segment(recorded)["recorded"] as? Bool == true)
        try Self.git(["init", "-q"], in: dir)
        try Self.git(["add", "."], in: dir)
        try Self.git(["commit", "-qm", "alpha v1"], in: dir)

        // The change: a tighter SLA, a rule that takes APAC leads to a new pod, a rep fewer.
        try T.edit(brief) {
            $0.replacingOccurrences(of: "response-sla: 2h", with: "response-sla: 1h")
                .replacingOccurrences(of: "    reps: 4\n", with: "    reps: 3\n  - name: APAC desk\n    reps: 2\n")
                .replacingOccurrences(
                    of: "  - name: Everyone else\n",
                    with: "  - name: APAC\n    when: region = APAC\n    assign: pod APAC desk\n  - name: Everyone else\n")
        }
        let stale = try T.run(["check", "--require-records", "--format", "json"], in: dir)
        #expect(stale.status == 1)
        let after = try Self.segment(stale)
        let v2 = try #require(after["version"] as? String)
        #expect(v2 != v1 && after["readiness"] as? String == "needs re-approval" && after["recorded"] as? Bool == false)
        #expect(after["staleApprovals"] as? [String] == ["VP Sales"])

        let strict = try T.run(["check", "--strict", "--format", "github"], in: dir)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("title=Stale approval%3A VP Sales::VP Sales (Kim) approved version \(v1), not the current \(v2)"))
        #expect(strict.stdout.contains("response-sla: 2h → 1h"))

        // The packet names who approved what, and lists every input changed since.
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let page = try String(contentsOf: dir.appendingPathComponent("Public/segments/alpha/handoff.md"), encoding: .utf8)
        #expect(page.contains("Version: `\(v2)`"))
        #expect(page.contains("### What changed since version \(v1)"))
        #expect(page.contains("- `response-sla: 2h → 1h`"))
        #expect(page.contains("- `pods[East].reps: 4 → 3`"))
        #expect(page.contains("- `routing[APAC]: added`"))
        let packet = try String(contentsOf: dir.appendingPathComponent("Public/packet.html"), encoding: .utf8)
        #expect(packet.contains("on version <code class=\"version\">\(v1)</code>: an earlier version, so it must be given again"))
        let approvals = try #require(
            try Self.json(String(contentsOf: dir.appendingPathComponent("Public/segments/alpha/packet.json"), encoding: .utf8))["approvals"]
                as? [[String: Any]])
        #expect(approvals.first?["version"] as? String == v1 && approvals.first?["stale"] as? Bool == true)

        // The build wrote the record for v2; the diff against the last commit shows the change.
        try Self.git(["add", "."], in: dir)
        try Self.git(["commit", "-qm", "alpha v2"], in: dir)
        #expect(try T.run(["check", "--require-records"], in: dir).status == 0)
        let diff = try T.run(["diff", "--base-ref", "HEAD~1"], in: dir)
        #expect(diff.status == 0, "\(diff.stderr)")
        let md = diff.stdout
        #expect(md.contains("### Alpha inbound (`alpha`): version `\(v1)` → `\(v2)`"))
        #expect(md.contains("Sign-offs this change makes stale** (they approved `\(v1)`; each must approve `\(v2)`): VP Sales (Kim)."))
        #expect(md.contains("| `response-sla` | `2h` | `1h` |"))
        #expect(md.contains("| `pods[East].reps` | `4` | `3` |"))
        #expect(md.contains("- added **APAC** at position 2"))
        #expect(md.contains("| APAC desk | all | new: "))
        #expect(md.contains("(4 of the 10 leads in `samples/leads.csv`)"))
        #expect(md.contains("| 4 | Everyone else → pod East | APAC → pod APAC desk |"))

        let json = try Self.json(try T.run(["diff", "--base-ref", "HEAD~1", "--format", "json"], in: dir).stdout)
        #expect(json["format"] as? String == "handoff-diff" && json["version"] as? Int == 1)
        let segment = try #require((json["segments"] as? [[String: Any]])?.first)
        #expect(segment["change"] as? String == "changed" && segment["madeStale"] as? [String] == ["VP Sales"])
        #expect(segment["versionBefore"] as? String == v1 && segment["versionAfter"] as? String == v2)
        #expect((segment["rules"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["added"])

        // Nothing changed against itself; a bad revision is a usage error with git's reason.
        #expect(try T.run(["diff", "--base-ref", "HEAD"], in: dir).stdout.contains("No brief's planning inputs changed."))
        let bad = try T.run(["diff", "--base-ref", "no-such-ref"], in: dir)
        #expect(bad.status == 2 && bad.stderr.contains("git ls-tree failed"))
        #expect(try T.run(["diff"], in: dir).status == 2)
    }

    @Test func aFolderBaseShowsAddedRemovedAndMovedRules() throws {
        let (root, dir) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        let base = dir.appendingPathComponent("Base")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("Content"), to: base)
        // beta: the shadowed rule moves ahead of the one that shadowed it; gamma removed; delta new.
        try T.edit(dir.appendingPathComponent("Content/beta.yml")) {
            $0.replacingOccurrences(
                of:
                    "  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n  - name: Big EMEA\n    when: region = EMEA and employees >= 500\n    assign: pod East\n",
                with:
                    "  - name: Big EMEA\n    when: region = EMEA and employees >= 500\n    assign: pod East\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n"
            )
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Content/gamma.yml"))
        try Fixtures.write(Fixtures.brief(segment: "delta", title: "Delta"), to: dir.appendingPathComponent("Content/delta.yml"))
        let diff = try T.run(["diff", "--base", "Base"], in: dir)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("- moved **Big EMEA** from position 2 to 1: it now sees leads before **EMEA**"))
        #expect(diff.stdout.contains("| `routing` | order before | Big EMEA: 2 → 1 |"))
        #expect(diff.stdout.contains("### Gamma partners (`gamma`): removed"))
        #expect(diff.stdout.contains("### Delta (`delta`): new, version `"))
        #expect(diff.stdout.contains("unchanged (`alpha`)"))
    }

    /// What a new user misread in a pull request (issue: new-user items): a pod that lost its
    /// productive reps read "removed"; a rule moved ahead of its shadow with the shares already at
    /// 100% got 0% unsaid; resolved and new warnings were not listed; noise read as change; and
    /// `handoff plan` said only "routing: reordered".
    @Test func theDiffSaysWhatAChangeReallyDoes() throws {
        let brief = Fixtures.brief(segment: "omega", title: "Omega").replacingOccurrences(
            of: "pods:\n  - name: East\n    reps: 4\n",
            with: "pods:\n  - name: East\n    reps: 4\n  - name: Central\n    reps: 2\n    shrinkage: 20%\n"
        ).replacingOccurrences(
            of: "routing:\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n  - name: Everyone else\n    assign: pod East\n",
            with: """
                routing:
                  - name: EMEA
                    when: region = EMEA
                    assign: pod East
                    share: 40%
                  - name: Big EMEA
                    when: region = EMEA and employees >= 500
                    assign: pod East
                  - name: Everyone else
                    assign: round-robin East, Central
                    share: 60%

                """)
        let (root, dir) = try Fixtures.workspace(["omega.yml": brief])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try T.run(["plan"], in: dir).status == 0)
        try Self.git(["init", "-q"], in: dir)
        try Self.git(["add", "."], in: dir)
        try Self.git(["commit", "-qm", "omega v1"], in: dir)
        // Central down to one rep (none productive at 20%); the shadowed rule moved ahead.
        try T.edit(dir.appendingPathComponent("Content/omega.yml")) {
            $0.replacingOccurrences(of: "    reps: 2\n    shrinkage: 20%", with: "    reps: 1\n    shrinkage: 20%")
                .replacingOccurrences(
                    of:
                        "  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n    share: 40%\n  - name: Big EMEA\n    when: region = EMEA and employees >= 500\n    assign: pod East\n",
                    with:
                        "  - name: Big EMEA\n    when: region = EMEA and employees >= 500\n    assign: pod East\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n    share: 40%\n"
                )
        }
        let diff = try T.run(["diff", "--base-ref", "HEAD"], in: dir)
        #expect(diff.status == 0, "\(diff.stderr)")
        let md = diff.stdout
        #expect(!md.contains("→ removed"), "Central is still in the brief: \(md)")
        #expect(md.contains("| Central | all | meets → **receives no leads** |") || md.contains("→ **receives no leads** |"), "\(md)")
        #expect(md.contains("- Central receives no leads: it has no productive rep (1 rep at 20% shrinkage)"), "\(md)")
        #expect(md.contains("East takes its share"), "\(md)")
        #expect(md.contains("it now gets **0% of leads**"), "\(md)")
        #expect(md.contains("**Warnings this change resolves**"), "\(md)")
        #expect(md.contains("routing rule 'Big EMEA' is unreachable"), "\(md)")
        #expect(md.contains("**Warnings this change introduces**"), "\(md)")
        #expect(md.contains("routing rule 'Big EMEA' gets 0% of leads"), "\(md)")
        let json = try Self.json(try T.run(["diff", "--base-ref", "HEAD", "--format", "json"], in: dir).stdout)
        let segment = try #require((json["segments"] as? [[String: Any]])?.first)
        let central = try #require((segment["pods"] as? [[String: Any]])?.first { $0["pod"] as? String == "Central" })
        #expect((central["noLeadsAfter"] as? String)?.contains("no productive rep") == true)
        #expect(central["after"] is NSNull)
        let moved = try #require((segment["rules"] as? [[String: Any]])?.first { $0["kind"] as? String == "moved" })
        #expect(moved["shareAfter"] as? Double == 0)
        // `handoff plan` says which rule moved where.
        let plan = try T.run(["plan"], in: dir)
        #expect(plan.stdout.contains("routing: reordered: 'Big EMEA' moved from 2 to 1"), "\(plan.stdout)")
    }

    /// A change that leaves a pod's figures inside the noise is not shown in bold as a change.
    @Test func noiseIsNotChange() throws {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Fixtures.brief()])
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.git(["init", "-q"], in: dir)
        try Self.git(["add", "."], in: dir)
        try Self.git(["commit", "-qm", "alpha v1"], in: dir)
        try T.edit(dir.appendingPathComponent("Content/alpha.yml")) {
            $0.replacingOccurrences(of: "leads-per-week: 120", with: "leads-per-week: 122")
        }
        let md = try T.run(["diff", "--base-ref", "HEAD"], in: dir).stdout
        #expect(!md.contains("→ **"), "a 2-lead change is within the noise: \(md)")
        #expect(md.contains("No pod's SLA figures changed.") || md.contains("no change beyond simulation noise"), "\(md)")
    }
}
