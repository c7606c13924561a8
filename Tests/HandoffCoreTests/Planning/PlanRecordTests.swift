import Foundation
import Testing

@testable import HandoffCore

@Suite("Plan records and audit trail")
struct PlanRecordTests {
    @Test func digestIgnoresCommentsWhitespaceKeyOrderAndApprovals() throws {
        let a = try #require(TestBriefs.plan(TestBriefs.base))
        let noisy =
            "# a comment\n"
            + TestBriefs.base.replacingOccurrences(of: "goal: pipeline", with: "goal:   pipeline   # why")
            .replacingOccurrences(of: "segment: test\n", with: "") + "\n\nsegment: test\n"
        let b = try #require(TestBriefs.plan(noisy))
        #expect(a.inputsDigest == b.inputsDigest)
        #expect(a.inputsDigest.hasPrefix("sha256:") && a.inputsDigest.count == 71)
        #expect(a.version == String(a.inputsDigest.dropFirst(7).prefix(8)))
        let changed = try #require(TestBriefs.plan(TestBriefs.base.replacingOccurrences(of: "region = EMEA", with: "region = APAC")))
        #expect(changed.inputsDigest != a.inputsDigest)
        let withSample = Planner.plan(a.brief, sampleCSV: "region\nEMEA\n", asOf: TestBriefs.asOf)
        #expect(withSample.inputsDigest != a.inputsDigest)
        // Signing a version must not change it.
        let signed = try #require(
            TestBriefs.plan(TestBriefs.base + "approvals:\n  - role: VP Sales\n    status: approved\n    version: \(a.version)\n"))
        #expect(signed.inputsDigest == a.inputsDigest)
    }

    @Test func inputFieldsNameListItemsByTheirName() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.base))
        let fields = Dictionary(uniqueKeysWithValues: plan.inputs.fields.map { ($0.field, $0.value) })
        #expect(fields["response-sla"] == "2h")
        #expect(fields["volume.leads-per-week"] == "200")
        #expect(fields["pods[East].reps"] == "4")
        #expect(fields["routing[EMEA].when"] == "region = EMEA")
        #expect(fields["funnel[MQL].definition"] == "Score over 60")
        #expect(fields["qualification"] == "[ICP fit]")
        #expect(!plan.inputs.fields.contains { $0.field.hasPrefix("approvals") })
    }

    /// Every kind of change, each once.
    @Test func inputChangesFieldByField() throws {
        let old = try #require(TestBriefs.plan(TestBriefs.base)).inputs
        let edited =
            TestBriefs.base
            .replacingOccurrences(of: "response-sla: 2h", with: "response-sla: 1h")  // changed
            .replacingOccurrences(of: "launch: 2027-03-01\n", with: "")  // removed field
            .replacingOccurrences(of: "    reps: 2\n", with: "    reps: 2\n    shrinkage: 10%\n")  // added field
            .replacingOccurrences(
                of: "  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n  - name: Rest\n",
                with: "  - name: APAC\n    when: region = APAC\n    assign: pod West\n  - name: Rest\n")  // rule swapped for another
        let new = try #require(TestBriefs.plan(edited)).inputs
        let changes = new.changes(since: old)
        #expect(changes.contains(.changed(field: "response-sla", old: "2h", new: "1h")))
        #expect(changes.contains(.removed(field: "launch", value: "2027-03-01")))
        #expect(changes.contains(.added(field: "pods[West].shrinkage", value: "10%")))
        #expect(changes.contains(.added(field: "routing[APAC]", value: nil)))
        #expect(changes.contains(.removed(field: "routing[EMEA]", value: nil)))
        // An item added whole is one change, not one per field.
        #expect(!changes.contains { $0.field.hasPrefix("routing[APAC].") })
        #expect(changes.count == 5)
        #expect(old.changes(since: old).isEmpty)
    }

    @Test func reorderedItemsAreOneChange() throws {
        let old = try #require(TestBriefs.plan(TestBriefs.base)).inputs
        let swapped = TestBriefs.base.replacingOccurrences(
            of: "  - name: East\n    reps: 4\n  - name: West\n    reps: 2\n",
            with: "  - name: West\n    reps: 2\n  - name: East\n    reps: 4\n")
        let new = try #require(TestBriefs.plan(swapped)).inputs
        let changes = new.changes(since: old)
        #expect(changes == [.reordered(list: "pods", before: ["East", "West"], after: ["West", "East"])])
        // `handoff plan` says which item moved where, not just "reordered".
        #expect(changes.first?.moves == [ListMoves.Move(item: "West", from: 2, to: 1, passed: ["East"])])
    }

    @Test func auditTrailSaysWhatChanged() throws {
        let first = try #require(TestBriefs.plan(TestBriefs.base))
        let edited = TestBriefs.base.replacingOccurrences(of: "region = EMEA", with: "region = APAC")
            .replacingOccurrences(
                of: "  - name: Rest\n", with: "  - name: Partners\n    when: source = partner\n    assign: pod West\n  - name: Rest\n")
        let second = try #require(TestBriefs.plan(edited))
        let r1 = AuditTrail.Record(
            fileName: "plan-a.json", segment: "test", inputsDigest: first.inputsDigest, previous: nil, createdAt: "2026-01-01T00:00:00Z",
            inputs: first.inputs)
        let r2 = AuditTrail.Record(
            fileName: "plan-b.json", segment: "test", inputsDigest: second.inputsDigest, previous: "plan-a.json",
            createdAt: "2026-01-02T00:00:00Z", inputs: second.inputs)
        let trail = AuditTrail(records: [r2, r1])
        #expect(trail.entries.map(\.record.fileName) == ["plan-a.json", "plan-b.json"])
        #expect(trail.entries[0].changes == [.firstRecord(segment: "test")])
        #expect(
            trail.entries[1].changes == [
                .input(.changed(field: "routing[EMEA].when", old: "region = EMEA", new: "region = APAC")),
                .input(.added(field: "routing[Partners]", value: nil)),
            ])
        #expect(trail.history.map(\.version) == [first.version, second.version])
        #expect(trail.history.map(\.recordedOn.description) == ["2026-01-01", "2026-01-02"])
        // A record without field-by-field inputs says so instead of guessing.
        var old = r1
        old.inputs = nil
        #expect(AuditTrail(records: [old, r2]).entries[1].changes == [.inputsChanged])
    }

    @Test func foreignFilesAreNotRecords() {
        #expect(AuditTrail.parseRecord("{\"hello\": 1}", fileName: "plan-x.json") == nil)
        #expect(AuditTrail.parseRecord("not json", fileName: "notes.txt") == nil)
    }

    /// A compacted plan keeps its brief's bytes instead of its tree, and gives the same inputs,
    /// field by field, read again from them.
    @Test func aCompactedPlanHasTheSameInputs() throws {
        let yaml = TestBriefs.base + "approvals:\n  - role: VP Sales\n    name: Dana\n    status: approved\n    date: 2026-11-02\n"
        let plan = try #require(TestBriefs.plan(yaml, sample: "region\nEMEA\n"))
        let compact = plan.compacted(source: Array(yaml.utf8))
        #expect(compact.inputs == plan.inputs)
        #expect(!compact.inputs.fields.isEmpty)
        #expect(compact.inputsDigest == plan.inputsDigest)
        guard case .mapping(let emptied) = compact.brief.tree else { Issue.record("the tree is a map"); return }
        #expect(emptied.entries.isEmpty)
    }
}
