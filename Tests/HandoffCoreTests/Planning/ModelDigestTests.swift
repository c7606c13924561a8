import Foundation
import Testing

@testable import HandoffCore

/// The SLA model is kept under the inputs the simulation reads: a change to a title, the funnel
/// or the kit is a new version but the same model; a change to anything the simulation reads is
/// a new model.
@Suite struct ModelDigestTests {
    static let words = """
        title: Words before
        owner: Dana
        goal: pipeline
        funnel:
          - stage: MQL
            definition: Score over 60
        qualification:
          - ICP fit
        scoring:
          threshold: 60
          max: 100
        enablement:
          - asset: Discovery questions
            kind: talk-track
        dependencies:
          - name: Lead score live
            kind: scoring
        delivery-sla: 15m
        acceptance:
          accept-sla: 1d
          reject-reasons: [Not a fit]
        pattern: pipeline
        fields: [region]

        """

    static let otherWords = """
        title: Words after
        owner: Sam
        goal: expansion
        funnel:
          - stage: MQL
            definition: Score over 70
          - stage: SQL
            definition: Discovery held
        qualification:
          - ICP fit
          - Budget
        scoring:
          threshold: 70
          max: 100
        enablement:
          - asset: Pricing sheet
            kind: collateral
        dependencies:
          - name: Enrichment live
            kind: integration
        delivery-sla: 30m
        acceptance:
          accept-sla: 2d
          reject-reasons: [Duplicate]
        pattern: diamond
        fields: [region, employees]

        """

    static func brief(_ words: String, reps: Int = 4) -> Brief? {
        let base = TestBriefs.base.replacingOccurrences(of: "goal: pipeline\n", with: "")
            .replacingOccurrences(of: "funnel:\n  - stage: MQL\n    definition: Score over 60\n", with: "")
            .replacingOccurrences(of: "qualification:\n  - ICP fit\n", with: "")
            .replacingOccurrences(of: "    reps: 4\n", with: "    reps: \(reps)\n")
        return TestBriefs.brief(base + words)
    }

    @Test func wordsChangeTheVersionButNotTheModel() throws {
        let a = try #require(Self.brief(Self.words))
        let b = try #require(Self.brief(Self.otherWords))
        #expect(PlanDigest.digest(a.tree, sampleCSV: nil) != PlanDigest.digest(b.tree, sampleCSV: nil))
        #expect(PlanDigest.modelDigest(a.tree, sampleCSV: nil) == PlanDigest.modelDigest(b.tree, sampleCSV: nil))
        // The claim itself: both briefs simulate to the same model, byte for byte.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var findings: [Finding] = []
        let modelA = try encoder.encode(SLAModel.plan(a, routing: RoutingBlueprint.plan(a, sample: nil, findings: &findings)))
        let modelB = try encoder.encode(SLAModel.plan(b, routing: RoutingBlueprint.plan(b, sample: nil, findings: &findings)))
        #expect(modelA == modelB)
    }

    @Test func whatTheSimulationReadsChangesTheModel() throws {
        let a = try #require(Self.brief(Self.words))
        let c = try #require(Self.brief(Self.words, reps: 5))
        #expect(PlanDigest.modelDigest(a.tree, sampleCSV: nil) != PlanDigest.modelDigest(c.tree, sampleCSV: nil))
        #expect(PlanDigest.modelDigest(a.tree, sampleCSV: nil) != PlanDigest.modelDigest(a.tree, sampleCSV: "region\nEMEA\n"))
    }
}
