import Foundation
import Testing

@testable import HandoffCore

/// Who a rotation's leads go to, against shares worked out by hand from the week's hours.
@Suite("How a rotation splits its leads")
struct RouterSplitTests {
    static func hours(_ text: String) throws -> WeeklyHours { try WeeklyHours.parse(text).get() }

    /// A weekday pod and a weekend pod in one round-robin, leads round the clock.
    static func network(weekdayAgents: Int = 3, weekendAgents: Int = 2) throws -> RouterNetwork {
        var net = SimulationTests.network(
            agents: weekdayAgents, leadsPerWeek: 168, handleMinutes: 5, slaMinutes: 60, routing: .rotation(pods: [0, 1], weights: [1, 1]))
        let start = SimulationTests.start
        net.pods[0].calendar = OpenIntervals(
            hours: try Self.hours("Mon-Fri 09:00-17:00"), zone: SimulationTests.utc, firstDay: start.adding(days: -1), days: 26 * 7 + 43)
        net.pods.append(
            RouterNetwork.Pod(
                name: "Weekend", agents: weekendAgents,
                calendar: OpenIntervals(
                    hours: try Self.hours("Sat-Sun 09:00-17:00"), zone: SimulationTests.utc, firstDay: start.adding(days: -1),
                    days: 26 * 7 + 43), maxOpen: nil))
        return net
    }

    @Test func aWeekendPodTakesTheWeekendsLeads() throws {
        // Of the week's 168 hours, leads go to the weekday pod while it is open (40 h) and while
        // it opens first: Sunday 17:00 to Friday 09:00 outside its hours (16 h a night, 5 nights:
        // 80 h). The weekend pod: its 16 open hours and Friday and Saturday nights (32 h).
        let shares = try Self.network().routerShares(0)
        #expect(abs(shares[0] - 120.0 / 168) < 1e-6, "\(shares)")
        #expect(abs(shares[1] - 48.0 / 168) < 1e-6, "\(shares)")
    }

    @Test func theSimulationRoutesTheSameShares() throws {
        // With reps to spare (no queue, no reassignment), the router's own choices match.
        let net = try Self.network(weekdayAgents: 20, weekendAgents: 20)
        var run = ReplicatedRun(segment: "split", network: net)
        let r = run.run(net, order: .earliestDeadline, stop: .replicas(4), for: .verdict)
        let weekend = r.pods[1].leads / (r.pods[0].leads + r.pods[1].leads)
        #expect(abs(weekend - 48.0 / 168) < 0.01, "\(weekend)")
    }

    @Test func sameHoursSplitByWeightOverProductivePods() throws {
        var net = try Self.network()
        net.pods[1].calendar = net.pods[0].calendar
        net.channels[0].routing = .rotation(pods: [0, 1], weights: [3, 1])
        #expect(net.routerShares(0) == [0.75, 0.25])
        net.pods[1].agents = 0
        #expect(net.routerShares(0) == [1, 0], "a pod without a productive rep is passed over")
        net.pods[0].agents = 0
        #expect(net.routerShares(0) == [0.75, 0.25], "nobody productive: the nominal shares of leads nobody touches")
    }
}
