import Foundation
import HandoffEngine
import Testing

@testable import HandoffCore

/// The planner's figures: properties any true model of the calendar has (the engine's own
/// agreement with the textbook queues is HandoffEngineTests').
@Suite("Router simulation")
struct SimulationTests {

    /// Erlang C from the textbook sum, in logs: P(wait) = (A^c/c! · c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c! · c/(c−A)).
    static func textbookErlangC(agents c: Int, load a: Double, slaOverHandle r: Double) -> Double {
        guard Double(c) > a else { return 0 }
        func logTerm(_ k: Int) -> Double { Double(k) * log(a) - lgamma(Double(k) + 1) }
        let top = logTerm(c) + log(Double(c) / (Double(c) - a))
        let terms = (0..<c).map(logTerm) + [top]
        let m = terms.max() ?? 0
        let sum = terms.reduce(0) { $0 + exp($1 - m) }
        let pWait = exp(top - m) / sum
        return 1 - pWait * exp(-(Double(c) - a) * r)
    }

    // MARK: Properties of the planner's figures

    static func brief(_ extra: [String: String], segment: String = "test") -> String {
        TestBriefs.replacing(extra).replacingOccurrences(of: "segment: test", with: "segment: \(segment)")
    }

    @Test func attainmentNeverFallsWithMoreRepsAndTheCeilingIsAbove() throws {
        let plan = try #require(
            TestBriefs.plan(
                TestBriefs.replacing(["volume": "volume:\n  leads-per-week: 300\n  after-hours-share: 20%\n  handle-time: 20m"])))
        for pod in plan.sla.pods {
            let curve = pod.staffingCurve.map(\.simulated)
            for (a, b) in zip(curve, curve.dropFirst()) { #expect(b >= a - 0.01, "\(pod.name): \(curve)") }
            #expect(curve.allSatisfy { $0 <= pod.bestAttainment + 0.01 }, "\(pod.name): ceiling \(pod.bestAttainment), curve \(curve)")
            #expect(pod.simulated.attainment <= pod.bestAttainment + 1e-9)
            #expect(pod.simulated.capped || (pod.simulated.high - pod.simulated.low) / 2 <= 0.01 + 1e-9)
        }
    }

    @Test func aSegmentsNameDoesNotDecideItsVerdict() throws {
        var verdicts: [SLAStatus: Int] = [:]
        for i in 0..<20 {
            let yaml = Self.brief(["volume": "volume:\n  leads-per-week: 330\n  handle-time: 20m"], segment: "name-\(i)")
            let plan = try #require(TestBriefs.plan(yaml))
            verdicts[plan.sla.status, default: 0] += 1
        }
        #expect((verdicts.values.max() ?? 0) >= 19, "\(verdicts)")
    }

    @Test func holidaysLowerAttainment() throws {
        let base = ["volume": "volume:\n  leads-per-week: 300\n  handle-time: 20m"]
        let plain = try #require(TestBriefs.plan(TestBriefs.replacing(base)))
        var withHolidays = base
        withHolidays["hours"] =
            "hours: Mon-Fri 09:00-17:00\nholidays: [2027-03-01, 2027-03-02, 2027-03-03, 2027-04-05, 2027-05-31, 2027-07-05]"
        let closed = try #require(TestBriefs.plan(TestBriefs.replacing(withHolidays)))
        for (a, b) in zip(plain.sla.pods, closed.sla.pods) {
            #expect(b.simulated.attainment < a.simulated.attainment, "\(a.name): \(a.simulated.attainment) → \(b.simulated.attainment)")
            #expect(b.capacityHoursPerWeek < a.capacityHoursPerWeek)
        }
    }

    @Test func aCalendarClockWithAfterHoursLeadsHasACeilingBelowTarget() throws {
        // Leads arrive round the clock; the pod works weekdays; a 30-minute calendar SLA.
        let plan = try #require(
            TestBriefs.plan(
                TestBriefs.replacing([
                    "response-sla": "response-sla: 30m\nsla-clock: calendar",
                    "volume": "volume:\n  leads-per-week: 200\n  after-hours-share: 40%\n  handle-time: 10m",
                ])))
        for pod in plan.sla.pods {
            #expect(pod.requiredRepsSimulated == nil && pod.bestAttainment < 0.9, "\(pod.name): \(pod.bestAttainment)")
            #expect(pod.reasons.contains { if case .noHeadcountReaches = $0 { true } else { false } })
            #expect(pod.options.contains { $0.change == .businessClock })
        }
    }

    @Test func anOverloadedPodSaysHowManyMoreRepsJustToKeepUp() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.replacing(["volume": "volume:\n  leads-per-week: 1200\n  handle-time: 20m"])))
        // 1,200 leads × 20m = 400 h a week; East gets 2/3 through the even split and reps.
        let east = try #require(plan.sla.pods.first { $0.name == "East" })
        #expect(east.utilisation >= 1 && east.status == .breach)
        let hoursPerRep = east.capacityHoursPerWeek / Double(east.agents)
        let needed = Int((east.workloadHoursPerWeek / hoursPerRep).rounded(.down)) + 1
        #expect(east.moreAgentsToKeepUp == needed - east.agents)
    }
}

/// The planner's ceiling and required reps against figures worked out here by hand: an
/// after-hours lead on the calendar clock is in time with unlimited reps only if the pod opens
/// within the SLA, and a pod open round the clock needs what the textbook Erlang C asks for,
/// and no more than 85% busy.
@Suite("Advice against independent figures")
struct AdviceReferenceTests {
    static func brief(hours: String, afterHours: Int, sla: String, clock: String, leads: Int, handle: Int, reps: Int, target: Int = 90)
        -> String
    {
        """
        segment: reference
        goal: pipeline
        response-sla: \(sla)
        sla-clock: \(clock)
        target-attainment: \(target)%
        launch: 2027-03-01
        timezone: UTC
        hours: \(hours)
        funnel:
          - stage: MQL
            definition: Score over 60
        qualification:
          - ICP fit
        volume:
          leads-per-week: \(leads)
          after-hours-share: \(afterHours)%
          handle-time: \(handle)m
        pods:
          - name: Solo
            reps: \(reps)
        routing:
          - name: Everyone
            assign: pod Solo

        """
    }

    @Test(arguments: [(40, 30), (25, 60), (60, 15)])
    func theCeilingOfAWeekdayPodOnTheCalendarClock(_ afterHours: Int, _ slaMinutes: Int) throws {
        let yaml = Self.brief(
            hours: "Mon-Fri 09:00-17:00", afterHours: afterHours, sla: "\(slaMinutes)m", clock: "calendar", leads: 200, handle: 10, reps: 3)
        let plan = try #require(TestBriefs.plan(yaml))
        let pod = try #require(plan.sla.pods.first)
        // In-window leads are touched at once; an after-hours lead only if an opening (five a
        // week) comes within the SLA, out of 128 after-hours hours.
        let share = Double(afterHours) / 100
        let expected = (1 - share) + share * 5 * (Double(slaMinutes) / 60) / 128
        #expect(abs(pod.bestAttainment - expected) <= 0.015, "ceiling \(pod.bestAttainment), by hand \(expected)")
        #expect(pod.requiredRepsSimulated == nil)
    }

    @Test(arguments: [(300, 20, 15), (600, 15, 10), (150, 30, 60), (1000, 12, 5)])
    func requiredRepsOfAPodOpenRoundTheClock(_ leads: Int, _ handle: Int, _ sla: Int) throws {
        let yaml = Self.brief(
            hours: "Mon-Sun 00:00-24:00", afterHours: 0, sla: "\(sla)m", clock: "calendar", leads: leads, handle: handle, reps: 2)
        let plan = try #require(TestBriefs.plan(yaml))
        let pod = try #require(plan.sla.pods.first)
        let load = Double(leads) / 168 * Double(handle) / 60
        var erlang = Int(load) + 1
        while SimulationTests.textbookErlangC(agents: erlang, load: load, slaOverHandle: Double(sla) / Double(handle)) < 0.9 { erlang += 1 }
        let busy = Int((load / 0.85).rounded(.up))
        let expected = max(erlang, busy)
        let found = try #require(pod.requiredRepsSimulated)
        #expect(abs(found - expected) <= 1, "simulated \(found), by hand \(expected) (Erlang C \(erlang), 85% busy \(busy))")
        #expect(pod.bestAttainment > 0.99)
    }
}
