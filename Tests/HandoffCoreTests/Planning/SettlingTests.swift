import Foundation
import Testing

@testable import HandoffCore

/// How many replicas a yes/no question ("does this pod meet its target here?") takes: the
/// staffing search asks it at every headcount it tries, so it must stop as soon as the answer
/// is clear, and never on too little evidence.
@Suite("Settling a yes/no question")
struct SettlingTests {
    /// Two pods, each fed by its own channel round the clock.
    static func twoPods(light: Double, busy: Double, busyTarget: Double) -> RouterNetwork {
        var a = SimulationTests.network(agents: 10, leadsPerWeek: light, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        let b = SimulationTests.network(agents: 3, leadsPerWeek: busy, handleMinutes: 15, slaMinutes: 10, routing: .podQueue(pod: 1))
        a.pods.append(b.pods[0])
        var channel = b.channels[0]
        channel.rule = "Busy"
        channel.target = busyTarget
        a.channels.append(channel)
        return a
    }

    @Test func aPodClearOfItsTargetIsSettledWhateverItsNeighbourDoes() {
        // Pod 1 at 85% busy with its target set at its own long-run figure: it straddles it.
        var net = Self.twoPods(light: 500, busy: 0.85 * 3 / 0.25 * 168, busyTarget: 0.5)
        var run = ReplicatedRun(segment: "settle", network: net)
        net.channels[1].target = run.run(net, order: .earliestDeadline, stop: .replicas(16)).channels[1].attainment
        let clear = run.run(net, order: .earliestDeadline, stop: .clearOfTargets(pod: 0))
        #expect(clear.replicas == 2, "pod 0 took \(clear.replicas) replicas")
        #expect(clear.cells[0].low >= 0.9)
        let straddling = run.run(net, order: .earliestDeadline, stop: .clearOfTargets(pod: 1))
        #expect(straddling.replicas > 2, "pod 1 took \(straddling.replicas) replicas")
    }

    @Test func oneChannelClearlyShortAnswersNo() {
        // Pod 1 cannot reach 99% at 85% busy with a 10-minute SLA: "no" after two replicas.
        let net = Self.twoPods(light: 500, busy: 0.85 * 3 / 0.25 * 168, busyTarget: 0.99)
        var run = ReplicatedRun(segment: "short", network: net)
        let r = run.run(net, order: .earliestDeadline, stop: .clearOfTargets(pod: 1))
        #expect(r.replicas == 2)
        #expect(r.cells[3].high < 0.99)
    }

    @Test func aHandfulOfLeadsAllOnTimeIsNotEnoughForAYes() {
        // About ten leads a replica, every one on time: two replicas vary by nothing, but twenty
        // leads cannot show 95% with confidence. Many leads can.
        let few = SimulationTests.network(agents: 10, leadsPerWeek: 0.4, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        var fewRun = ReplicatedRun(segment: "few", network: few)
        let r = fewRun.run(few, order: .earliestDeadline, stop: .clearOfTargets(pod: 0))
        #expect(r.pods[0].attainment == 1)
        #expect(r.replicas > 2, "settled after \(r.replicas) replicas of \(r.pods[0].leads) leads")
        let many = SimulationTests.network(agents: 10, leadsPerWeek: 500, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        var manyRun = ReplicatedRun(segment: "many", network: many)
        #expect(manyRun.run(many, order: .earliestDeadline, stop: .clearOfTargets(pod: 0)).replicas == 2)
    }

    @Test func theLeadsOwnUncertaintyIsAgrestiCoull() {
        // 20 of 20: p̃ = 22/24, half = 1.96 √(p̃(1 − p̃)/24) = 0.1106 (worked by hand).
        #expect(abs(ReplicatedRun.binomialHalf(met: 20, of: 20) - 0.1106) < 0.0005)
        // 800 of 1,000: p̃ = 802/1004, half = 0.0248.
        #expect(abs(ReplicatedRun.binomialHalf(met: 800, of: 1_000) - 0.0248) < 0.0005)
    }
}
