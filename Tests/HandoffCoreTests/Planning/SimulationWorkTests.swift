import Foundation
import Testing

@testable import HandoffCore

/// The tally behind `handoff build --timings`: every lead a brief's simulations routed, by what
/// the run was for, against a single 26-week run of the brief.
@Suite("Simulation work")
struct SimulationWorkTests {
    static let breach = TestBriefs.replacing([
        "volume": "volume:\n  leads-per-week: 400\n  handle-time: 15m",
        "pods": "pods:\n  - name: East\n    reps: 12\n  - name: West\n    reps: 1",
        "routing": "routing:\n  - name: Rest\n    assign: round-robin East, West\n    weights: East 50%, West 50%",
    ])

    static func routing(_ brief: Brief) -> RoutingBlueprint {
        var findings: [Finding] = []
        return RoutingBlueprint.plan(brief, sample: nil, findings: &findings)
    }

    func planned(_ yaml: String) throws -> (SLAModel, SimulationWork) {
        let brief = try #require(TestBriefs.brief(yaml))
        let routing = Self.routing(brief)
        var work = SimulationWork()
        let model = SLAModel.plan(brief, routing: routing, work: &work)
        return (model, work)
    }

    @Test func everyRunIsCountedUnderItsPurpose() throws {
        let (model, work) = try planned(Self.breach)
        #expect(model.status == .breach)
        #expect(work.total == SimulationWork.Purpose.allCases.map(work.leads).reduce(0, +))
        // One group (the rotation links both pods): its verdict runs are whole replicas of about
        // 400 × 26 leads each, at least the minimum number of them.
        #expect(abs(Double(work.oneReplica) - 400 * 26) < 400 * 26 * 0.05, "\(work.oneReplica)")
        let verdict = work.replicas(.verdict)
        #expect(verdict >= StoppingRule.verdict.minimum)
        let perReplica = Double(work.leads(.verdict)) / Double(verdict)
        #expect(abs(perReplica - Double(work.oneReplica)) < Double(work.oneReplica) * 0.05)
        // A pod in breach is searched for the reps it needs, and its curve drawn.
        #expect(work.leads(.staffingSearch) > 0)
        // The curve's points are simulated (today's is the verdict's own run, and a headcount the
        // search already tried reuses its replicas).
        #expect(work.leads(.staffingCurve) > 0)
        #expect(work.replicas(.newestFirst) > 0)
        // Every what-if figure but newest first (its own run's) is simulated again to ±1 point.
        // A replica is counted once, under the purpose that ran it first: a change the search
        // or the plan already ran at the same staffing reuses those replicas.
        let options = model.pods.flatMap(\.options).filter { $0.change != .newestFirst && $0.change != .moreReps }
        #expect(!options.isEmpty)
        #expect(work.replicas(.whatIfFigures) >= StoppingRule.precise(pod: 0).minimum)
    }

    @Test func countingChangesNoFigure() throws {
        let brief = try #require(TestBriefs.brief(Self.breach))
        let routing = Self.routing(brief)
        let (counted, work) = try planned(Self.breach)
        let plain = SLAModel.plan(brief, routing: routing)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        #expect(try encoder.encode(counted) == encoder.encode(plain))
        // The same brief routes the same leads every time.
        #expect(try planned(Self.breach).1 == work)
    }

    @Test func aSegmentThatMeetsItsTargetNeedsNoFix() throws {
        let (model, work) = try planned(TestBriefs.base)
        #expect(model.status == .meets, "\(model.reasons)")
        #expect(work.leads(.whatIfFigures) == 0)
        #expect(work.leads(.verdict) > 0)
    }
}
