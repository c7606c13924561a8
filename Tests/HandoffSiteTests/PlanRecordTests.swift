import Foundation
import HandoffCore
import Testing

@testable import HandoffSite

/// The plan record in the orchestrator schema, from the plan's one stage table.
@Suite("Plan records")
struct PlanRecordTests {
    static func plan(_ extra: String = "") throws -> HandoffPlan {
        let (brief, diagnostics) = BriefDecoder.decode(YAMLLiteParser.parse(text: Fixtures.brief(extra: extra), file: "t.yml"))
        let decoded = try #require(brief, "\(diagnostics.map(\.headline))")
        return Planner.plan(decoded, asOf: CalendarDate(year: 2026, month: 11, day: 25)!)
    }

    static func json(_ record: PlanRecord) throws -> JSONValue { try JSONValueEncoder().encode(record) }

    @Test func fileNamesFollowSourceDateEpoch() {
        #expect(PlanRecord.fileName(timestamp: 1_764_072_000) == "plan-20251125-120000.json")
        #expect(PlanRecord.fileName(timestamp: 1_764_072_000, sequence: 2) == "plan-20251125-120000-2.json")
        #expect(PlanRecord.iso8601(0) == "1970-01-01T00:00:00Z")
        #expect(PlanRecord.iso8601(-1) == "1969-12-31T23:59:59Z")
    }

    @Test func recordCarriesTheOrchestratorSchema() throws {
        let plan = try Self.plan()
        let record = try Self.json(PlanRecord(plan, timestamp: 1_764_072_000, previous: "plan-20251120-090000.json"))
        guard case .object(let pairs) = record else { throw CancellationError() }
        #expect(
            pairs.map(\.0) == [
                "plan_id", "objective", "complexity", "strategy", "stages", "parallelization", "context_passing", "error_handling",
                "success_criteria", "success_metrics", "deliverables", "segment", "inputs_digest", "previous", "created_at", "input_fields",
            ])
        #expect(record["strategy"]?.stringValue == "pipeline")
        #expect(record["error_handling"]?["max_retries"] == .integer(2))
        #expect(record["previous"]?.stringValue == "plan-20251120-090000.json")
        let stages = try #require(record["stages"]?.arrayValue)
        // The record's stages are the pattern's stages, task for task.
        #expect(
            stages.map { $0["tasks"]?.arrayValue?.compactMap { $0["task_id"]?.stringValue } ?? [] }
                == plan.pattern.stages.map { $0.steps.map(\.rawValue) })
        #expect(stages.first?["tasks"]?.arrayValue?.first?["agent"]?.stringValue == "revops-director")
        #expect(record["success_metrics"]?.arrayValue?.count == 3)
        #expect(record["context_passing"]?["scoring_config"] == .null)
        // The record reads back for the audit trail.
        let parsed = try #require(AuditTrail.parseRecord(record.serialized(), fileName: "plan-x.json"))
        #expect(parsed.segment == "alpha" && parsed.inputsDigest == plan.inputsDigest && parsed.createdAt == "2025-11-25T12:00:00Z")
        #expect(parsed.inputs == plan.inputs)
    }

    @Test func diamondRecordHasAMergeGate() throws {
        let plan = try Self.plan("pattern: diamond")
        let record = try Self.json(PlanRecord(plan, timestamp: 0, previous: nil))
        let groups = try #require(record["parallelization"]?["parallel_groups"]?.arrayValue)
        #expect(groups.contains { $0["group_id"]?.stringValue == "merge-gate" && $0["wait_for"]?.arrayValue?.count == 3 })
        #expect(
            groups.contains { $0["group_id"]?.stringValue == "routing-and-enablement" && $0["wait_for"] == .array([.string("intake")]) })
        #expect(record["previous"] == .null)
        #expect(record["stages"]?.arrayValue?.count == plan.pattern.stages.count)
    }
}
