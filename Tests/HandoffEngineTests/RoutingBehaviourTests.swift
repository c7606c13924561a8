import Foundation
import Testing

@testable import HandoffEngine

/// Properties any true model of the router has (SPEC §3.3.2).
@Suite("Routing behaviour")
struct RoutingBehaviourTests {
    @Test func earliestDeadlineServesTheFastChannelFirst() {
        var net = TestNetworks.network(agents: 3, leadsPerWeek: 0.8 * 3 / 0.25 * 168, handleMinutes: 15, slaMinutes: 10)
        var slow = net.channels[0]
        slow.sla = Network.SLA(businessClock: false, days: 0, clockSeconds: 8 * 3600)
        net.channels.append(slow)
        for c in net.channels.indices { net.channels[c].streams[0].ratePerSecond /= 2 }
        var edf = [0, 0, 0, 0]
        var fifo = [0, 0, 0, 0]
        for seed in 0..<6 {
            let leads = Leads.draw(net, seed: UInt64(seed))
            let e = Simulation.run(net, leads, order: .earliestDeadline)
            let f = Simulation.run(net, leads, order: .firstComeFirstServed)
            for c in 0..<2 {
                edf[2 * c] += Int(e.channelMet[c])
                edf[2 * c + 1] += Int(e.channelLeads[c])
                fifo[2 * c] += Int(f.channelMet[c])
                fifo[2 * c + 1] += Int(f.channelLeads[c])
            }
        }
        let fast = (Double(edf[0]) / Double(edf[1]), Double(fifo[0]) / Double(fifo[1]))
        #expect(fast.0 > fast.1 + 0.03, "EDF \(fast.0), FCFS \(fast.1)")
        #expect(Double(edf[2]) / Double(edf[3]) > 0.95)
    }

    @Test func reassignmentLeavesFewerLeadsWaitingLong() {
        // A rotation: untouched leads move on to the next rep after the SLA.
        func longWaits(_ retries: Int) -> Double {
            let net = TestNetworks.network(
                agents: 4, leadsPerWeek: 400, handleMinutes: 20, slaMinutes: 60, routing: .rotation(pods: [0], weights: [1]),
                retryLimit: retries)
            var total = 0
            var long = 0
            for seed in 0..<4 {
                let outcome = Simulation.run(net, Leads.draw(net, seed: UInt64(seed)), order: .earliestDeadline, waits: true)
                total += outcome.waits.count
                long += outcome.waits.filter { $0 > 2 * 3600 }.count
            }
            return Double(long) / Double(total)
        }
        #expect(longWaits(2) <= longWaits(0))
    }

    @Test func maxOpenChangesFiguresOnlyWhenItBinds() {
        let net = TestNetworks.network(
            agents: 3, leadsPerWeek: 0.85 * 3 / 0.25 * 168, handleMinutes: 15, slaMinutes: 15, routing: .rotation(pods: [0], weights: [1]))
        let leads = Leads.draw(net, seed: 7)
        let free = Simulation.run(net, leads, order: .earliestDeadline).channelMet[0]
        var loose = net
        loose.pods[0].maxOpen = 10_000
        #expect(Simulation.run(loose, leads, order: .earliestDeadline).channelMet[0] == free)
        var tight = net
        tight.pods[0].maxOpen = 1
        #expect(Simulation.run(tight, leads, order: .earliestDeadline).channelMet[0] != free)
    }

    /// Common random numbers: on the same leads, a pod queue with one more agent touches every
    /// lead no later, so its attainment never falls, replica by replica.
    @Test func onTheSameLeadsMoreRepsNeverDoWorse() {
        for seed in 0..<30 {
            var net = TestNetworks.network(
                agents: 4, leadsPerWeek: 420, handleMinutes: 30, slaMinutes: 60, podCalendar: TestNetworks.weekly(open: 8, close: 18),
                window: TestNetworks.weekly(open: 8, close: 18), afterHoursShare: 0.25, business: true)
            let leads = Leads.draw(net, seed: UInt64(seed))
            var last = -1
            for agents in 4...8 {
                net.pods[0].shifts[0].agents = agents
                let met = Int(Simulation.run(net, leads, order: .earliestDeadline).channelMet[0])
                #expect(met >= last, "seed \(seed), \(agents) agents: \(met) < \(last)")
                last = met
            }
        }
    }

    /// A lead nobody can take is never counted as touched in time.
    @Test func aLeadNoPodCanTakeIsNotMet() {
        let net = TestNetworks.network(
            agents: 0, leadsPerWeek: 100, handleMinutes: 10, slaMinutes: 60, routing: .rotation(pods: [0], weights: [1]))
        let outcome = Simulation.run(net, Leads.draw(net, seed: 1), order: .earliestDeadline)
        #expect(outcome.channelLeads[0] > 0 && outcome.channelMet[0] == 0)
    }

    /// A pod whose calendar ends before the run does: on the business clock the last leads'
    /// deadlines fall at infinity, beside reps whose last lead runs past the end. The run ends,
    /// and those leads count as missed (it once read an empty event heap and never stopped).
    @Test func deadlinesPastTheCalendarsEndDoNotStopTheRun() {
        let lastDays = Set((TestNetworks.weeks * 7 - 14)..<(TestNetworks.weeks * 7 + 42))
        for routing in [Network.Routing.rotation(pods: [0], weights: [1]), .podQueue(pod: 0)] {
            let net = TestNetworks.network(
                agents: 1, leadsPerWeek: 300, handleMinutes: 20, slaMinutes: 120, routing: routing,
                podCalendar: TestNetworks.weekly(open: 9, close: 17, closed: lastDays), business: true, retryLimit: 2)
            let leads = Leads.draw(net, seed: 3)
            for order in [Simulation.Order.earliestDeadline, .newestFirst] {
                let outcome = Simulation.run(net, leads, order: order)
                #expect(outcome.channelLeads[0] == leads.count)
                // The last two weeks' leads (about 600) are never touched.
                #expect(outcome.channelMet[0] < leads.count - 500, "\(routing) \(order): \(outcome.channelMet[0]) of \(leads.count)")
            }
        }
    }
}
