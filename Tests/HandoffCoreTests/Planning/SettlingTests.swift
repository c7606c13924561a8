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
        net.channels[1].target = run.run(net, order: .earliestDeadline, stop: .replicas(16), for: .verdict).channels[1].attainment
        let clear = run.run(net, order: .earliestDeadline, stop: .clearOfTargets(pod: 0), for: .staffingSearch)
        #expect(clear.replicas == 2, "pod 0 took \(clear.replicas) replicas")
        #expect(clear.cells[0].low >= 0.9)
        let straddling = run.run(net, order: .earliestDeadline, stop: .clearOfTargets(pod: 1), for: .staffingSearch)
        #expect(straddling.replicas > 2, "pod 1 took \(straddling.replicas) replicas")
    }

    @Test func oneChannelClearlyShortAnswersNo() {
        // Pod 1 cannot reach 99% at 85% busy with a 10-minute SLA: "no" after two replicas.
        let net = Self.twoPods(light: 500, busy: 0.85 * 3 / 0.25 * 168, busyTarget: 0.99)
        var run = ReplicatedRun(segment: "short", network: net)
        let r = run.run(net, order: .earliestDeadline, stop: .clearOfTargets(pod: 1), for: .staffingSearch)
        #expect(r.replicas == 2)
        #expect(r.cells[3].high < 0.99)
    }

    @Test func aHandfulOfLeadsAllOnTimeIsNotEnoughForAYes() {
        // About ten leads a replica, every one on time: two replicas vary by nothing, but twenty
        // leads cannot show 95% with confidence. Many leads can.
        let few = SimulationTests.network(agents: 10, leadsPerWeek: 0.4, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        var fewRun = ReplicatedRun(segment: "few", network: few)
        let r = fewRun.run(few, order: .earliestDeadline, stop: .clearOfTargets(pod: 0), for: .staffingSearch)
        #expect(r.pods[0].attainment == 1)
        #expect(r.replicas > 2, "settled after \(r.replicas) replicas of \(r.pods[0].leads) leads")
        let many = SimulationTests.network(agents: 10, leadsPerWeek: 500, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        var manyRun = ReplicatedRun(segment: "many", network: many)
        #expect(manyRun.run(many, order: .earliestDeadline, stop: .clearOfTargets(pod: 0), for: .staffingSearch).replicas == 2)
    }

    @Test func aChartPointIsPreciseOnTheLeadsItHas() {
        // A staffing-curve point: a big pod is within ±1 point in two replicas; one of a handful
        // of leads, every one on time, is not, however little its replicas vary.
        let many = SimulationTests.network(agents: 10, leadsPerWeek: 500, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        var manyRun = ReplicatedRun(segment: "many", network: many)
        #expect(manyRun.run(many, order: .earliestDeadline, stop: .chartPoint(pod: 0), for: .staffingCurve).replicas == 2)
        let few = SimulationTests.network(agents: 10, leadsPerWeek: 0.4, handleMinutes: 15, slaMinutes: 60, routing: .podQueue(pod: 0))
        var fewRun = ReplicatedRun(segment: "few", network: few)
        let r = fewRun.run(few, order: .earliestDeadline, stop: .chartPoint(pod: 0), for: .staffingCurve)
        #expect(r.pods[0].attainment == 1)
        let leads = r.pods[0].leads * Double(r.replicas)
        #expect(r.replicas > 2, "\(r.replicas) replicas of \(r.pods[0].leads) leads")
        // It stops once the leads themselves show ±1 point: 100% of about 270 (worked by hand:
        // 1.96 √(p̃(1 − p̃)/(n + 4)) with p̃ = (n + 2)/(n + 4) falls to 0.01 at n ≈ 270).
        #expect(ReplicatedRun.binomialHalf(met: leads, of: leads) <= 0.01)
        #expect(leads > 200 && leads < 400, "\(leads)")
    }

    @Test func oneFigureToAPointIgnoresTheOtherPods() {
        // The fix's figure is about one pod: its interval reaches ±1 point without waiting for a
        // busy neighbour's, which a whole-group run must.
        let net = Self.twoPods(light: 500, busy: 0.9 * 3 / 0.25 * 168, busyTarget: 0.5)
        var run = ReplicatedRun(segment: "focus", network: net)
        let one = run.run(net, order: .earliestDeadline, stop: .preciseAt(pod: 0), for: .verdict)
        let all = run.run(net, order: .earliestDeadline, stop: .precise, for: .verdict)
        #expect(one.pods[0].high - one.pods[0].low <= 2 * ReplicatedRun.precision + 1e-12)
        #expect(one.replicas == ReplicatedRun.minimumReplicas)
        #expect(all.replicas > one.replicas, "the whole group took \(all.replicas) replicas")
    }

    @Test func aHeadcountTriedAgainReusesItsReplicas() {
        // The same network at the same headcount: a replica's outcome depends only on the network
        // and its seed, so a second question reuses the first one's replicas and adds only the
        // ones it needs beyond them, with the figures a fresh run gives.
        let net = SimulationTests.network(agents: 4, leadsPerWeek: 800, handleMinutes: 15, slaMinutes: 30, routing: .podQueue(pod: 0))
        var shared = ReplicatedRun(segment: "reuse", network: net)
        let agents = net.pods.map(\.agents)
        _ = shared.run(net, order: .earliestDeadline, stop: .replicas(3), for: .staffingSearch, staffing: agents)
        let before = shared.work.total
        let again = shared.run(net, order: .earliestDeadline, stop: .replicas(5), for: .staffingCurve, staffing: agents)
        #expect(shared.work.replicas(.staffingCurve) == 2, "only the two replicas beyond the first three are run")
        #expect(shared.work.total > before)
        var fresh = ReplicatedRun(segment: "reuse", network: net)
        let alone = fresh.run(net, order: .earliestDeadline, stop: .replicas(5), for: .staffingCurve)
        #expect(again.pods[0].attainment == alone.pods[0].attainment)
        #expect(again.pods[0].low == alone.pods[0].low)
    }

    @Test func intervalsUseStudentsT() {
        // Published 97.5% quantiles beyond the table: ν = 40, 60, 120 → 2.021, 2.000, 1.980.
        #expect(abs(ReplicatedRun.studentT975(degreesOfFreedom: 40) - 2.021) < 0.001)
        #expect(abs(ReplicatedRun.studentT975(degreesOfFreedom: 60) - 2.000) < 0.001)
        #expect(abs(ReplicatedRun.studentT975(degreesOfFreedom: 120) - 1.980) < 0.001)
        #expect(abs(ReplicatedRun.studentT975(degreesOfFreedom: 31) - 2.040) < 0.001)
        // Four replicas 0.80, 0.82, 0.84, 0.86: s = 0.02582, half = 3.182 × s / 2 = 0.04108 (by hand).
        let (mean, half) = ReplicatedRun.interval([0.80, 0.82, 0.84, 0.86])
        #expect(abs(mean - 0.83) < 1e-12)
        #expect(abs(half - 0.04108) < 0.00005, "\(half)")
    }

    @Test func theLeadsOwnUncertaintyIsAgrestiCoull() {
        // 20 of 20: p̃ = 22/24, half = 1.96 √(p̃(1 − p̃)/24) = 0.1106 (worked by hand).
        #expect(abs(ReplicatedRun.binomialHalf(met: 20, of: 20) - 0.1106) < 0.0005)
        // 800 of 1,000: p̃ = 802/1004, half = 0.0248.
        #expect(abs(ReplicatedRun.binomialHalf(met: 800, of: 1_000) - 0.0248) < 0.0005)
    }
}

/// The ceiling worked out directly (a lead waits only until its pod opens) against the router
/// simulation with far more reps than leads ever need, on the same leads.
@Suite("The ceiling with unlimited reps")
struct UnlimitedCeilingTests {
    static let weekdays = try! WeeklyHours.parse("Mon-Fri 09:00-17:00").get()

    /// A weekday pod fed round the clock, on either clock.
    static func weekdayPod(routing: RouterNetwork.Routing, clock: Brief.SLAClock, slaMinutes: Int) -> RouterNetwork {
        var net = SimulationTests.network(agents: 3, leadsPerWeek: 300, handleMinutes: 10, slaMinutes: slaMinutes, routing: routing)
        net.pods[0].calendar = OpenIntervals(
            hours: weekdays, zone: SimulationTests.utc, firstDay: SimulationTests.start.adding(days: -1), days: 26 * 7 + 43)
        net.channels[0].clock = clock
        return net
    }

    @Test(arguments: [
        (RouterNetwork.Routing.podQueue(pod: 0), Brief.SLAClock.calendar, 60),
        (.podQueue(pod: 0), .business, 30),
        (.rotation(pods: [0], weights: [1]), .calendar, 240),
        (.accountOwner(pod: 0), .business, 120),
    ])
    func agreesWithARouterOfManyReps(_ routing: RouterNetwork.Routing, _ clock: Brief.SLAClock, _ sla: Int) throws {
        let net = Self.weekdayPod(routing: routing, clock: clock, slaMinutes: sla)
        var run = ReplicatedRun(segment: "ceiling", network: net)
        let ceiling = run.unlimitedCeiling(net, pod: 0, replicas: 4)
        let direct = try #require(ceiling)
        // Enough reps that the overnight backlog is touched within seconds of opening.
        var many = net
        many.pods[0].agents = 400
        let simulated = run.run(many, order: .earliestDeadline, stop: .replicas(4), for: .verdict)
        let today = run.run(net, order: .earliestDeadline, stop: .replicas(4), for: .verdict)
        #expect(direct.pods[0].attainment >= simulated.pods[0].attainment - 1e-9)
        #expect(
            abs(direct.pods[0].attainment - simulated.pods[0].attainment) <= 0.01,
            "direct \(direct.pods[0]), simulated \(simulated.pods[0])")
        #expect(direct.pods[0].attainment >= today.pods[0].attainment - 1e-9)
        #expect(direct.cells[0].replicas == 4)
    }

    @Test func aRotationSharedWithAnotherPodIsSimulated() {
        var net = SimulationTests.network(
            agents: 3, leadsPerWeek: 300, handleMinutes: 10, slaMinutes: 60, routing: .rotation(pods: [0, 1], weights: [1, 1]))
        net.pods.append(net.pods[0])
        #expect(!ReplicatedRun.hasDirectCeiling(net, pod: 0))
        var solo = net
        solo.channels[0].routing = .podQueue(pod: 1)
        #expect(ReplicatedRun.hasDirectCeiling(solo, pod: 0))
        #expect(ReplicatedRun.hasDirectCeiling(solo, pod: 1))
    }
}

/// The staffing search at its edges: no headcount has any productive time.
@Suite("Required reps at the edges")
struct RequiredRepsEdgeTests {
    @Test func allShrinkageNeedsNoSearchAndIsABreach() throws {
        let yaml = AdviceReferenceTests.brief(
            hours: "Mon-Fri 09:00-17:00", afterHours: 0, sla: "1h", clock: "business", leads: 100, handle: 10, reps: 3
        ).replacingOccurrences(of: "reps: 3\n", with: "reps: 3\n    shrinkage: 100%\n")
        let plan = try #require(TestBriefs.plan(yaml))
        let pod = try #require(plan.sla.pods.first)
        #expect(pod.agents == 0)
        #expect(pod.requiredRepsSimulated == nil)
        #expect(pod.status == .breach)
    }
}
