import Testing

@testable import HandoffCore

@Suite("Routing blueprint")
struct RoutingTests {
    static func rules(_ text: String) -> String { TestBriefs.replacing(["routing": "routing:\n" + text]) }

    @Test func shadowedRuleIsNamed() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: EMEA
                        when: region = EMEA
                        assign: pod East
                      - name: Big EMEA
                        when: region = EMEA and employees >= 5000
                        assign: pod West
                      - name: Rest
                        assign: pod West
                    """)))
        let big = plan.routing.rows[1]
        #expect(!big.isReachable && big.shadowedBy == ["EMEA"])
        #expect(plan.findings.contains { $0.kind == .unreachableRule(rule: "Big EMEA", why: .shadowed(by: ["EMEA"])) })
        #expect(plan.routing.rows[2].syntheticLead == Lead([:], unsetFields: ["region"]))
    }

    @Test func disjointAndOverlappingNumericRanges() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Small
                        when: employees < 200
                        assign: pod East
                      - name: Mid
                        when: employees >= 200 and employees < 1000
                        assign: pod East
                      - name: Inside mid
                        when: employees >= 300 and employees <= 900
                        assign: pod West
                      - name: Large
                        when: employees >= 1000
                        assign: pod West
                      - name: Unknown size
                        assign: pod West
                    """)))
        let rows = plan.routing.rows
        #expect(rows.map(\.isReachable) == [true, true, false, true, true])
        #expect(rows[2].shadowedBy == ["Mid"])
        let mid = try #require(rows[1].syntheticLead)
        #expect(rows[1].condition.matches(mid) && !rows[0].condition.matches(mid))
        let last = try #require(rows[4].syntheticLead)
        #expect(last == Lead([:], unsetFields: ["employees"]))
    }

    @Test func setMembershipAndCombinations() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: DACH
                        when: country in [DE, AT, CH]
                        assign: pod East
                      - name: Germany
                        when: country = DE
                        assign: pod West
                      - name: Not DACH, named
                        when: country != DE and country != AT and country != CH and account.owner is set
                        assign: pod West
                      - name: Anyone set
                        when: country is set
                        assign: pod West
                      - name: Rest
                        assign: pod East
                    """)))
        let rows = plan.routing.rows
        #expect(rows.map(\.isReachable) == [true, false, true, true, true])
        #expect(rows[1].shadowedBy == ["DACH"])
        // Every synthetic lead reaches its own rule and no earlier one.
        for (i, row) in rows.enumerated() {
            guard let lead = row.syntheticLead else { continue }
            #expect(row.condition.matches(lead))
            #expect(rows[..<i].allSatisfy { !$0.condition.matches(lead) })
        }
    }

    @Test func impossibleConditionAndCombinationShadow() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Big
                        when: employees >= 1000
                        assign: pod East
                      - name: Small
                        when: employees < 1000
                        assign: pod East
                      - name: Missing size
                        when: employees is not set
                        assign: pod West
                      - name: Never
                        when: score > 50 and score < 10
                        assign: pod West
                      - name: Anything else
                        assign: pod West
                    """)))
        let rows = plan.routing.rows
        #expect(rows[3].conditionIsImpossible && !rows[3].isReachable)
        #expect(!rows[4].isReachable && rows[4].shadowedBy.isEmpty)
        #expect(plan.routing.uncaughtLead == nil)
        #expect(plan.findings.contains { $0.kind == .unreachableRule(rule: "Anything else", why: .coveredTogether) })
    }

    @Test func missingCatchAllAndIdlePod() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: EMEA
                        when: region = EMEA
                        assign: pod East
                    """)))
        #expect(plan.routing.uncaughtLead != nil)
        #expect(plan.findings.contains { $0.kind == .noCatchAll(example: Lead([:], unsetFields: ["region"])) })
        #expect(plan.routing.idlePods == ["West"])
        #expect(plan.findings.contains { $0.kind == .idlePod(pod: "West") && $0.severity == .warning })
    }

    @Test func sharesSplitEvenlyAndByReps() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Named
                        when: account.owner is set
                        assign: owner Dana Ruiz
                        share: 40%
                      - name: EMEA
                        when: region = EMEA
                        assign: pod East
                      - name: Rest
                        assign: round-robin East, West
                    """)))
        let shares = plan.routing.rows.map(\.share)
        #expect(abs(shares[0] - 0.4) < 1e-12 && abs(shares[1] - 0.3) < 1e-12 && abs(shares[2] - 0.3) < 1e-12)
        // East 4 reps, West 2: the round-robin 30% splits 20/10.
        let east = try #require(plan.routing.podShares.first { $0.pod == "East" })
        let west = try #require(plan.routing.podShares.first { $0.pod == "West" })
        #expect(abs(east.share - 0.5) < 1e-12 && abs(west.share - 0.1) < 1e-12)
        #expect(abs(plan.routing.namedOwnerShare - 0.4) < 1e-12)
        #expect(plan.sla.reasons.contains(.namedOwners(share: plan.routing.namedOwnerShare)))
    }

    @Test func weights() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Rest
                        assign: round-robin East, West
                        weights: East 25%, West 75%
                    """)))
        #expect(plan.routing.podShares.map(\.share) == [0.25, 0.75])
        let (brief, diagnostics) = TestBriefs.decode(
            Self.rules(
                """
                  - name: Rest
                    assign: round-robin East, West
                    weights: East 25%, West 70%
                """))
        #expect(brief == nil)
        #expect(diagnostics.errors.contains { $0.message == "weights of rule 'Rest' sum to 95%, not 100%" })
    }

    @Test func crossChecksPointAtTheLine() throws {
        let yaml = Self.rules(
            """
              - name: A
                when: region = EMEA
                assign: pod Est
                share: 70%
              - name: B
                assign: pod West
                share: 40%
            """)
        // The unknown pod is a cross-reference, found when the brief is decoded; the shares are
        // planning's, found once the brief decodes.
        let (_, decoded) = TestBriefs.decode(yaml)
        let (brief, _) = TestBriefs.decode(yaml.replacingOccurrences(of: "pod Est", with: "pod East"))
        let plan = Planner.plan(try #require(brief), asOf: TestBriefs.asOf)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let podLine = try #require(lines.firstIndex { $0.contains("pod Est") }) + 1
        let shareLine = try #require(lines.firstIndex { $0.contains("share: 40%") }) + 1
        #expect(
            decoded.errors.contains {
                $0.message == "routing rule 'A' names pod 'Est', which 'pods' does not define; did you mean 'East'?"
                    && $0.location.line == podLine
            })
        #expect(
            plan.findings.errors.contains {
                $0.kind == .sharesPastFull(rule: "B", total: Percent(basisPoints: 11_000)) && $0.location.line == shareLine
            })
    }

    @Test func enrichmentFields() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Named
                        when: account.owner is set
                        assign: account-owner
                        pod: East
                      - name: EMEA
                        when: region = EMEA and employees >= 10
                        assign: pod East
                      - name: Rest
                        assign: pod West
                    """)))
        #expect(plan.routing.rows[0].enrichment == ["account.owner", "email domain (account match)"])
        #expect(plan.routing.enrichmentFields == ["account.owner", "email domain (account match)", "region", "employees"])
    }

    @Test func sampleReplay() throws {
        let csv = """
            lead_id,region,employees,note
            1,EMEA,6000,"big, quoted"
            2,NA,100,plain
            3,"EMEA",,"multi
            line"
            4,APAC,50,x
            """
        let yaml = TestBriefs.replacing([
            "routing":
                "routing:\n  - name: EMEA\n    when: region = EMEA\n    assign: pod East\n  - name: NA\n    when: region = NA and industry = Retail\n    assign: pod West",
            "sample": "sample: leads.csv",
        ])
        let plan = try #require(TestBriefs.plan(yaml, sample: csv))
        let replay = try #require(plan.routing.sample)
        #expect(replay.rows == 4)
        #expect(replay.matches == [2, 0])
        #expect(replay.unmatched.map(\.row) == [2, 4])
        #expect(replay.missingFields == ["industry"])
        #expect(plan.findings.errors.contains { if case .sampleMissingColumn("industry", _) = $0.kind { true } else { false } })
        #expect(plan.routing.rows[0].share == 0.5 && plan.routing.rows[0].shareSource == .sample)
    }

    /// SPEC §3.2: with neither `fields` nor a sample, a field only one rule names that is one or
    /// two edits from another field of the brief or a common lead field is a warning with the
    /// suggestion (`lead-sorce` makes a rule that never fires in the CRM).
    @Test func aLikelyMisspeltFieldIsAWarningWithTheSuggestion() throws {
        let plan = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Events
                        when: lead-sorce = event
                        assign: pod East
                      - name: Big
                        when: employes >= 500
                        assign: pod East
                      - name: Rest
                        assign: round-robin East, West
                    """)))
        #expect(plan.findings.contains { $0.kind == .likelyMisspeltField(field: "lead-sorce", rule: "Events", suggestion: "lead-source") })
        #expect(plan.findings.contains { $0.kind == .likelyMisspeltField(field: "employes", rule: "Big", suggestion: "employees") })
        // A field named by two rules is deliberate, and one far from any known field is left alone.
        let fine = try #require(
            TestBriefs.plan(
                Self.rules(
                    """
                      - name: Events
                        when: partner-tier = gold
                        assign: pod East
                      - name: Rest
                        assign: round-robin East, West
                    """)))
        #expect(!fine.findings.contains { if case .likelyMisspeltField = $0.kind { true } else { false } })
    }

    /// With `fields`, a condition naming another field is an error at its `when`, with a
    /// suggestion; with a sample, its header is the list.
    @Test func theFieldsListAndTheSampleHeaderAreTheFieldsThereAre() throws {
        let misspelt = Self.rules(
            """
              - name: Events
                when: lead-sorce = event
                assign: pod East
              - name: Rest
                assign: round-robin East, West
            """)
        let yaml = misspelt + "fields: [lead-source, region, employees]\n"
        let (brief, diagnostics) = TestBriefs.decode(yaml)
        #expect(brief == nil)
        let error = try #require(diagnostics.errors.first)
        #expect(error.message.contains("reads field 'lead-sorce', which 'fields' does not list; did you mean 'lead-source'?"), "\(error)")
        #expect(
            error.location.line
                == yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("when: lead-sorce") }.map {
                    $0 + 1
                })
        let plan = try #require(TestBriefs.plan(misspelt + "sample: s.csv\n", sample: "lead-source,region\nevent,EMEA\n"))
        #expect(plan.findings.contains { $0.kind == .sampleMissingColumn(field: "lead-sorce", suggestion: "lead-source") })
    }
}
