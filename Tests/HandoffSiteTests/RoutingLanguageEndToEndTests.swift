import Foundation
import Testing

/// A fixture brief that uses the whole routing language of SPEC §2.2 (`or`, `not in`,
/// `contains`, `ends with`, `queue NAME`) and the two-way agreement, built by the binary.
@Suite("Routing language and two-way agreement, end to end")
struct RoutingLanguageEndToEndTests {
    typealias T = TestSupport

    static let brief = Fixtures.brief(
        segment: "inbound", title: "Inbound with a two-way SLA",
        extra: """
            delivery-sla: 5m
            acceptance:
              accept-sla: 4h
              reject-reasons: [not ICP, no budget, duplicate]
              recycle-after: 5d
            governance:
              review: quarterly
              next-review: 2026-10-01
              change-approvers: [RevOps Director, VP Marketing]
              owners:
                VP Marketing: Ana Ruiz
            approvals:
              - role: RevOps Director
                status: pending
            """
    ).replacingOccurrences(
        of: "routing:\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n",
        with: """
            routing:
              - name: Spam and students
                when: email ends with .edu or lead-source = spam
                assign: queue Nurture
                share: 10%
              - name: Partners
                when: lead-source = partner-referral or partner.id is set
                assign: pod East
                share: 15%
              - name: Named accounts
                when: email ends with @acme.com or company contains Acme
                assign: pod East
                share: 5%
              - name: Outside North America
                when: country not in [US, CA]
                assign: pod East
                share: 20%
              - name: Acme again
                when: company contains acme and email ends with @acme.com
                assign: pod East

            """)

    @Test func buildsEveryPathAndTheAgreement() throws {
        let (root, dir) = try Fixtures.workspace(["inbound.yml": Self.brief])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try T.run(["build", "--as-of", "2026-11-25"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        // Located warnings: the passed review, the missing approval line, the shadowed rule.
        let lines = Self.brief.split(separator: "\n", omittingEmptySubsequences: false)
        let reviewLine = try #require(lines.firstIndex { $0.contains("next-review:") }) + 1
        #expect(result.stderr.contains("Content/inbound.yml:\(reviewLine):16: warning: the next review was due 2026-10-01"))
        #expect(result.stderr.contains("needs VP Marketing's approval"))
        #expect(result.stderr.contains("'Acme again'") && result.stderr.contains("Named accounts"))

        let md = try String(contentsOf: dir.appendingPathComponent("Public/segments/inbound/handoff.md"), encoding: .utf8)
        #expect(
            md.contains(
                "| 1 | Spam and students | email ends with .edu or lead-source = spam | queue outside sales | Nurture queue | 10% |"))
        #expect(md.contains("email = lead\\@acme.com"))
        #expect(md.components(separatedBy: "| reaches it |").count - 1 == 5, "every reachable rule's lead is checked")
        #expect(md.contains("10% of leads go to the Nurture queue outside sales"))
        #expect(
            md.contains("### Two-way agreement") && md.contains("| Marketing | Delivers each MQL to the CRM, enriched and scored | 5m |"))
        #expect(md.contains("a rejection names one of: not ICP, no budget, duplicate | 4h | business clock |"))
        #expect(md.contains("- **Not accepted or rejected within 4h** (business clock): escalated the same way"))
        #expect(md.contains("### Governance") && md.contains("[review overdue]"))
        #expect(md.contains("| field | accepted\\_at |") && md.contains("Recycle to nurture"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("Public/segments/inbound/packet.json")))
                as? [String: Any])
        let agreement = try #require(json["agreement"] as? [String: Any])
        #expect(agreement["acceptSla"] as? String == "4h" && agreement["deliverySla"] as? String == "5m")
        let governance = try #require(json["governance"] as? [String: Any])
        #expect(governance["reviewOverdue"] as? Bool == true)
        let approvals = try #require(json["approvals"] as? [[String: Any]])
        #expect(approvals.map { $0["role"] as? String } == ["RevOps Director", "VP Marketing"])
        let routing = try #require(json["routing"] as? [String: Any])
        let queues = try #require(routing["queueShares"] as? [[String: Any]])
        #expect(queues.first?["queue"] as? String == "Nurture")

        let record = try #require(
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(".claude/plans").path).first)
        let plan = try String(contentsOf: dir.appendingPathComponent(".claude/plans/\(record)"), encoding: .utf8)
        #expect(plan.contains("every lead accepted or rejected within 4h (business clock)"))
        #expect(plan.contains("MQLs delivered to the CRM, enriched and scored"))
    }

    @Test func aWordThatIsNotAnOperatorIsALocatedErrorAndNothingIsWritten() throws {
        let broken = Self.brief.replacingOccurrences(of: "country not in [US, CA]", with: "country outside [US, CA]")
        let (root, dir) = try Fixtures.workspace(["inbound.yml": broken])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try T.run(["build"], in: dir)
        #expect(result.status == 1)
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("country outside") }) + 1
        #expect(
            result.stderr.contains("Content/inbound.yml:\(line):11: error: invalid condition: 'outside' after 'country' is not an operator")
        )
        #expect(result.stderr.contains("contains TEXT, ends with TEXT"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Public").path))
    }
}
