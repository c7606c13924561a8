import Foundation
import HandoffEngine
import Testing

@testable import HandoffCore

/// Who a rotation's leads go to, against shares worked out by hand from the week's hours.
@Suite("How a rotation splits its leads")
struct RouterSplitTests {
    /// A weekday pod and a weekend pod in one round-robin, leads round the clock.
    static func simulator(weekdayReps: Int = 3, weekendReps: Int = 2) throws -> GroupSimulator {
        let yaml = TestBriefs.replacing([
            "hours": "hours: Mon-Sun 00:00-24:00",
            "timezone": "timezone: UTC",
            "volume": "volume:\n  leads-per-week: 168\n  handle-time: 5m",
            "pods": """
            pods:
              - name: Weekday
                reps: \(weekdayReps)
                hours: Mon-Fri 09:00-17:00
              - name: Weekend
                reps: \(weekendReps)
                hours: Sat-Sun 09:00-17:00
            """,
            "routing": "routing:\n  - name: All\n    assign: round-robin Weekday, Weekend\n    weights: Weekday 50%, Weekend 50%\n",
        ])
        return try #require(TestBriefs.simulators(yaml).first)
    }

    @Test func aWeekendPodTakesTheWeekendsLeads() throws {
        // Of the week's 168 hours, leads go to the weekday pod while it is open (40 h) and while
        // it opens first: Sunday 17:00 to Friday 09:00 outside its hours (16 h a night, 5 nights:
        // 80 h). The weekend pod: its 16 open hours and Friday and Saturday nights (32 h).
        let sim = try Self.simulator()
        let today = sim.group.today
        #expect(abs(sim.share(0, 0, in: today) - 120.0 / 168) < 1e-6)
        #expect(abs(sim.share(0, 1, in: today) - 48.0 / 168) < 1e-6)
    }

    @Test func theSimulationRoutesTheSameShares() throws {
        // With reps to spare (no queue, no reassignment), the router's own choices match.
        let sim = try Self.simulator(weekdayReps: 20, weekendReps: 20)
        let r = sim.run(sim.group.today, stop: .fixed(4), for: .verdict)
        let weekend = r.pods[1].leads / (r.pods[0].leads + r.pods[1].leads)
        #expect(abs(weekend - 48.0 / 168) < 0.01, "\(weekend)")
    }

    @Test func sameHoursSplitByWeightOverProductivePods() {
        let week = OpenIntervals(intervals: [(0, 7 * 86_400)], workingDays: [0])
        let streams = [Network.Stream(intervals: week, ratePerSecond: 0.001, inWindow: true)]
        let routing = Network.Routing.rotation(pods: [0, 1], weights: [3, 1])
        #expect(RouterSplit.shares(routing, streams: streams) { _ in week } == [0.75, 0.25])
        #expect(
            RouterSplit.shares(routing, streams: streams) { $0 == 0 ? week : nil } == [1, 0],
            "a pod without a productive rep is passed over")
        #expect(
            RouterSplit.shares(routing, streams: streams) { _ in nil } == [0.75, 0.25],
            "nobody productive: the nominal shares of leads nobody touches")
    }
}
