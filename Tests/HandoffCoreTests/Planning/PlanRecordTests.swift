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
        let r1 = AuditTrail.Record(
            fileName: "plan-a.json", segment: "test", inputsDigest: first.inputsDigest, previous: nil, createdAt: "2026-01-01T00:00:00Z",
            inputs: RecordInputs(first))
        let r2 = AuditTrail.Record(
            fileName: "plan-b.json", segment: "test", inputsDigest: second.inputsDigest, previous: "plan-a.json",
            createdAt: "2026-01-02T00:00:00Z", inputs: RecordInputs(second))
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
