import Testing

@testable import HandoffCore

/// Approvals bound to versions (SPEC §3.7): pinned, placed by date through the records, stale,
/// and unplaceable.
@Suite("Sign-offs bound to versions")
struct SignOffTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func approval(_ role: String, _ status: Brief.Approval.Status = .approved, date: String?, version: String? = nil)
        -> Brief.Approval
    {
        Brief.Approval(
            role: role, name: nil, status: status, date: date.map(day), version: version,
            location: SourceLocation(file: "t.yml", line: 1, column: 1))
    }

    static let v1 = InputFields(fields: [.init(field: "response-sla", value: "1d"), .init(field: "scoring.threshold", value: "50")])
    static let v2 = InputFields(fields: [.init(field: "response-sla", value: "8h"), .init(field: "scoring.threshold", value: "5")])
    static let history = [
        RecordedVersion(version: "aaaa0001", recordedOn: day("2026-11-10"), inputs: v1),
        RecordedVersion(version: "bbbb0002", recordedOn: day("2026-11-20"), inputs: v2),
    ]

    static func place(_ approvals: [Brief.Approval], current: String = "bbbb0002", inputs: InputFields = v2) -> [SignOff] {
        SignOff.place(approvals, current: current, currentInputs: inputs, history: history, asOf: day("2026-11-25"))
    }

    @Test func datedDecisionsApproveTheVersionCurrentThatDay() {
        let s = Self.place([
            Self.approval("RevOps Director", date: "2026-11-12"), Self.approval("VP Sales", date: "2026-11-21"),
        ])
        #expect(s[0].placement == .byDate && s[0].version == "aaaa0001" && s[0].isStale)
        #expect(
            s[0].changesSince == [
                .changed(field: "response-sla", old: "1d", new: "8h"), .changed(field: "scoring.threshold", old: "50", new: "5"),
            ])
        #expect(s[1].placement == .byDate && s[1].version == "bbbb0002" && !s[1].isStale && s[1].isCurrent)
    }

    @Test func aPinnedVersionWins() {
        let s = Self.place([Self.approval("VP Sales", date: "2026-11-12", version: "bbbb0002")])
        #expect(s[0].placement == .pinned && s[0].isCurrent)
        let unknown = Self.place([Self.approval("VP Sales", date: nil, version: "cccc0003")])
        #expect(unknown[0].isStale && unknown[0].changesSince == nil)
    }

    @Test func undatedEarlyAndSameDayDecisionsCannotBePlaced() {
        let s = Self.place([
            Self.approval("A", date: nil), Self.approval("B", date: "2026-11-01"), Self.approval("C", date: "2026-11-20"),
            Self.approval("D", .pending, date: nil),
        ])
        #expect(s[0].placement == .unplaced(.noDate))
        #expect(s[1].placement == .unplaced(.beforeFirstRecord(first: Self.day("2026-11-10"))))
        // The day a new version was recorded, either version may have been the one signed.
        #expect(s[2].placement == .unplaced(.severalVersionsThatDay(versions: ["aaaa0001", "bbbb0002"])))
        #expect(s[3].placement == .pending && s[3].version == nil)
        #expect(s.allSatisfy { !$0.isStale })
    }

    /// A version not yet recorded counts as recorded on the build date.
    @Test func theUnrecordedCurrentVersionCountsFromTheBuildDate() {
        let v3 = InputFields(fields: [.init(field: "response-sla", value: "4h"), .init(field: "scoring.threshold", value: "5")])
        let s = Self.place(
            [Self.approval("A", date: "2026-11-24"), Self.approval("B", date: "2026-11-26")], current: "cccc0003", inputs: v3)
        #expect(s[0].version == "bbbb0002" && s[0].isStale)
        #expect(s[0].changesSince == [.changed(field: "response-sla", old: "8h", new: "4h")])
        #expect(s[1].version == "cccc0003" && s[1].isCurrent)
    }

    @Test func readinessNeedsReApprovalAndAStaleRejectionNoLongerBlocks() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.base))
        let history = [RecordedVersion(version: "aaaa0001", recordedOn: Self.day("2026-11-01"), inputs: nil)]
        func readiness(_ approvals: String) throws -> (Readiness, ApprovalPacket) {
            let brief = try #require(TestBriefs.brief(TestBriefs.base + "approvals:\n" + approvals))
            let p = Planner.plan(brief, asOf: TestBriefs.asOf, history: history)
            return (p.approval.readiness, p.approval)
        }
        let current = "  - role: VP Sales\n    status: approved\n    version: \(plan.version)\n"
        #expect(try readiness(current).0 == .approved)
        let stale = "  - role: VP Sales\n    status: approved\n    version: aaaa0001\n"
        let (r, packet) = try readiness(stale)
        #expect(r == .needsReApproval)
        #expect(packet.notes.contains(.staleDecision(role: "VP Sales", name: nil, version: "aaaa0001")))
        #expect(packet.approvedCount == 0)
        #expect(try readiness("  - role: VP Sales\n    status: rejected\n    version: aaaa0001\n").0 == .needsReApproval)
        #expect(try readiness("  - role: VP Sales\n    status: rejected\n    version: \(plan.version)\n").0 == .blocked)
        // Dated before any record: a warning asks for `version:`, and it does not count.
        let early = try #require(
            TestBriefs.brief(TestBriefs.base + "approvals:\n  - role: VP Sales\n    status: approved\n    date: 2026-10-01\n"))
        let p = Planner.plan(early, asOf: TestBriefs.asOf, history: history)
        #expect(p.approval.readiness == .readyForSignOff, "not known to be of an earlier version: it waits, nothing is re-approved")
        #expect(p.approval.approvedCount == 0)
        #expect(
            p.findings.contains {
                if case .decisionWithoutVersion(role: "VP Sales", .beforeFirstRecord, current: p.version) = $0.kind { true } else { false }
            })
    }

    @Test func aVersionMustBeEightHexDigits() {
        let (brief, diagnostics) = TestBriefs.decode(
            TestBriefs.base + "approvals:\n  - role: VP Sales\n    status: approved\n    version: 1234\n")
        #expect(brief == nil)
        #expect(
            diagnostics.errors.map(\.headline) == [
                "t.yml:29:14: error: '1234' is not a brief version; copy the 8 hex digits shown beside the sign-off line, e.g. 3f9a01c2"
            ])
    }
}
