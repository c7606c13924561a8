import Foundation
import Testing

@testable import HandoffEngine

/// The open-time recursion and the event engine give the same result lead by lead wherever the
/// recursion applies: pod queues with one SLA, on either clock, with holidays, after-hours leads
/// and shifts that start and end at different times.
@Suite("The recursion equals the events")
struct PathEquivalenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var network: Network
        var testDescription: String { name }
    }

    static let weekdays = TestNetworks.weekly(open: 8, close: 18)

    /// A pod of shifts: its calendar is whenever one of them works.
    static func shifted(_ shifts: [(OpenIntervals, Int)], leadsPerWeek: Double, handle: Double, sla: Double, business: Bool) -> Network {
        var net = TestNetworks.network(
            agents: 1, leadsPerWeek: leadsPerWeek, handleMinutes: handle, slaMinutes: sla, window: weekdays, afterHoursShare: 0.3,
            business: business)
        let union = OpenIntervals(
            intervals: mergedIntervals(shifts.map(\.0)), workingDays: Array(0..<mergedIntervals(shifts.map(\.0)).count))
        net.pods[0] = Network.Pod(calendar: union, shifts: shifts.map { Network.Shift(calendar: $0.0, agents: $0.1) })
        return net
    }

    static func mergedIntervals(_ calendars: [OpenIntervals]) -> [(start: Double, end: Double)] {
        let all = calendars.flatMap { c in zip(c.starts, c.ends).map { ($0, $1) } }.sorted { $0.0 < $1.0 }
        var out: [(start: Double, end: Double)] = []
        for (s, e) in all {
            if let last = out.last, s <= last.end { out[out.count - 1].end = max(last.end, e) } else { out.append((s, e)) }
        }
        return out
    }

    static let cases: [Case] = [
        Case(
            name: "weekday pod, calendar clock, 30% after hours",
            network: TestNetworks.network(
                agents: 8, leadsPerWeek: 400, handleMinutes: 51, slaMinutes: 120, podCalendar: weekdays, window: weekdays,
                afterHoursShare: 0.25)),
        Case(
            name: "weekday pod, business clock, holidays",
            network: TestNetworks.network(
                agents: 3, leadsPerWeek: 250, handleMinutes: 15, slaMinutes: 60,
                podCalendar: TestNetworks.weekly(open: 9, close: 17, closed: [3, 4, 17, 40]), window: weekdays, afterHoursShare: 0.2,
                business: true)),
        Case(
            name: "overloaded round the clock",
            network: TestNetworks.network(agents: 2, leadsPerWeek: 1000, handleMinutes: 30, slaMinutes: 60)),
        Case(
            name: "staggered shifts 07-15 and 12-20",
            network: shifted(
                [(TestNetworks.weekly(open: 7, close: 15), 3), (TestNetworks.weekly(open: 12, close: 20), 2)], leadsPerWeek: 500,
                handle: 20, sla: 60, business: false)),
        Case(
            name: "early, late and a weekend rota, business clock",
            network: shifted(
                [
                    (TestNetworks.weekly(open: 7, close: 15), 2), (TestNetworks.weekly(open: 12, close: 20), 2),
                    (TestNetworks.weekly(open: 10, close: 16, weekdays: [5, 6]), 1),
                ], leadsPerWeek: 300, handle: 25, sla: 90, business: true)),
        Case(
            name: "two shifts with the same hours",
            network: shifted(
                [(TestNetworks.weekly(open: 8, close: 18), 2), (TestNetworks.weekly(open: 8, close: 18), 2)], leadsPerWeek: 450,
                handle: 20, sla: 30, business: false)),
    ]

    @Test(arguments: cases)
    func sameLeadBySameLead(_ c: Case) {
        #expect(Simulation.path(c.network, order: .earliestDeadline) == .podQueueRecursion)
        for seed in [UInt64(1), 2, 3] {
            let leads = Leads.draw(c.network, seed: seed)
            let fast = Simulation.run(c.network, leads, order: .earliestDeadline, waits: true, path: .podQueueRecursion)
            let events = Simulation.run(c.network, leads, order: .earliestDeadline, waits: true, path: .events)
            #expect(fast.channelMet == events.channelMet, "seed \(seed)")
            let differ = zip(fast.waits, events.waits).filter { !($0 == $1 || abs($0 - $1) < 1e-3) }.count
            #expect(differ == 0, "seed \(seed): \(differ) of \(leads.count) waits differ")
        }
    }

    /// Oldest first with two SLAs on one queue is first come first served too.
    @Test func oldestFirstWithTwoSLAs() {
        var net = TestNetworks.network(agents: 3, leadsPerWeek: 300, handleMinutes: 20, slaMinutes: 10)
        var slow = net.channels[0]
        slow.sla = Network.SLA(businessClock: false, days: 0, clockSeconds: 8 * 3600)
        net.channels.append(slow)
        #expect(Simulation.path(net, order: .earliestDeadline) == .events)
        #expect(Simulation.path(net, order: .firstComeFirstServed) == .podQueueRecursion)
        let leads = Leads.draw(net, seed: 9)
        let fast = Simulation.run(net, leads, order: .firstComeFirstServed, waits: true, path: .podQueueRecursion)
        let events = Simulation.run(net, leads, order: .firstComeFirstServed, waits: true, path: .events)
        #expect(fast.channelMet == events.channelMet)
        #expect(zip(fast.waits, events.waits).allSatisfy { $0 == $1 || abs($0 - $1) < 1e-3 })
    }
}
