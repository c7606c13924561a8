import Testing

@testable import HandoffCore

/// A rotation runs over productive reps (SPEC §3.3.2): a pod whose shrinkage leaves it none is
/// passed over, the way a CRM skips a rep who is not working, and its partners take its leads.
/// The plan said "Weekend touches 100% of leads in time" and offered "serve the newest lead
/// first: 100%" as the fix for a pod that touches nothing.
@Suite("Pods without a productive rep")
struct PassedOverTests {
    static func brief(weekendReps: Int, routing: String) -> String {
        TestBriefs.replacing([
            "pods": "pods:\n  - name: East\n    reps: 4\n  - name: Weekend\n    reps: \(weekendReps)\n    shrinkage: 50%",
            "routing": "routing:\n  - name: Rest\n" + routing,
        ])
    }

    @Test func aRotationPassesOverAPodWithNoProductiveRep() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(weekendReps: 1, routing: "    assign: round-robin East, Weekend\n")))
        #expect(plan.sla.pods.map(\.name) == ["East"], "no figures for a pod that receives no leads")
        #expect(
            plan.sla.reasons.contains(
                .passedOver(pod: "Weekend", takenBy: ["East"], cause: .noProductiveRep(reps: 1, shrinkage: 0.5, repsForOne: 2))),
            "\(plan.sla.reasons)")
        // East takes every lead: 200 a week at 15 minutes is 50 hours of work.
        let east = try #require(plan.sla.pods.first)
        #expect(abs(east.workloadHoursPerWeek - 50) < 1e-9, "\(east.workloadHoursPerWeek)")
        #expect(abs(east.simulated.leads - 200 * 26) < 200 * 26 * 0.05, "\(east.simulated.leads)")
    }

    @Test func withAProductiveRepThePodTakesItsShare() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(weekendReps: 2, routing: "    assign: round-robin East, Weekend\n")))
        #expect(plan.sla.pods.map(\.name) == ["East", "Weekend"])
        #expect(!plan.sla.reasons.contains { if case .passedOver = $0 { true } else { false } })
        let east = try #require(plan.sla.pods.first)
        // Round robin over reps: East's 4 of the 6 take two thirds of 50 hours.
        #expect(abs(east.workloadHoursPerWeek - 50 * 4 / 6) < 1e-9, "\(east.workloadHoursPerWeek)")
    }

    /// Its own queue has nobody to pass to: the leads wait for ever, and the pod is in breach.
    @Test func aPodQueueWithNoProductiveRepIsABreach() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(weekendReps: 1, routing: "    assign: pod Weekend\n")))
        let weekend = try #require(plan.sla.pods.first { $0.name == "Weekend" })
        #expect(weekend.status == .breach)
        #expect(weekend.simulated.attainment == 0)
        #expect(weekend.moreAgentsToKeepUp != nil)
        // 50 hours of work in 40 open hours, at most 85% busy: 2 productive reps, 4 at 50%
        // shrinkage. Weekend hours need as many reps as more reps alone: the reps alone are cheaper.
        #expect(weekend.fix?.change == .moreReps, "\(weekend.options)")
        #expect(weekend.fix?.reps == weekend.requiredRepsSimulated)
        #expect((weekend.requiredRepsSimulated ?? 0) >= 4)
    }

    /// The staffing curve passes through the verdict's own figure at today's headcount, and a
    /// headcount with no productive rep touches nothing.
    @Test func theCurveAgreesWithTheVerdict() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(weekendReps: 2, routing: "    assign: round-robin East, Weekend\n")))
        for pod in plan.sla.pods {
            let today = try #require(pod.staffingCurve.first { $0.reps == pod.reps })
            #expect(today.simulated == pod.simulated.attainment, "\(pod.name)")
            for point in pod.staffingCurve where ErlangC.productiveAgents(reps: point.reps, shrinkage: pod.shrinkage) == 0 {
                #expect(point.simulated == 0, "\(pod.name) at \(point.reps)")
            }
        }
    }
}
