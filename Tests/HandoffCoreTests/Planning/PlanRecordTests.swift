import Foundation
import Testing

@testable import HandoffCore

@Suite("Plan records and audit trail")
struct PlanRecordTests {
    @Test func digestIgnoresCommentsWhitespaceAndKeyOrder() throws {
        let a = try #require(TestBriefs.plan(TestBriefs.base))
        let noisy =
            "# a comment\n"
            + TestBriefs.base.replacingOccurrences(of: "goal: pipeline", with: "goal:   pipeline   # why")
            .replacingOccurrences(of: "segment: test\n", with: "") + "\n\nsegment: test\n"
        let b = try #require(TestBriefs.plan(noisy))
        #expect(a.inputsDigest == b.inputsDigest)
        #expect(a.inputsDigest.hasPrefix("sha256:") && a.inputsDigest.count == 71)
        let changed = try #require(TestBriefs.plan(TestBriefs.base.replacingOccurrences(of: "region = EMEA", with: "region = APAC")))
        #expect(changed.inputsDigest != a.inputsDigest)
        let withSample = Planner.plan(a.brief, sampleCSV: "region\nEMEA\n", asOf: TestBriefs.asOf)
        #expect(withSample.inputsDigest != a.inputsDigest)
    }

    @Test func fileNamesFollowSourceDateEpoch() {
        #expect(PlanRecord.fileName(timestamp: 1_764_072_000) == "plan-20251125-120000.json")
        #expect(PlanRecord.fileName(timestamp: 1_764_072_000, sequence: 2) == "plan-20251125-120000-2.json")
        #expect(PlanRecord.iso8601(0) == "1970-01-01T00:00:00Z")
    }

    @Test func recordCarriesTheOrchestratorSchema() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.base))
        let record = PlanRecord.make(plan, timestamp: 1_764_072_000, previous: "plan-20251120-090000.json")
        let keys: [String] = {
            if case .object(let pairs) = record { return pairs.map(\.0) }
            return []
        }()
        #expect(
            keys == [
                "plan_id", "objective", "complexity", "strategy", "stages", "parallelization", "context_passing", "error_handling",
                "success_criteria", "success_metrics", "deliverables", "segment", "inputs_digest", "previous", "created_at", "inputs",
            ])
        #expect(record["strategy"]?.stringValue == "pipeline")
        #expect(record["error_handling"]?["max_retries"] == .integer(2))
        #expect(record["previous"]?.stringValue == "plan-20251120-090000.json")
        let stage = try #require(record["stages"]?.arrayValue?.first)
        #expect(stage["tasks"]?.arrayValue?.first?["agent"]?.stringValue == "revops-director")
        #expect(record["success_metrics"]?.arrayValue?.count == 3)
        // The record reads back for the audit trail.
        let parsed = try #require(AuditTrail.parseRecord(record.serialized(), fileName: "plan-x.json"))
        #expect(parsed.segment == "test" && parsed.inputsDigest == plan.inputsDigest && parsed.createdAt == "2025-11-25T12:00:00Z")
    }

    @Test func diamondRecordHasAMergeGate() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.replacing(["segment": "segment: test\npattern: diamond"])))
        let record = PlanRecord.make(plan, timestamp: 0, previous: nil)
        let groups = try #require(record["parallelization"]?["parallel_groups"]?.arrayValue)
        #expect(groups.contains { $0["group_id"]?.stringValue == "merge-gate" && $0["wait_for"]?.arrayValue?.count == 3 })
        #expect(record["previous"] == .null)
    }

    @Test func auditTrailSaysWhatChanged() throws {
        let first = try #require(TestBriefs.plan(TestBriefs.base))
        let edited =
            TestBriefs.base
            .replacingOccurrences(of: "region = EMEA", with: "region = APAC")
            .replacingOccurrences(of: "response-sla: 2h", with: "response-sla: 1h")
            + "enablement:\n  - asset: New deck\n    owner: PMM\n"
        let second = try #require(
            TestBriefs.plan(
                edited.replacingOccurrences(
                    of: "  - name: Rest\n", with: "  - name: Partners\n    when: source = partner\n    assign: pod West\n  - name: Rest\n"))
        )
        let r1 = try #require(
            AuditTrail.parseRecord(PlanRecord.make(first, timestamp: 100, previous: nil).serialized(), fileName: "plan-a.json"))
        let r2 = try #require(
            AuditTrail.parseRecord(PlanRecord.make(second, timestamp: 200, previous: "plan-a.json").serialized(), fileName: "plan-b.json"))
        let trail = AuditTrail(records: [r2, r1])
        #expect(trail.entries.map(\.record.fileName) == ["plan-a.json", "plan-b.json"])
        #expect(trail.entries[0].changes == [.firstRecord(segment: "test")])
        let changes = trail.entries[1].changes
        #expect(changes.contains(.ruleAdded("Partners")))
        #expect(changes.contains(.ruleChanged(rule: "EMEA", fields: [.when(old: "region = EMEA", new: "region = APAC")])))
        #expect(changes.contains(.slaInput(key: "response-sla", old: "2h", new: "1h")))
        #expect(changes.contains { if case .enablement(_, let added) = $0 { added.contains("New deck (not-started)") } else { false } })
    }

    @Test func foreignFilesAreNotRecords() {
        #expect(AuditTrail.parseRecord("{\"hello\": 1}", fileName: "plan-x.json") == nil)
        #expect(AuditTrail.parseRecord("not json", fileName: "notes.txt") == nil)
    }
}
