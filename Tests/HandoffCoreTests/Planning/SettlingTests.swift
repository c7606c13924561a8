import Foundation
import HandoffEngine
import Testing

@testable import HandoffCore

/// How many replicas a question takes: a yes/no question ("does this pod meet its target here?")
/// is asked at every headcount the search tries, so it must stop as soon as the answer is clear,
/// and never on too little evidence; a figure stops at its precision.
@Suite("Settling a yes/no question")
struct SettlingTests {
    /// Two pods, each with its own channel, linked by a sliver of shared leads into one group:
    /// Calm (10 reps, a light load, 1h SLA) and Busy (3 reps at `busy` leads a week, 10m SLA).
    static func twoPods(busy: Double, busyTarget: Double) -> GroupSimulator? {
        let yaml = TestBriefs.roundTheClock(
            pods: [("Calm", 10), ("Busy", 3)], leadsPerWeek: 500 + busy, handle: "15m", sla: "1h",
            rules: """
                  - name: Calm leads
                    when: region = calm
                    assign: pod Calm
                    share: \(Int((500 / (500 + busy) * 1000).rounded()) / 10)%
                  - name: Busy leads
                    when: region = busy
                    assign: pod Busy
                    response-sla: 10m
                    target-attainment: \(String(format: "%.2f", busyTarget * 100))%
                  - name: Rest
                    assign: round-robin Calm, Busy
                    share: 0.1%
                    target-attainment: 0%

                """)
        return TestBriefs.simulators(yaml).first
    }

    @Test func aPodClearOfItsTargetIsSettledWhateverItsNeighbourDoes() throws {
        // Busy at 85% with its target at its own long-run figure: it straddles it.
        let busy = 0.85 * 3 / 0.25 * 168
        let probe = try #require(Self.twoPods(busy: busy, busyTarget: 0.5))
        let longRun = probe.run(probe.group.today, stop: .fixed(16), for: .verdict).cells[1, 1].attainment
        let sim = try #require(Self.twoPods(busy: busy, busyTarget: longRun))
        let clear = sim.run(sim.group.today, stop: .settled(pod: 0), for: .staffingSearch)
        #expect(clear.replicas == 2, "Calm took \(clear.replicas) replicas")
        let straddling = sim.run(sim.group.today, stop: .settled(pod: 1), for: .staffingSearch)
        #expect(straddling.replicas > 2, "Busy took \(straddling.replicas) replicas: \(straddling.cells[1, 1])")
    }

    @Test func oneChannelClearlyShortAnswersNo() throws {
        // Busy cannot reach 99% at 85% busy with a 10-minute SLA: "no" after two replicas.
        let sim = try #require(Self.twoPods(busy: 0.85 * 3 / 0.25 * 168, busyTarget: 0.99))
        let r = sim.run(sim.group.today, stop: .settled(pod: 1), for: .staffingSearch)
        #expect(r.replicas == 2)
        #expect(r.cells[1, 1].high < 0.99)
    }

    static func solo(leadsPerWeek: Double) throws -> GroupSimulator {
        let yaml = TestBriefs.roundTheClock(
            pods: [("Solo", 10)], leadsPerWeek: leadsPerWeek, handle: "15m", sla: "1h", rules: "  - name: All\n    assign: pod Solo\n")
        return try #require(TestBriefs.simulators(yaml).first)
    }

    @Test func aHandfulOfLeadsAllOnTimeIsNotEnoughForAYes() throws {
        // About ten leads a replica, every one on time: two replicas vary by nothing, but twenty
        // leads cannot show 95% with confidence. Many leads can.
        let few = try Self.solo(leadsPerWeek: 0.4)
        let r = few.run(few.group.today, stop: .settled(pod: 0), for: .staffingSearch)
        #expect(r.pods[0].attainment == 1)
        #expect(r.replicas > 2, "settled after \(r.replicas) replicas of \(r.pods[0].leads) leads")
        let many = try Self.solo(leadsPerWeek: 500)
        #expect(many.run(many.group.today, stop: .settled(pod: 0), for: .staffingSearch).replicas == 2)
    }

    @Test func aChartPointIsPreciseOnTheLeadsItHas() throws {
        // A staffing-curve point, to ±2 points: a big pod is there in two replicas; one of a
        // handful of leads, every one on time, is not, however little its replicas vary.
        let many = try Self.solo(leadsPerWeek: 500)
        #expect(many.run(many.group.today, stop: .curvePoint(pod: 0), for: .staffingCurve).replicas == 2)
        let few = try Self.solo(leadsPerWeek: 0.4)
        let r = few.run(few.group.today, stop: .curvePoint(pod: 0), for: .staffingCurve)
        #expect(r.pods[0].attainment == 1)
        let leads = r.pods[0].leads * Double(r.replicas)
        #expect(r.replicas > 2, "\(r.replicas) replicas of \(r.pods[0].leads) leads")
        // It stops once the leads themselves show ±2 points: 100% of about 135 (worked by hand:
        // 1.96 √(p̃(1 − p̃)/(n + 4)) with p̃ = (n + 2)/(n + 4) falls to 0.02 at n ≈ 135).
        #expect(ReplicaEstimate.binomialHalf(met: leads, of: leads) <= 0.02)
        #expect(leads > 90 && leads < 250, "\(leads)")
    }

    @Test func oneFigureToAPointIgnoresTheOtherPods() throws {
        // A what-if's figure is about one pod: its interval reaches ±1 point without waiting for
        // a busy neighbour's, which a whole-group run must.
        let sim = try #require(Self.twoPods(busy: 0.9 * 3 / 0.25 * 168, busyTarget: 0.5))
        let one = sim.run(sim.group.today, stop: .precise(pod: 0), for: .whatIfFigures)
        let all = sim.run(sim.group.today, stop: .verdict, for: .verdict)
        #expect(one.pods[0].high - one.pods[0].low <= 2 * ReplicaEstimate.precision + 1e-12)
        #expect(one.replicas == StoppingRule.precise(pod: 0).minimum)
        #expect(all.replicas > one.replicas, "the whole group took \(all.replicas) replicas")
    }

    @Test func aConfigurationTriedAgainReusesItsReplicas() throws {
        // A replica's outcome depends only on the configuration and its leads: a second question
        // about the same headcount adds only the replicas it needs beyond the first one's, with
        // the figures a fresh run gives.
        let shared = try Self.solo(leadsPerWeek: 800)
        let config = shared.group.today.withReps(4, pod: 0)
        _ = shared.run(config, stop: .fixed(3), for: .staffingSearch)
        let again = shared.run(config, stop: .fixed(5), for: .staffingCurve)
        #expect(shared.work.replicas(.staffingCurve) == 2, "only the two replicas beyond the first three are run")
        let fresh = try Self.solo(leadsPerWeek: 800)
        let alone = fresh.run(config, stop: .fixed(5), for: .staffingCurve)
        #expect(again.pods[0].attainment == alone.pods[0].attainment)
        #expect(again.pods[0].low == alone.pods[0].low)
    }

    @Test func withoutControlsTheIntervalIsStudentsT() {
        // Published 97.5% quantiles beyond the table: ν = 40, 60, 120 → 2.021, 2.000, 1.980.
        #expect(abs(ReplicaEstimate.studentT975(degreesOfFreedom: 40) - 2.021) < 0.001)
        #expect(abs(ReplicaEstimate.studentT975(degreesOfFreedom: 60) - 2.000) < 0.001)
        #expect(abs(ReplicaEstimate.studentT975(degreesOfFreedom: 120) - 1.980) < 0.001)
        #expect(abs(ReplicaEstimate.studentT975(degreesOfFreedom: 31) - 2.040) < 0.001)
        // Four replicas 0.80, 0.82, 0.84, 0.86 whose controls never vary: s = 0.02582,
        // half = 3.182 × s / 2 = 0.04108 (by hand).
        var e = ReplicaEstimate()
        for y in [0.80, 0.82, 0.84, 0.86] { e.add(y, .none) }
        let (mean, half) = e.interval
        #expect(abs(mean - 0.83) < 1e-12)
        #expect(abs(half - 0.04108) < 0.00005, "\(half)")
    }

    /// The control-variate estimate against an ordinary least-squares fit done outside the
    /// program (numpy's `lstsq` on the same numbers): intercept 0.797482 and its standard error
    /// 0.0012974 with two controls and 10 replicas (7 degrees of freedom); 0.799320 and
    /// 0.0021304 with one control and 5 (3 degrees of freedom).
    @Test func controlVariatesAreTheRegressionIntercept() {
        let y = [0.78, 0.74, 0.83, 0.80, 0.76, 0.85, 0.79, 0.81, 0.77, 0.82]
        let x1 = [0.02, 0.05, -0.03, 0.00, 0.04, -0.06, 0.01, -0.01, 0.03, -0.02]
        let x2 = [0.10, -0.05, -0.02, 0.03, 0.08, -0.04, 0.01, 0.02, -0.06, 0.05]
        var two = ReplicaEstimate()
        for k in y.indices { two.add(y[k], Controls(work: x1[k], afterHours: x2[k])) }
        let (m2, h2) = two.interval
        #expect(abs(m2 - 0.797482) < 1e-6, "\(m2)")
        #expect(abs(h2 - 2.365 * 0.0012974) < 1e-5, "\(h2)")
        var one = ReplicaEstimate()
        for k in 0..<5 { one.add(y[k], Controls(work: x1[k], afterHours: 0)) }
        let (m1, h1) = one.interval
        #expect(abs(m1 - 0.799320) < 1e-6, "\(m1)")
        #expect(abs(h1 - 3.182 * 0.0021304) < 1e-5, "\(h1)")
    }

    /// Stein's two stages: once frozen, the interval keeps the pilot's spread and degrees of
    /// freedom (one fewer, the allowance), and narrows only as replicas add up.
    @Test func aFrozenPilotKeepsItsSpread() {
        var e = ReplicaEstimate()
        for y in [0.80, 0.82, 0.84, 0.86] { e.add(y, .none) }
        e.freeze()
        // s = 0.02582 over the pilot; t with 2 degrees of freedom (4.303); s/√4.
        #expect(abs(e.interval.half - 4.303 * 0.02582 / 2) < 0.0001, "\(e.interval.half)")
        for y in [0.83, 0.83, 0.83, 0.83] { e.add(y, .none) }
        // Eight replicas that barely vary now: the pilot's spread still counts, over √8.
        #expect(abs(e.interval.half - 4.303 * 0.02582 / 8.0.squareRoot()) < 0.0001, "\(e.interval.half)")
        #expect(e.replicasFor(halfWidth: 0.01) > 8)
    }

    @Test func theLeadsOwnUncertaintyIsAgrestiCoull() {
        // 20 of 20: p̃ = 22/24, half = 1.96 √(p̃(1 − p̃)/24) = 0.1106 (worked by hand).
        #expect(abs(ReplicaEstimate.binomialHalf(met: 20, of: 20) - 0.1106) < 0.0005)
        // 800 of 1,000: p̃ = 802/1004, half = 0.0248.
        #expect(abs(ReplicaEstimate.binomialHalf(met: 800, of: 1_000) - 0.0248) < 0.0005)
    }
}

/// The ceiling worked out directly (a lead waits only until its pod opens) against the router
/// simulation with far more reps than leads ever need, on the same leads.
@Suite("The ceiling with unlimited reps")
struct UnlimitedCeilingTests {
    /// A weekday pod fed round the clock (40% of its leads outside its hours), on either clock.
    static func weekdayPod(assign: String, clock: String, slaMinutes: Int) throws -> GroupSimulator {
        let yaml = TestBriefs.replacing([
            "response-sla": "response-sla: \(slaMinutes)m\nsla-clock: \(clock)",
            "volume": "volume:\n  leads-per-week: 300\n  after-hours-share: 40%\n  handle-time: 10m",
            "pods": "pods:\n  - name: Solo\n    reps: 3",
            "routing": "routing:\n  - name: All\n    assign: \(assign)\n",
        ])
        return try #require(TestBriefs.simulators(yaml).first)
    }

    @Test(arguments: [
        ("pod Solo", "calendar", 60), ("pod Solo", "business", 30), ("round-robin Solo", "calendar", 240),
        ("account-owner\n    pod: Solo", "business", 120),
    ])
    func agreesWithARouterOfManyReps(_ assign: String, _ clock: String, _ sla: Int) throws {
        let sim = try Self.weekdayPod(assign: assign, clock: clock, slaMinutes: sla)
        let today = sim.group.today
        #expect(Ceiling.isDirect(sim.group, pod: 0))
        let direct = Ceiling.run(sim, today, pod: 0, replicas: 4)
        // Enough reps that the overnight backlog is touched within seconds of opening.
        let simulated = sim.run(today.withReps(400, pod: 0), stop: .fixed(4), for: .verdict)
        let now = sim.run(today, stop: .fixed(4), for: .verdict)
        #expect(direct.pods[0].attainment >= simulated.pods[0].attainment - 1e-9)
        #expect(
            abs(direct.pods[0].attainment - simulated.pods[0].attainment) <= 0.01,
            "direct \(direct.pods[0]), simulated \(simulated.pods[0])")
        #expect(direct.pods[0].attainment >= now.pods[0].attainment - 1e-9)
        #expect(direct.cells[0, 0].replicas == 4)
    }

    @Test func aRotationSharedWithAnotherPodIsSimulated() throws {
        let shared = TestBriefs.replacing([
            "pods": "pods:\n  - name: A\n    reps: 3\n  - name: B\n    reps: 3",
            "routing": "routing:\n  - name: All\n    assign: round-robin A, B\n",
        ])
        let sim = try #require(TestBriefs.simulators(shared).first)
        #expect(!Ceiling.isDirect(sim.group, pod: 0))
        let solo = TestBriefs.replacing([
            "pods": "pods:\n  - name: A\n    reps: 3\n  - name: B\n    reps: 3",
            "routing": "routing:\n  - name: One\n    when: region = EMEA\n    assign: pod A\n  - name: Two\n    assign: pod B\n",
        ])
        let groups = TestBriefs.simulators(solo)
        #expect(groups.count == 2 && groups.allSatisfy { Ceiling.isDirect($0.group, pod: 0) })
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
