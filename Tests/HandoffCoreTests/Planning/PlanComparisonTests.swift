import Testing

@testable import HandoffCore

/// The routing diff of `handoff diff`: each kind of rule change, and leads that move.
@Suite("Plan comparison")
struct PlanComparisonTests {
    @Test func eachKindOfRuleChange() {
        let changes = PlanComparison.ruleChanges(
            ["A", "B", "C", "D"], ["D", "A", "B", "E"],
            inputs: [
                .changed(field: "routing[B].when", old: "x = 1", new: "x = 2"), .changed(field: "routing[Bee].when", old: "1", new: "2"),
            ])
        #expect(
            changes == [
                .added(rule: "E", position: 4), .removed(rule: "C", position: 3),
                .moved(rule: "D", from: 4, to: 1, passed: ["A", "B"], shareBefore: nil, shareAfter: nil),
                .changed(rule: "B", fields: [.changed(field: "routing[B].when", old: "x = 1", new: "x = 2")]),
            ])
        #expect(PlanComparison.ruleChanges(["A", "B"], ["A", "B"], inputs: []).isEmpty)
        // A swap is one move: the rule that jumped ahead.
        #expect(
            PlanComparison.ruleChanges(["A", "B"], ["B", "A"], inputs: []) == [
                .moved(rule: "B", from: 2, to: 1, passed: ["A"], shareBefore: nil, shareAfter: nil)
            ])
    }

    /// SPEC §4: a simulated figure changed only when its two 95% intervals do not overlap.
    @Test func changeBeyondNoiseIsWhenTheIntervalsDoNotOverlap() {
        func figures(_ mean: Double, _ half: Double) -> PlanComparison.Figures {
            .init(status: .meets, simulatedAttainment: mean, low: mean - half, high: mean + half, target: 0.8, requiredReps: 3, reps: 3)
        }
        func delta(_ a: PlanComparison.Figures?, _ b: PlanComparison.Figures?) -> PlanComparison.PodDelta {
            .init(pod: "East", channel: nil, before: a, after: b)
        }
        #expect(!delta(figures(0.740, 0.009), figures(0.743, 0.009)).attainmentChanged, "74% → 74.3% is noise")
        #expect(delta(figures(0.740, 0.009), figures(0.770, 0.009)).attainmentChanged)
        #expect(!delta(figures(0.740, 0.010), figures(0.760, 0.010)).attainmentChanged, "touching intervals overlap")
        #expect(!delta(nil, figures(0.9, 0.01)).attainmentChanged, "a new pod is not a change of figure")
    }

    @Test func sampleLeadsThatMoveAreGroupedMostFirst() throws {
        let before = try #require(TestBriefs.plan(TestBriefs.base))
        let after = try #require(
            TestBriefs.plan(
                TestBriefs.base.replacingOccurrences(
                    of: "  - name: Rest\n", with: "  - name: APAC\n    when: region = APAC\n    assign: pod West\n  - name: Rest\n")))
        let csv = "region\nEMEA\nAPAC\nAPAC\nNA\n"
        let (moves, rows) = PlanComparison.moves(csv, before.brief.routing, after.brief.routing)
        #expect(rows == 4)
        #expect(
            moves == [
                .init(count: 2, fromRule: "Rest", fromOwner: "round-robin East, West", toRule: "APAC", toOwner: "pod West")
            ])
        let comparison = PlanComparison(base: [before], head: [after], sampleCSV: ["test": csv])
        let segment = try #require(comparison.segments.first)
        #expect(segment.isChanged && segment.sampleRows == 4 && segment.rules == [.added(rule: "APAC", position: 2)])
        #expect(segment.pods.contains { $0.pod == "West" && $0.channel == "APAC" && $0.before == nil && $0.after != nil })
        #expect(segment.base?.approval.readiness == segment.head?.approval.readiness)
    }
}
