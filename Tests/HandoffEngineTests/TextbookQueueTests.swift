import Foundation
import Testing

@testable import HandoffEngine

/// The engine against references that share no code with it: Erlang C written in the test
/// support from its textbook form, and the GI/M/1 rotation figures SPEC §3.3.1 publishes.
@Suite("Textbook queues")
struct TextbookQueueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var agents: Int
        var occupancy: Double
        var handle: Double
        var sla: Double
        var testDescription: String { "\(agents) agents at \(Int(occupancy * 100))%, \(Int(handle))m handle, \(Int(sla))m SLA" }

        /// The case as one pod queue open round the clock, loaded to its occupancy.
        var network: Network {
            TestNetworks.network(
                agents: agents, leadsPerWeek: occupancy * Double(agents) / (handle / 60) * 168, handleMinutes: handle, slaMinutes: sla)
        }
        var load: Double { occupancy * Double(agents) }
    }

    /// A pod queue open round the clock is the M/M/c queue Erlang C describes: within 2 points at
    /// occupancies up to 90%.
    @Test(arguments: [
        Case(agents: 1, occupancy: 0.5, handle: 20, sla: 30), Case(agents: 4, occupancy: 0.6, handle: 15, sla: 10),
        Case(agents: 4, occupancy: 0.9, handle: 15, sla: 30), Case(agents: 8, occupancy: 0.85, handle: 12, sla: 5),
        Case(agents: 20, occupancy: 0.9, handle: 18, sla: 15), Case(agents: 2, occupancy: 0.75, handle: 20, sla: 20),
    ])
    func podQueueAgreesWithErlangC(_ c: Case) {
        let sim = TestNetworks.attainment(c.network, replicas: 12)
        let reference = TestNetworks.textbookServiceLevel(agents: c.agents, load: c.load, slaOverHandle: c.sla / c.handle)
        #expect(abs(sim.mean - reference) <= 0.02, "simulated \(sim.mean) ± \(sim.half), Erlang C \(reference)")
    }

    /// Times to first touch against the textbook M/M/c waiting-time distribution
    /// P(W ≤ t) = 1 − C·e^(−(c−A)·t/h): at the simulated median and p90 the textbook share
    /// touched is within 2 points of 50% and 90% (or, where fewer wait at all, the quantile is 0).
    @Test(arguments: [
        Case(agents: 4, occupancy: 0.6, handle: 15, sla: 10), Case(agents: 4, occupancy: 0.9, handle: 15, sla: 30),
        Case(agents: 20, occupancy: 0.9, handle: 18, sla: 15), Case(agents: 2, occupancy: 0.75, handle: 20, sla: 20),
    ])
    func waitsAgreeWithTheTextbook(_ c: Case) {
        var waits: [Double] = []
        for r in 0..<8 {
            let leads = Leads.draw(c.network, seed: UInt64(r) &* 31 &+ 5)
            waits += Simulation.run(c.network, leads, order: .earliestDeadline, waits: true).waits
        }
        waits.sort()
        for q in [0.5, 0.9] {
            let minutes = waits[Int(q * Double(waits.count))] / 60
            let touched = TestNetworks.textbookServiceLevel(agents: c.agents, load: c.load, slaOverHandle: minutes / c.handle)
            if minutes < 1e-9 {
                #expect(touched >= q - 0.02, "quantile \(q) simulated 0, textbook share touched at once \(touched)")
            } else {
                #expect(abs(touched - q) <= 0.02, "quantile \(q) simulated \(minutes)m, textbook share touched by then \(touched)")
            }
        }
    }

    /// SPEC §3.3.1's worked example: four reps at 60% with a 10-minute SLA and 15-minute handle
    /// time reach 90.1% as one queue and 71.3% as a strict rotation.
    @Test func aRotationIsWorseThanAPodQueue() {
        let leadsPerWeek = 0.6 * 4 / 0.25 * 168
        let pooled = TestNetworks.attainment(
            TestNetworks.network(agents: 4, leadsPerWeek: leadsPerWeek, handleMinutes: 15, slaMinutes: 10), replicas: 12)
        let rotation = TestNetworks.attainment(
            TestNetworks.network(
                agents: 4, leadsPerWeek: leadsPerWeek, handleMinutes: 15, slaMinutes: 10, routing: .rotation(pods: [0], weights: [1])),
            replicas: 12)
        #expect(abs(pooled.mean - 0.901) <= 0.02, "pooled \(pooled.mean)")
        #expect(abs(rotation.mean - 0.713) <= 0.02, "rotation \(rotation.mean)")
    }
}
