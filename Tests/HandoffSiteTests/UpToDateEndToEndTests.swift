import Foundation
import Testing

/// A build with nothing changed leaves the output alone and reports what the last build did;
/// any change to what a build reads or to what it left behind builds again.
@Suite("Unchanged builds, end to end")
struct UpToDateEndToEndTests {
    typealias T = TestSupport

    func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require((attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
    }

    @Test func aSecondBuildKeepsTheOutputAndRepeatsTheWarnings() throws {
        let (root, dir) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try T.run(["build"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Built 3 segments"), "\(first.stdout)")
        #expect(first.stderr.contains(": warning: "), "the fixture set has warnings")
        let site = dir.appendingPathComponent("Public")
        let before = try T.snapshot(site)
        let index = try inode(site.appendingPathComponent("index.html"))

        let second = try T.run(["build", "--timings"], in: dir)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("Public/ is up to date: nothing changed since the last build (3 segments"), "\(second.stdout)")
        #expect(second.stdout.contains("compare") && second.stdout.contains("0 simulated"), "\(second.stdout)")
        #expect(second.stderr == first.stderr, "the same warnings, word for word")
        #expect(try inode(site.appendingPathComponent("index.html")) == index, "nothing was rewritten")
        #expect(try T.snapshot(site) == before)
    }

    /// Each change to what the build reads, to its options or to the output it left: a full
    /// build, which puts the output right.
    @Test func anyChangeBuildsAgain() throws {
        let (root, dir) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        let site = dir.appendingPathComponent("Public")
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let cache = dir.appendingPathComponent(".handoff-cache")
        let changes: [(String, [String], () throws -> Void)] = [
            (
                "a brief's bytes", [],
                {
                    try T.edit(dir.appendingPathComponent("Content/alpha.yml")) {
                        $0.replacingOccurrences(of: "Alpha inbound", with: "Alpha inbound leads")
                    }
                }
            ),
            (
                "a new file in the content folder", [],
                { try Fixtures.write("region\nEMEA\n", to: dir.appendingPathComponent("Content/leads.csv")) }
            ),
            ("a template", [], { try Fixtures.write("{{{body}}}\n", to: dir.appendingPathComponent("Templates/unused.mustache")) }),
            ("a file in the plans folder", [], { try Fixtures.write("{}\n", to: dir.appendingPathComponent(".claude/plans/notes.txt")) }),
            ("another as-of date", ["--as-of", "2026-12-24"], {}),
            ("a base URL", ["--base-url", "https://handoff.example/"], {}),
            ("no cache", ["--no-cache"], {}),
            ("an edited page", [], { try Fixtures.write("edited\n", to: site.appendingPathComponent("index.html")) }),
            ("a removed page", [], { try FileManager.default.removeItem(at: site.appendingPathComponent("segments/beta/index.html")) }),
            (
                "an extra file in the output", [],
                { try Fixtures.write("x\n", to: site.appendingPathComponent("segments/alpha/extra.html")) }
            ),
            (
                "a damaged stamp", [],
                {
                    for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasPrefix("build-") {
                        try Fixtures.write("{\"format\": \"handoff-build-stamp\"", to: cache.appendingPathComponent(name))
                    }
                }
            ),
        ]
        for (what, arguments, change) in changes {
            // Settle first: an unchanged build keeps the output.
            let settled = try T.run(["build"], in: dir)
            #expect(settled.stdout.hasPrefix("Public/ is up to date"), "before \(what): \(settled.stdout)")
            let before = try T.snapshot(site)
            try change()
            let result = try T.run(["build"] + arguments, in: dir)
            #expect(result.status == 0, "\(what): \(result.stderr)")
            #expect(result.stdout.hasPrefix("Built 3 segments"), "\(what): \(result.stdout)")
            if arguments.isEmpty, what.hasPrefix("a") && (what.contains("page") || what.contains("output") || what.contains("stamp")) {
                #expect(try T.snapshot(site) == before, "\(what): the output is put right")
            }
            // Options are not remembered: the next plain build is a change again.
            if !arguments.isEmpty { #expect(try T.run(["build"], in: dir).stdout.hasPrefix("Built 3 segments"), "after \(what)") }
        }
    }

    /// A build of some segments never takes the shortcut, and the full build after it gives the
    /// site a full build gives.
    @Test func aBuildOfOneSegmentAlwaysBuilds() throws {
        let (root, dir) = try Fixtures.workspace(Fixtures.set)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let site = dir.appendingPathComponent("Public")
        let pristine = try T.snapshot(site)
        let one = try T.run(["build", "--segment", "alpha"], in: dir)
        #expect(one.stdout.hasPrefix("Built 3 segments"), "\(one.stdout)")
        let full = try T.run(["build"], in: dir)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try T.snapshot(site) == pristine)
    }
}
