import Foundation
import Testing

@testable import HandoffCore
@testable import HandoffSite

/// Staffing in shifts as a user meets it (SPEC §2.4, §3.3.4, §5): the page costs every change in
/// FTE and puts promises apart; `packet.json` carries shifts, headcount, FTE and the plan; the
/// portfolio shows FTE today → in the plan; `handoff diff` shows FTE before → after.
@Suite("Shifts and FTE, end to end")
struct ShiftsEndToEndTests {
    typealias T = TestSupport

    /// A day pod whose leads also arrive evenings and weekends, answered on the calendar clock.
    static let dayPod = Fixtures.brief(segment: "rho", title: "Rho").replacingOccurrences(
        of: "response-sla: 2h\n", with: "response-sla: 1h\nsla-clock: calendar\ntarget-attainment: 80%\n"
    ).replacingOccurrences(of: "  handle-time: 15m\n", with: "  handle-time: 10m\n  after-hours-share: 30%\n")
        .replacingOccurrences(
            of: "pods:\n  - name: East\n    reps: 4\n",
            with: "pods:\n  - name: East\n    shifts:\n      - name: Day\n        hours: Mon-Fri 09:00-17:00\n        reps: 2\n")

    @Test func thePageCostsEveryChangeAndThePacketCarriesThePlan() throws {
        let (root, dir) = try Fixtures.workspace(["rho.yml": Self.dayPod, "alpha.yml": Fixtures.brief()])
        defer { try? FileManager.default.removeItem(at: root) }
        let build = try T.run(["build", "--quiet"], in: dir)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("Public/segments/rho/handoff.md"), encoding: .utf8)
        // Today in people and hours; the fix as what to hire, when they work, its cost, its gain.
        #expect(page.contains("**Today:** 2 reps (2 productive; 80 rep-hours a week, 2.0 FTE) touch"))
        let fix = try #require(page.split(separator: "\n").first { $0.hasPrefix("- **Fix:** ") })
        #expect(fix.contains(" FTE): ") && fix.hasSuffix("% in time"), "\(fix)")
        #expect(fix.contains(" shift (") || fix.contains(" rota ("), "\(fix)")
        #expect(!page.contains("with today's reps"))
        // No queueing terms before the figures that explain them.
        let explained = try #require(page.range(of: "### The figures behind the verdicts"))
        #expect(page.range(of: "erlang", options: .caseInsensitive).map { $0.lowerBound > explained.lowerBound } ?? true)
        #expect(!page[..<explained.lowerBound].contains("agents"))
        // Staffing rows carry their cost; promises sit apart, with no cost and never the fix.
        let promises = try #require(page.range(of: "Or change the promise (leadership's decision, never the fix)"))
        let staffing = try #require(page.range(of: "What it would take for East:"))
        #expect(staffing.upperBound < promises.lowerBound)
        let staffingRows = page[staffing.upperBound..<promises.lowerBound].split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| Change") && !$0.hasPrefix("| ---")
        }
        #expect(!staffingRows.isEmpty)
        for row in staffingRows { #expect(row.contains("FTE"), "\(row)") }
        #expect(page.contains("**Staffing plan for East:**"))
        #expect(page.contains("| Shift | Hours | Reps today → in the plan | FTE today → in the plan |"))
        #expect(page.contains("(figures.svg#week-east)"))

        let packet =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("Public/segments/rho/packet.json")))
            as? [String: Any]
        #expect(packet?["contractHours"] as? Double == 40)
        let pods = try #require((packet?["sla"] as? [String: Any])?["pods"] as? [[String: Any]])
        let east = try #require(pods.first)
        #expect(east["headcount"] as? Int == 2)
        #expect(east["fte"] as? Double == 2)
        let shifts = try #require(east["shifts"] as? [[String: Any]])
        #expect(shifts.count == 1)
        #expect(shifts[0]["name"] as? String == "Day" && shifts[0]["hours"] as? String == "Mon-Fri 09:00-17:00")
        #expect(shifts[0]["reps"] as? Int == 2 && shifts[0]["agents"] as? Int == 2 && shifts[0]["repHoursPerWeek"] as? Double == 80)
        let plan = try #require(east["plan"] as? [String: Any])
        #expect((plan["fte"] as? Double ?? 0) > 2)
        #expect((plan["simulatedAttainmentInterval"] as? [Double])?.count == 2)
        #expect((plan["shifts"] as? [[String: Any]])?.contains { ($0["repsToday"] as? Int) == 0 } == true)
        let options = try #require(east["options"] as? [[String: Any]])
        #expect(Set(options.compactMap { $0["kind"] as? String }) == ["staffing", "policy", "promise"])
        #expect(options.allSatisfy { $0["fteChange"] is Double })
        #expect(options.filter { $0["fix"] as? Bool == true }.allSatisfy { $0["kind"] as? String != "promise" })
        // A pod that meets its target has no plan: null, not absent.
        let alpha =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("Public/segments/alpha/packet.json")))
            as? [String: Any]
        let alphaPod = try #require(((alpha?["sla"] as? [String: Any])?["pods"] as? [[String: Any]])?.first)
        #expect(alphaPod["plan"] is NSNull)

        // The portfolio: each segment's FTE today → in the plan, and the total.
        let index = try String(contentsOf: dir.appendingPathComponent("Public/index.html"), encoding: .utf8)
        let rhoPlan = try #require(plan["fte"] as? Double)
        #expect(index.contains("2.0 → \(Format.fte(rhoPlan)) FTE"))
        #expect(index.contains(">4.0 FTE<"))
        #expect(index.contains("Staffing: 6.0 FTE today, \(Format.fte(4 + rhoPlan)) in the staffing plans."))
    }

    @Test func theDiffShowsFTEBeforeAndAfter() throws {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Fixtures.brief()])
        defer { try? FileManager.default.removeItem(at: root) }
        let base = dir.appendingPathComponent("Base")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("Content"), to: base)
        // Four reps on Mon-Fri 09:00-17:00 become two shifts of three.
        try T.edit(dir.appendingPathComponent("Content/alpha.yml")) {
            $0.replacingOccurrences(
                of: "  - name: East\n    reps: 4\n",
                with:
                    "  - name: East\n    shifts:\n      - name: Early\n        hours: Mon-Fri 08:00-16:00\n        reps: 3\n      - name: Late\n        hours: Mon-Fri 10:00-18:00\n        reps: 3\n"
            )
        }
        let diff = try T.run(["diff", "--base", "Base"], in: dir)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("Staffing: **4.0 → 6.0 FTE** today.\n"), "\(diff.stdout)")
        #expect(diff.stdout.contains("| `pods[East].shifts[Early].reps` | — | `3` |"), "\(diff.stdout)")
        #expect(diff.stdout.contains("| 4\\.0 → **6\\.0** |"), "\(diff.stdout)")
        let json =
            try JSONSerialization.jsonObject(with: Data(try T.run(["diff", "--base", "Base", "--format", "json"], in: dir).stdout.utf8))
            as? [String: Any]
        let segment = try #require((json?["segments"] as? [[String: Any]])?.first)
        #expect(segment["fteBefore"] as? Double == 4 && segment["fteAfter"] as? Double == 6)
    }

    /// When only a promise would meet the target, the fix says no staffing change does.
    @Test func noStaffingChangeReachingTheTargetIsSaid() throws {
        let brief = Fixtures.brief(segment: "tau", title: "Tau").replacingOccurrences(
            of: "response-sla: 2h\n",
            with:
                "response-sla: 45s\nsla-clock: calendar\ntarget-attainment: 99%\nholidays: [2027-04-02, 2027-04-05, 2027-05-03, 2027-05-31, 2027-08-30]\n"
        ).replacingOccurrences(of: "  handle-time: 15m\n", with: "  handle-time: 5m\n  after-hours-share: 40%\n")
        let (root, dir) = try Fixtures.workspace(["tau.yml": brief])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let page = try String(contentsOf: dir.appendingPathComponent("Public/segments/tau/handoff.md"), encoding: .utf8)
        #expect(
            page.contains(
                "- **Fix:** no staffing change reaches the target; even unlimited reps on today's shifts and new ones would touch "))
        #expect(page.contains("the promise (SLA, clock or target) needs a decision"))
        #expect(page.contains("**Staffing plan for East:** no plan reaches the target"))
        #expect(!page.contains("(the fix)"))
    }
}
