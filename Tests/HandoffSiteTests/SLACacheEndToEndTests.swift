import Foundation
import Testing

/// The SLA cache as a user meets it: a second build simulates nothing and writes the same
/// bytes; a changed brief is simulated again; a corrupt, foreign or mismatched entry is ignored
/// and replaced; `--no-cache` neither reads nor writes it; `--timings` says where the time went.
@Suite("SLA cache and build timings, end to end")
struct SLACacheEndToEndTests {
    typealias T = TestSupport

    static let briefs = [
        "alpha.yml": Fixtures.brief(segment: "alpha", title: "Alpha inbound"),
        "beta.yml": Fixtures.brief(segment: "beta", title: "Beta inbound"),
    ]

    func entries(_ dir: URL) throws -> [String] {
        let folder = dir.appendingPathComponent(".handoff-cache").path
        return (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasPrefix("sla-") }.sorted() ?? []
    }

    /// "simulate  N.NNN  S simulated, C from the cache" → (S, C).
    func simulated(_ stdout: String) throws -> (simulated: Int, cached: Int) {
        let line = try #require(stdout.split(separator: "\n").first { $0.hasPrefix("simulate") })
        let words = line.split(separator: " ")
        let s = try #require(words.firstIndex(of: "simulated,").flatMap { Int(words[$0 - 1]) })
        let c = try #require(words.firstIndex(of: "from").flatMap { Int(words[$0 - 1]) })
        return (s, c)
    }

    @Test func aSecondBuildSimulatesNothingAndWritesTheSameBytes() throws {
        let (root, dir) = try Fixtures.workspace(Self.briefs)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try T.run(["build", "--timings"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try simulated(first.stdout) == (2, 0))
        for stage in ["load", "plan", "simulate", "records", "markdown", "cmark", "polish", "templates", "write", "wall"] {
            #expect(first.stdout.contains("\n" + stage.padding(toLength: 10, withPad: " ", startingAt: 0)), "stage \(stage)")
        }
        // What the simulations were for, against one 26-week run of each brief.
        for purpose in ["today's figures, to ±1 point", "staffing curve", "all  "] {
            #expect(first.stdout.contains("\n" + purpose), "\(purpose)")
        }
        let verdict = try #require(first.stdout.split(separator: "\n").first { $0.hasPrefix("today's figures") })
        let multiple = try #require(verdict.split(separator: " ").first { $0.hasSuffix("×") }.flatMap { Double($0.dropLast()) })
        #expect(multiple >= 4, "at least the minimum replicas of one run: \(verdict)")
        #expect(try entries(dir).count == 2)
        let cold = try T.snapshot(dir.appendingPathComponent("Public"))

        try FileManager.default.removeItem(at: dir.appendingPathComponent("Public"))
        let second = try T.run(["build", "--timings"], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try simulated(second.stdout) == (0, 2))
        #expect(!second.stdout.contains("Simulated"), "a cached model routes no leads")
        #expect(try T.snapshot(dir.appendingPathComponent("Public")) == cold, "the cached model renders the same site")

        // A planning input changed: that brief alone is simulated again; its old entry goes.
        try T.edit(dir.appendingPathComponent("Content/beta.yml")) {
            $0.replacingOccurrences(of: "response-sla: 2h", with: "response-sla: 1h")
        }
        let third = try T.run(["build", "--timings"], in: dir)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try simulated(third.stdout) == (1, 1))
        #expect(try entries(dir).count == 2, "the entry of the old version is pruned")

        // An approval is not a planning input: signing does not simulate again.
        try T.edit(dir.appendingPathComponent("Content/alpha.yml")) { $0 + "approvals:\n  - role: VP Sales\n    status: pending\n" }
        let fourth = try T.run(["build", "--timings"], in: dir)
        #expect(try simulated(fourth.stdout) == (0, 2), "\(fourth.stderr)")

        // Nor is a new title a new simulation, though it is a new version.
        try T.edit(dir.appendingPathComponent("Content/alpha.yml")) { $0.replacingOccurrences(of: "title: ", with: "title: Renamed ") }
        let fifth = try T.run(["build", "--timings"], in: dir)
        #expect(try simulated(fifth.stdout) == (0, 2), "\(fifth.stderr)")
    }

    @Test func aCorruptOrForeignEntryIsIgnoredAndReplaced() throws {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Self.briefs["alpha.yml"]!])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try T.run(["build"], in: dir).status == 0)
        let cold = try T.snapshot(dir.appendingPathComponent("Public"))
        let entry = dir.appendingPathComponent(".handoff-cache/" + (try #require(try entries(dir).first)))
        let good = try String(contentsOf: entry, encoding: .utf8)

        let damaged = [
            String(good.prefix(good.count / 2)),  // cut off mid-write
            "not json at all",
            good.replacingOccurrences(of: "\"tool\":\"handoff ", with: "\"tool\":\"another build "),  // another program's
            good.replacingOccurrences(of: "\"inputs\":\"model:sha256:", with: "\"inputs\":\"model:sha256:0"),  // another brief's
            good.replacingOccurrences(of: "\"format\":\"handoff-sla-cache\"", with: "\"format\":\"something-else\""),
        ]
        #expect(Set(damaged).count == damaged.count && !damaged.contains(good), "each damage changes the entry")
        for text in damaged {
            try Data(text.utf8).write(to: entry)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("Public"))
            let result = try T.run(["build", "--timings"], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try simulated(result.stdout) == (1, 0), "a damaged entry is not trusted: \(text.prefix(40))")
            #expect(try T.snapshot(dir.appendingPathComponent("Public")) == cold)
            #expect(try String(contentsOf: entry, encoding: .utf8) == good, "and is replaced by a good one")
        }
    }

    @Test func noCacheNeitherReadsNorWrites() throws {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Self.briefs["alpha.yml"]!])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try T.run(["build", "--no-cache", "--timings"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try simulated(result.stdout) == (1, 0))
        #expect(try entries(dir).isEmpty)
        // `check` writes nothing (it only reads the cache) unless asked to keep what it simulated.
        #expect(try T.run(["check"], in: dir).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(".handoff-cache").path))
        #expect(try T.run(["check", "--write-cache"], in: dir).status == 0)
        #expect(try entries(dir).count == 1)
        let again = try T.run(["build", "--no-cache", "--timings"], in: dir)
        #expect(try simulated(again.stdout) == (1, 0), "--no-cache ignores what is there")
    }
}
