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
        // Shown, not dropped: its reps and why it receives nothing.
        #expect(plan.sla.idlePods.map(\.name) == ["Weekend"])
        #expect(plan.sla.idlePods.first?.reps == 1 && plan.sla.idlePods.first?.agents == 0)
        #expect(
            plan.sla.idlePods.first?.cause
                == .passedOver(takenBy: ["East"], cause: .noProductiveRep(reps: 1, shrinkage: 0.5, repsForOne: 2)))
        // One truth for lead shares, the router's: the rules' split gave Weekend 1/5 (by reps).
        #expect(plan.routing.podShares.first { $0.pod == "Weekend" }.map { abs($0.share - 0.2) < 1e-9 } == true)
        #expect(plan.sla.podShares.map(\.pod) == ["East", "Weekend"])
        #expect(plan.sla.podShares.map(\.share) == [1, 0])
        #expect(plan.sla.pods.first?.share == 1)
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

    /// SPEC §3.2: a rotation between a weekday pod and one that works Saturday and Sunday gives
    /// each the leads arriving while it is open. With no after-hours leads, all 200 arrive
    /// Mon–Fri 09:00–17:00, when only East is open, so the router's split is East 100%, whatever
    /// the rules' 4:2 split by reps says.
    @Test func leadSharesAreTheRoutersWhereThePodsHoursDiffer() throws {
        let yaml = TestBriefs.replacing([
            "pods": "pods:\n  - name: East\n    reps: 4\n  - name: Weekend\n    reps: 2\n    hours: Sat-Sun 09:00-17:00",
            "routing": "routing:\n  - name: Rest\n    assign: round-robin East, Weekend\n",
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        let nominal = Dictionary(uniqueKeysWithValues: plan.routing.podShares.map { ($0.pod, $0.share) })
        #expect(abs((nominal["Weekend"] ?? 0) - 2.0 / 6) < 1e-9)
        #expect(plan.sla.podShares.map(\.share) == [1, 0])
        #expect(
            plan.sla.idlePods.first?.cause
                == .passedOver(
                    takenBy: ["East"],
                    cause: .closedWhenLeadsArrive(
                        hours: try WeeklyHours.parse("Sat-Sun 09:00-17:00").get(), zone: "America/New_York")))
    }

    /// SPEC §3.2: a reachable rule that gets 0% because the shares stated for the others
    /// already sum to 100% is a warning, and so is the pod it was meant to feed; the pod is still
    /// listed with its reps.
    @Test func aRuleWithNothingLeftGetsAWarningAndSoDoesItsPod() throws {
        let yaml = TestBriefs.replacing([
            "pods": "pods:\n  - name: East\n    reps: 4\n  - name: Strategic\n    reps: 2",
            "routing": """
            routing:
              - name: Big EMEA
                when: region = EMEA and employees >= 5000
                assign: pod Strategic
              - name: EMEA
                when: region = EMEA
                assign: pod East
                share: 30%
              - name: Rest
                assign: pod East
                share: 70%

            """,
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        #expect(plan.routing.rows[0].isReachable && plan.routing.rows[0].share == 0)
        #expect(plan.findings.contains { $0.kind == .ruleGetsNoLeads(rule: "Big EMEA") && $0.severity == .warning })
        #expect(plan.findings.contains { $0.kind == .podGetsNoLeads(pod: "Strategic", rules: ["Big EMEA"]) })
        #expect(plan.routing.idlePods == ["Strategic"])
        #expect(plan.sla.idlePods.map(\.name) == ["Strategic"])
        #expect(plan.sla.idlePods.first?.cause == .rulesGetNoShare(rules: ["Big EMEA"]))
        #expect(plan.sla.idlePods.first?.reps == 2)
    }
}
