import Testing

@testable import HandoffCore

/// `delivery-sla`, `acceptance`, `governance` and `queue NAME`: decoded with located errors,
/// and planned into the escalation routes, the checklist, the sign-off lines and findings.
@Suite("Two-way agreement, governance and queues")
struct AgreementDecoderTests {
    static let full = TestBriefs.replacing([
        "delivery-sla": "delivery-sla: 5m",
        "acceptance": "acceptance:\n  accept-sla: 4h\n  reject-reasons: [not ICP, no budget]\n  recycle-after: 5d",
        "governance":
            "governance:\n  review: quarterly\n  next-review: 2026-10-01\n  change-approvers: [RevOps Director, VP Marketing]\n  owners:\n    VP Marketing: Ana Ruiz",
        "approvals": "approvals:\n  - role: RevOps Director\n    status: pending",
    ])

    @Test func decodesTheAgreement() throws {
        let brief = try #require(TestBriefs.brief(Self.full))
        #expect(brief.deliverySLA?.description == "5m")
        #expect(brief.acceptance?.acceptSLA?.description == "4h")
        #expect(brief.acceptance?.rejectReasons == ["not ICP", "no budget"])
        #expect(brief.acceptance?.recycleAfter?.description == "5d")
        let g = try #require(brief.governance)
        #expect(g.review == .quarterly && g.nextReview?.description == "2026-10-01")
        #expect(g.changeApprovers == ["RevOps Director", "VP Marketing"])
        #expect(g.owners == [.init(role: "VP Marketing", person: "Ana Ruiz")])
    }

    @Test func plansTheAgreement() throws {
        let plan = try #require(TestBriefs.plan(Self.full))
        // The review date is before the build date (2026-11-25): a warning at the date.
        let overdue = try #require(
            plan.findings.first { $0.kind == .reviewOverdue(nextReview: CalendarDate(year: 2026, month: 10, day: 1)!) })
        #expect(overdue.severity == .warning && overdue.location.column == 16)
        #expect(plan.governance?.reviewOverdue == true)
        // VP Marketing must approve a change and has no line: warned, and added as pending.
        #expect(plan.findings.contains { $0.kind == .changeApproverWithoutSignOff(role: "VP Marketing") })
        let lines = plan.approval.signOffs.map(\.approval)
        #expect(lines.map(\.role) == ["RevOps Director", "VP Marketing"])
        #expect(lines[1].name == "Ana Ruiz" && lines[1].status == .pending)
        #expect(plan.approval.readiness != .approved)
        // Undecided and untouched leads have somewhere to go.
        let routes = try #require(plan.escalation.acceptance)
        #expect(routes.undecidedAfter?.description == "4h" && routes.escalatesTo == "RevOps Director")
        #expect(routes.recycleAfter?.description == "5d")
        // The checklist gains the fields and flows that time the agreement.
        let needs = plan.tooling.items.map(\.requirement)
        for r in [
            ToolingChecklist.Requirement.mqlAt, .syncedAt, .acceptedAt, .recycledAt, .rejectedReason(reasons: ["not ICP", "no budget"]),
        ] {
            #expect(needs.contains(r), "\(r)")
        }
        #expect(needs.contains { if case .acceptanceTimer = $0 { true } else { false } })
        #expect(needs.contains { if case .deliveryTimer = $0 { true } else { false } })
        #expect(needs.contains { if case .recycleToNurture = $0 { true } else { false } })
    }

    @Test func withoutTheAgreementTheChecklistIsUnchanged() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.base))
        #expect(!plan.tooling.items.contains { $0.requirement == .mqlAt })
        #expect(plan.escalation.acceptance == nil && plan.governance == nil)
    }

    @Test func governanceIsNotAPlanningInput() throws {
        let a = try #require(TestBriefs.plan(Self.full))
        let moved = Self.full.replacingOccurrences(of: "next-review: 2026-10-01", with: "next-review: 2027-01-01")
        let b = try #require(TestBriefs.plan(moved))
        #expect(a.inputsDigest == b.inputsDigest)
        let faster = Self.full.replacingOccurrences(of: "accept-sla: 4h", with: "accept-sla: 2h")
        let c = try #require(TestBriefs.plan(faster))
        #expect(c.inputsDigest != a.inputsDigest)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var name: String
        var key: String
        var block: String
        var message: String
        /// The text the error must point at.
        var at: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "delivery not a duration", key: "delivery-sla", block: "delivery-sla: soon", message: "is not a duration", at: "soon"),
        Bad(
            name: "delivery zero", key: "delivery-sla", block: "delivery-sla: 0m", message: "delivery-sla must be longer than zero",
            at: "0m"),
        Bad(
            name: "accept-sla bad", key: "acceptance", block: "acceptance:\n  accept-sla: 4 hours", message: "is not a duration",
            at: "4 hours"),
        Bad(
            name: "reasons empty", key: "acceptance", block: "acceptance:\n  reject-reasons: []",
            message: "reject-reasons needs at least one reason", at: "[]"),
        Bad(
            name: "recycle before accept", key: "acceptance", block: "acceptance:\n  accept-sla: 2d\n  recycle-after: 1d",
            message: "must be longer than accept-sla", at: "1d"),
        Bad(
            name: "recycle before accept on the business clock", key: "acceptance",
            block: "acceptance:\n  accept-sla: 10h\n  recycle-after: 1d", message: "must be longer than accept-sla", at: "1d"),
        Bad(
            name: "unknown acceptance key", key: "acceptance", block: "acceptance:\n  acept-sla: 4h",
            message: "unknown key 'acept-sla' in acceptance; did you mean 'accept-sla'?", at: "acept-sla"),
        Bad(
            name: "cadence", key: "governance", block: "governance:\n  review: daily", message: "'daily' is not a valid review",
            at: "daily"),
        Bad(
            name: "next review date", key: "governance", block: "governance:\n  next-review: next March", message: "is not a date",
            at: "next March"),
        Bad(
            name: "no approvers", key: "governance", block: "governance:\n  change-approvers: []",
            message: "change-approvers needs at least one role", at: "[]"),
        Bad(
            name: "owners not a map", key: "governance", block: "governance:\n  owners: Sofia", message: "'owners' should be a map",
            at: "owners"),
        Bad(
            name: "owner empty", key: "governance", block: "governance:\n  owners:\n    VP Sales: \"\"", message: "'VP Sales' is empty",
            at: "\"\""),
        Bad(
            name: "queue without name", key: "routing", block: "routing:\n  - name: Spam\n    assign: queue", message: "invalid assign",
            at: "queue"),
    ]

    @Test(arguments: bad)
    func rejects(_ c: Bad) throws {
        let yaml = TestBriefs.replacing([c.key: c.block])
        let (brief, diagnostics) = TestBriefs.decode(yaml)
        #expect(brief == nil)
        let error = try #require(diagnostics.errors.first { $0.message.contains(c.message) }, "\(diagnostics.map(\.headline))")
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.lastIndex { $0.contains(c.at) }) + 1
        #expect(error.location.line == line, "\(error.headline)")
        let column = try #require(lines[line - 1].range(of: c.at)).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        #expect(error.location.column == column, "\(error.headline)")
    }

    @Test func queuesAreCountedButNotStaffed() throws {
        let plan = try #require(
            TestBriefs.plan(
                RoutingTests.rules(
                    """
                      - name: Spam
                        when: email ends with .invalid or lead-source = spam
                        assign: queue Nurture
                        share: 10%
                      - name: Rest
                        assign: round-robin East, West
                    """)))
        #expect(plan.routing.queueShares == [.init(queue: "Nurture", share: 0.1)])
        #expect(plan.routing.rows[0].podShares.isEmpty && plan.routing.rows[0].fallback == .outsideQueue(name: "Nurture"))
        #expect(abs(plan.routing.podShares.reduce(0) { $0 + $1.share } - 0.9) < 1e-9)
        #expect(plan.routing.rows.allSatisfy { $0.pathTestPasses })
        // The simulated pods see only the 90% sales works.
        let simulated = plan.sla.pods.reduce(0.0) { $0 + $1.share }
        #expect(abs(simulated - 0.9) < 1e-9)
    }
}
