import Testing

@testable import HandoffCore

@Suite("Enablement kit")
struct EnablementKitTests {
    @Test func defaultKitPerGoalAndSegment() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.base))
        let assets = plan.kit.items.map(\.asset)
        #expect(assets.contains("Intro talk track") && assets.contains("Case studies") && assets.contains("Rep feedback loop"))
        #expect(!assets.contains("ROI calculator"))
        let kinds = Set(plan.kit.items.map(\.kind))
        #expect(kinds.isSuperset(of: [.contextBrief, .talkTrack, .sequence, .collateral, .systemInstructions, .dashboard, .feedbackLoop]))
        let enterprise = DefaultKits.kit(goal: .pipeline, segment: "enterprise").map(\.asset)
        #expect(enterprise.contains("Security and compliance FAQ"))
        #expect(DefaultKits.kit(goal: .expansion, segment: "x").map(\.asset).contains("ROI calculator"))
    }

    @Test func mergeReplacesByAssetNameAndDatesCountBack() throws {
        let yaml = TestBriefs.replacing([
            "launch": "launch: 2028-03-10",
            "enablement": """
            enablement:
              - asset: case studies
                owner: Customer Marketing
                lead-time: 10d
                status: ready
              - asset: Battlecard
                kind: collateral
                pods: [East]
                due: 2028-02-01
            """,
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        let items = plan.kit.items
        let cases = try #require(items.first { $0.asset == "case studies" })
        #expect(cases.origin == .briefReplacingDefault && cases.owner == "Customer Marketing" && cases.kind == .collateral)
        #expect(cases.due?.description == "2028-02-29")  // 10 days before 10 March in a leap year
        #expect(!items.contains { $0.asset == "Case studies" })
        let battlecard = try #require(items.first { $0.asset == "Battlecard" })
        #expect(battlecard.lacksOwner && !battlecard.isOverdue && !battlecard.lacksDueDate && battlecard.pods == ["East"])
        // Request list sorted by due date.
        let dues = items.compactMap(\.due)
        #expect(dues == dues.sorted())
        #expect(plan.kit.items(for: "West").allSatisfy { $0.pods.isEmpty })
    }

    @Test func overdueAgainstTheBuildDate() throws {
        let yaml = TestBriefs.replacing([
            "launch": "launch: 2026-12-07",
            "enablement":
                "enablement:\n  - asset: Talk track\n    owner: SE\n    due: 2026-11-24\n  - asset: Done early\n    owner: SE\n    due: 2026-11-01\n    status: ready",
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        let overdue = plan.kit.overdue.map(\.asset)
        #expect(overdue.contains("Talk track") && !overdue.contains("Done early"))
        // Launch 7 Dec: a default item with a 15-day lead time was due 22 Nov, before 25 Nov.
        #expect(overdue.contains("Context brief"))
        #expect(plan.approval.notes.contains(.overdueItems(count: plan.kit.overdue.count)))
    }

    /// `done` and `complete` read as `ready`; `not-needed` drops the default item (so it is never
    /// overdue), and on an item the default kit lacks it warns with the kit's names.
    @Test func statusesTeamsWriteAndNotNeeded() throws {
        let yaml = TestBriefs.replacing([
            "launch": "launch: 2026-12-07",
            "enablement": """
            enablement:
              - asset: Context brief
                status: not-needed
              - asset: Intro talk track
                owner: SE
                status: done
              - asset: Discovery questions
                owner: SE
                status: complete
              - asset: Case study
                status: not-needed
            """,
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        let assets = plan.kit.items.map(\.asset)
        #expect(!assets.contains("Context brief") && !plan.kit.overdue.contains { $0.asset == "Context brief" })
        #expect(plan.kit.items.first { $0.asset == "Intro talk track" }?.status == .ready)
        #expect(plan.kit.items.first { $0.asset == "Discovery questions" }?.status == .ready)
        #expect(!assets.contains("Case study"))
        let warning = try #require(plan.findings.first { if case .notNeededWithoutDefault = $0.kind { true } else { false } })
        let line = try #require(
            yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("asset: Case study") })
        #expect(warning.severity == .warning && warning.location.line == line + 1 && warning.location.column == 5)
        guard case .notNeededWithoutDefault("Case study", let defaults) = warning.kind else { throw CancellationError() }
        #expect(defaults.contains("Case studies"))

        let (brief, diagnostics) = TestBriefs.decode(
            TestBriefs.replacing(["enablement": "enablement:\n  - asset: Deck\n    status: finished"]))
        #expect(brief == nil)
        #expect(
            diagnostics.errors.map(\.message) == [
                "'finished' is not a valid status; expected one of not-started, in-progress, in-review, ready (or done, complete), not-needed"
            ])
    }

    @Test func noLaunchMeansNoDueDates() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.replacing(["launch": ""])))
        #expect(plan.kit.items.allSatisfy { $0.due == nil && $0.lacksDueDate && !$0.isOverdue })
        #expect(plan.kit.nextDue == nil)
    }

    @Test func itemDueAfterLaunchAndUnknownPod() throws {
        let late = TestBriefs.replacing([
            "enablement": "enablement:\n  - asset: Late deck\n    owner: PMM\n    pods: [East]\n    due: 2027-04-01"
        ])
        let plan = try #require(TestBriefs.plan(late))
        let launch = try #require(CalendarDate(parsing: "2027-03-01"))
        let due = try #require(CalendarDate(parsing: "2027-04-01"))
        #expect(
            plan.findings.contains {
                $0.severity == .warning && $0.kind == .enablementAfterLaunch(asset: "Late deck", due: due, launch: launch)
            })
        // A pod the brief does not define is a cross-reference, reported when decoding.
        let (brief, diagnostics) = TestBriefs.decode(late.replacingOccurrences(of: "pods: [East]", with: "pods: [Nort]"))
        #expect(brief == nil)
        #expect(diagnostics.errors.contains { $0.message.hasPrefix("enablement item 'Late deck' names pod 'Nort'") })
    }
}

@Suite("Escalation, tooling, readiness and pattern")
struct EscalationAndReadinessTests {
    @Test func defaultLadder() throws {
        let plan = try #require(TestBriefs.plan(TestBriefs.base))
        let levels = plan.escalation.levels
        #expect(levels.map(\.owner) == [.assignedRep, .podLead, .role("RevOps Director"), .role("Sales Manager"), .role("CRO")])
        #expect(levels[1].action == .reassignWithinPod(atMost: 2))
        #expect(levels[2].trigger == .breaches(.standard))
        #expect(levels[2].substitute == .nextLevel(role: "Sales Manager"))
        #expect(levels[4].action == .leadershipReview && levels[4].substitute == .marketingLeadership)
    }

    @Test func fallbacksNameSubstitutes() throws {
        let yaml = TestBriefs.replacing([
            "escalation":
                "escalation:\n  ladder: [Team Lead, VP Sales]\n  trigger: 3 breaches in 24h\n  retry-limit: 1\n  fallbacks:\n    - role: VP Sales\n      covered-by: COO"
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        let levels = plan.escalation.levels
        #expect(levels.map(\.owner) == [.assignedRep, .podLead, .role("Team Lead"), .role("VP Sales")])
        #expect(levels[3].substitute == .named("COO"))
        #expect(levels[1].action == .reassignWithinPod(atMost: 1))
        #expect(levels[2].trigger == .breaches(Brief.EscalationTrigger(breaches: 3, window: ResponseDuration(hours: 24))))
    }

    @Test func toolingMatchesDependencies() throws {
        let yaml = TestBriefs.replacing([
            "dependencies": """
            dependencies:
              - name: SLA timer automation
                kind: automation
                owner: RevOps Eng
                due: 2027-02-01
                ready: no
              - name: Region enrichment
                kind: field
                owner: MOps
                ready: yes
              - name: Partner portal
                kind: integration
                due: 2027-05-01
            """
        ])
        let plan = try #require(TestBriefs.plan(yaml))
        let items = plan.tooling.items
        let timer = try #require(items.first { if case .slaTimer = $0.requirement { true } else { false } })
        #expect(timer.readiness == .planned && timer.owner == "RevOps Eng" && timer.dependency == "SLA timer automation")
        #expect(items.first { $0.requirement == .enrichmentField("region") }?.readiness == .ready)
        #expect(items.first { $0.requirement == .breachAlert }?.readiness == .unconfirmed)
        #expect(items.contains { $0.requirement == .assignedAt } && items.contains { $0.requirement == .firstTouchAt })
        #expect(plan.tooling.otherDependencies.map(\.requirement) == [.otherDependency(name: "Partner portal", kind: .integration)])
        #expect(plan.tooling.blockingDependencies.map(\.name) == ["Partner portal"])
        #expect(plan.approval.readiness == .blocked)
        #expect(
            plan.approval.blockers.contains(.dependencyNotReady(dependency: "Partner portal", due: CalendarDate(parsing: "2027-05-01"))))
    }

    @Test func readinessReasons() throws {
        // Default approvers, all pending: ready for sign-off.
        let pending = try #require(TestBriefs.plan(TestBriefs.base))
        #expect(pending.approval.readiness == .readyForSignOff)
        #expect(pending.approval.usesDefaultApprovers && pending.approval.approvals.map(\.role) == ["RevOps Director", "VP Sales"])
        #expect(pending.approval.notes.contains(.awaitingSignOff(roles: ["RevOps Director", "VP Sales"])))

        // Dated, but no plan record says which version was current then: not yet binding.
        let undated = try #require(
            TestBriefs.plan(
                TestBriefs.replacing([
                    "approvals": "approvals:\n  - role: VP Sales\n    status: approved\n    date: 2026-11-20"
                ])))
        // Nothing was approved before, so nothing is re-approved: it waits for its `version:`.
        #expect(undated.approval.readiness == .readyForSignOff)
        #expect(undated.approval.approvedCount == 0)
        #expect(undated.approval.notes.contains(.unplacedDecision(role: "VP Sales", name: nil)))
        #expect(
            undated.findings.contains {
                if case .decisionWithoutVersion("VP Sales", .noRecord, _) = $0.kind { true } else { false }
            }, "no record exists, so none is cited")
        let approved = try #require(
            TestBriefs.plan(
                TestBriefs.replacing([
                    "approvals":
                        "approvals:\n  - role: VP Sales\n    status: approved\n    date: 2026-11-20\n    version: \(pending.version)"
                ])))
        #expect(approved.approval.readiness == .approved)

        let rejected = try #require(
            TestBriefs.plan(
                TestBriefs.replacing([
                    "approvals": "approvals:\n  - role: VP Sales\n    name: Kim\n    status: rejected\n    date: 2026-11-20"
                ])))
        #expect(rejected.approval.readiness == .blocked && rejected.approval.blockers.first == .rejected(role: "VP Sales", name: "Kim"))

        let breach = try #require(
            TestBriefs.plan(
                TestBriefs.replacing([
                    "volume": "volume:\n  leads-per-week: 2000\n  handle-time: 30m",
                    "approvals": "approvals:\n  - role: VP Sales\n    status: approved\n    date: 2026-11-20",
                ])))
        #expect(breach.sla.status == .breach && breach.approval.readiness == .blocked)
        // Each pod in breach is named, worst first.
        let breaching = breach.sla.pods.filter { $0.status == .breach }.map(\.name)
        #expect(
            !breaching.isEmpty
                && breach.approval.blockers.filter { if case .slaBreach = $0 { true } else { false } }.count == breaching.count)
        #expect(breaching.allSatisfy { breach.approval.blockers.contains(.slaBreach(pod: $0)) })
        #expect(breach.sla.reasons.contains { if case .queueGrowsWithoutBound = $0 { true } else { false } })
    }

    @Test func errorsBlockReadiness() throws {
        // Shares past 100% are a planning error: the brief decodes, the plan is blocked.
        let (brief, _) = TestBriefs.decode(
            TestBriefs.base.replacingOccurrences(of: "assign: pod East\n", with: "assign: pod East\n    share: 70%\n")
                .replacingOccurrences(of: "assign: round-robin East, West\n", with: "assign: round-robin East, West\n    share: 40%\n"))
        let plan = Planner.plan(try #require(brief), asOf: TestBriefs.asOf)
        #expect(plan.approval.readiness == .blocked)
        #expect(plan.approval.blockers.first == .briefErrors(count: 1))
    }

    @Test func segmentsMustBeUnique() throws {
        let a = try #require(TestBriefs.brief(TestBriefs.base, file: "Content/a.yml"))
        let b = try #require(TestBriefs.brief(TestBriefs.base, file: "Content/b.yml"))
        let findings = BriefIntake.checkUniqueSegments([b, a])
        #expect(findings.count == 1)
        #expect(findings.first?.kind == .duplicateSegment(segment: "test", firstFile: "Content/a.yml"))
        #expect(findings.first?.location == SourceLocation(file: "Content/b.yml", line: 1, column: 10))
    }

    @Test func patternChoice() throws {
        let auto = try #require(TestBriefs.plan(TestBriefs.base))
        #expect(auto.pattern == .pipeline)
        let diamond = try #require(
            TestBriefs.plan(
                TestBriefs.replacing([
                    "enablement": "enablement:\n  - asset: Deck\n    owner: PMM\n    pods: [East, West]"
                ])))
        #expect(diamond.pattern == .diamond)
        #expect(diamond.pattern.stages[1] == PlanStage(steps: [.routing, .enablement], parallel: true))
        let forced = try #require(TestBriefs.plan(TestBriefs.replacing(["segment": "segment: test\npattern: diamond"])))
        #expect(forced.pattern == .diamond)
    }

    @Test func statusRules() {
        func f(_ mean: Double, _ half: Double) -> SimulatedFigures {
            SimulatedFigures(
                leads: 100, attainment: mean, low: mean - half, high: mean + half, replicas: 8, capped: false, medianMinutes: 0,
                p90Minutes: 0, overAWeek: 0)
        }
        #expect(SLAStatus.judge(f(0.92, 0.01), target: 0.9, utilisation: 0.5) == .meets)
        #expect(SLAStatus.judge(f(0.92, 0.01), target: 0.9, utilisation: 0.9) == .atRisk)  // busy
        #expect(SLAStatus.judge(f(0.905, 0.01), target: 0.9, utilisation: 0.5) == .atRisk)  // interval straddles
        #expect(SLAStatus.judge(f(0.86, 0.005), target: 0.9, utilisation: 0.5) == .atRisk)  // within 5 points
        #expect(SLAStatus.judge(f(0.84, 0.005), target: 0.9, utilisation: 0.5) == .breach)
        #expect(SLAStatus.judge(f(0.99, 0.005), target: 0.9, utilisation: 1.0) == .breach)  // cannot keep up
        // Busier than 85% and far short: a breach, never milder than the same shortfall at 50%.
        #expect(SLAStatus.judge(f(0.63, 0.005), target: 0.9, utilisation: 0.95) == .breach)
        #expect(SLAStatus.judge(f(0.87, 0.005), target: 0.9, utilisation: 0.95) == .atRisk)
    }
}
