import Foundation
import HandoffCore
import Testing

@testable import HandoffSite

/// The build driver in-process, through its file-system seam: which files it keeps, that a
/// failure at any change leaves the previous site and records as they were, and that records
/// are written only once the site is in place.
@Suite("Build driver", .serialized)
struct BuildDriverTests {
    typealias T = TestSupport

    static func options(_ project: URL, disk: Disk = Disk(), segments: [String] = []) -> BuildOptions {
        var options = BuildOptions(asOf: CalendarDate(year: 2026, month: 11, day: 25)!, timestamp: 1_795_600_800)
        options.content = project.appendingPathComponent("Content").path
        options.output = project.appendingPathComponent("Public").path
        options.plans = project.appendingPathComponent(".claude/plans").path
        options.templates = project.appendingPathComponent("Templates").path
        options.segments = segments
        options.disk = disk
        return options
    }

    @Test func aSegmentBuildKeepsTheOtherSegmentsPages() async throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(), "b.yml": Fixtures.brief(segment: "beta")])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try await BuildDriver(options: Self.options(project)).build()
        let betaPage = project.appendingPathComponent("Public/segments/beta/index.html")
        let betaBefore = try Data(contentsOf: betaPage)
        for (file, title) in [("a.yml", "Alpha renamed"), ("b.yml", "Beta renamed")] {
            try T.edit(project.appendingPathComponent("Content/\(file)")) {
                $0.replacingOccurrences(of: "title: Alpha inbound", with: "title: \(title)")
            }
        }
        try T.edit(project.appendingPathComponent("Content/b.yml")) { $0.replacingOccurrences(of: "reps: 4", with: "reps: 5") }
        let report = try await BuildDriver(options: Self.options(project, segments: ["alpha"])).build()
        #expect(!report.hasErrors)
        #expect(try Data(contentsOf: betaPage) == betaBefore, "beta's page was rebuilt")
        let alpha = try String(contentsOf: project.appendingPathComponent("Public/segments/alpha/index.html"), encoding: .utf8)
        #expect(alpha.contains("Alpha renamed"))
        // Only the chosen segment gets a new record.
        #expect(report.recordsWritten.keys.sorted() == ["alpha"])
    }

    @Test func aFailureAtAnyChangeLeavesSiteAndRecordsWhole() async throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief()])
        defer { try? FileManager.default.removeItem(at: root) }
        let site = project.appendingPathComponent("Public")
        let plans = project.appendingPathComponent(".claude/plans")
        _ = try await BuildDriver(options: Self.options(project)).build()
        let saved = root.appendingPathComponent("saved")
        try FileManager.default.createDirectory(at: saved, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: site, to: saved.appendingPathComponent("site"))
        try FileManager.default.copyItem(at: plans, to: saved.appendingPathComponent("plans"))
        func restore() throws {
            try? FileManager.default.removeItem(at: site)
            try? FileManager.default.removeItem(at: plans)
            try FileManager.default.copyItem(at: saved.appendingPathComponent("site"), to: site)
            try FileManager.default.copyItem(at: saved.appendingPathComponent("plans"), to: plans)
        }
        let (oldSite, oldRecords) = (try T.snapshot(site), try T.snapshot(plans))
        try T.edit(project.appendingPathComponent("Content/a.yml")) { $0.replacingOccurrences(of: "reps: 4", with: "reps: 6") }
        var later = Self.options(project)
        later.timestamp += 3600
        _ = try await BuildDriver(options: later).build()
        let (newSite, newRecords) = (try T.snapshot(site), try T.snapshot(plans))
        #expect(newSite != oldSite && newRecords.count == oldRecords.count + 1)

        var failed = 0
        for n in 1...400 {
            try restore()
            let faults = FaultInjection(at: n, action: .fail)
            later.disk = Disk(faults: faults)
            var threw = false
            do { _ = try await BuildDriver(options: later).build() } catch { threw = true }
            let (nowSite, nowRecords) = (try T.snapshot(site), try T.snapshot(plans).filter { !$0.key.hasPrefix(".") })
            let stepsTaken = faults.count
            // A failed clean-up may leave the staging folder; the next build removes it.
            let beside = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".Public") }
            if !beside.isEmpty {
                var clean = later
                clean.disk = Disk()
                _ = try await BuildDriver(options: clean).build()
                let after = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".Public") }
                #expect(after.isEmpty, "the build after a failure at change \(n) left \(after)")
            }
            if threw {
                failed += 1
                // The site is whole, old or new; a failed site never gets its record written.
                #expect(nowSite == oldSite || nowSite == newSite, "a failure at change \(n) left a mixed site")
                #expect(nowRecords == oldRecords, "a failure at change \(n) wrote a record")
            } else {
                // A failure the build recovers from (a hard link falls back to a write) or no
                // failure at all: the result is the full new state.
                #expect(nowSite == newSite && nowRecords == newRecords, "change \(n) failed silently")
            }
            if stepsTaken < n { break }
        }
        #expect(failed > 10, "only \(failed) failure points")
    }

    @Test func aBrokenBriefWritesNothing() async throws {
        let (root, project) = try Fixtures.workspace(["a.yml": Fixtures.brief(), "b.yml": "segment: beta\ngoal: nothing\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let faults = FaultInjection(at: Int.max, action: .fail)
        let report = try await BuildDriver(options: Self.options(project, disk: Disk(faults: faults))).build()
        #expect(report.hasErrors)
        #expect(faults.count == 0, "a build with errors changed the file system")
    }
}
