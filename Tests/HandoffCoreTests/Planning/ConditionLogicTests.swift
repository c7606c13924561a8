import HandoffEngine
import Testing

@testable import HandoffCore

/// `or` groups, `not in`, `contains` and `ends with` through the whole routing blueprint: parsed,
/// evaluated, and analysed so that a rule is unreachable only when it truly is, and every
/// synthetic lead lands on its rule when run through the rules.
@Suite("Condition logic: or, not in, contains, ends with")
struct ConditionLogicTests {
    @Test(arguments: [
        ("email contains acme", ConditionAtom.Test.contains("acme")),
        ("email ends with @acme.com", .endsWith("@acme.com")),
        ("company contains Big Co", .contains("Big Co")),
        ("email ends  with @acme.com", .endsWith("@acme.com")),
        ("country not  in [US, CA]", .notIn(["US", "CA"])),
    ])
    func acceptsTextOperators(_ text: String, _ test: ConditionAtom.Test) throws {
        #expect(try ConditionAtom.parse(text).get().test == test)
    }

    @Test(arguments: [
        ("email ends @acme.com", "'ends' after 'email' is not an operator"),
        ("email contains", "'contains' needs the text to look for"),
        ("email ends with", "'ends with' needs the text to look for"),
        ("region = EMEA or", "empty condition next to 'or'"),
        ("or region = EMEA", "empty condition next to 'or'"),
        ("region = EMEA or or region = APAC", "empty condition next to 'or'"),
        ("email endswith x", "conditions use"),
    ])
    func rejectsWithTheOperators(_ text: String, _ message: String) {
        switch Condition.parse(text) {
        case .success(let c): Issue.record("accepted '\(text)' as \(c)")
        case .failure(let error): #expect(error.message.contains(message), "\(text): \(error.message)")
        }
    }

    @Test func orGroupsBindLooserThanAnd() throws {
        let c = try Condition.parse("lead-source = partner-referral or partner.id is set and employees >= 100").get()
        #expect(c.groups.count == 2 && c.groups[1].count == 2)
        #expect(c.matches(Lead(["lead-source": "Partner-Referral"])))
        #expect(!c.matches(Lead(["partner.id": "p1"])))
        #expect(c.matches(Lead(["partner.id": "p1", "employees": "100"])))
        #expect(c.description == "lead-source = partner-referral or partner.id is set and employees >= 100")
        #expect(c.fields == ["lead-source", "partner.id", "employees"])
        // A list keeps its commas and words: `or` inside brackets is a value.
        let listed = try Condition.parse("industry in [oil or gas, mining]").get()
        #expect(listed.groups.count == 1 && listed.matches(Lead(["industry": "oil or gas"])))
    }

    @Test func textOperatorsIgnoreCaseAndFailOnMissingFields() throws {
        let ends = try Condition.parse("email ends with @Acme.com").get()
        #expect(ends.matches(Lead(["email": "jo@ACME.COM"])))
        #expect(!ends.matches(Lead(["email": "jo@acme.com.evil"])))
        #expect(!ends.matches(Lead()))
        let notIn = try Condition.parse("country not in [US, CA]").get()
        #expect(notIn.matches(Lead()) && notIn.matches(Lead(["country": "MX"])) && !notIn.matches(Lead(["country": "us"])))
    }

    /// Each case: rules (condition or nil for a catch-all) and which are reachable.
    static let reachabilityCases: [(String, [String?], [Bool])] = [
        (
            "or covers a later rule", ["lead-source = partner-referral or partner.id is set", "partner.id is set", nil],
            [true, false, true]
        ),
        ("or of values equals in", ["region = EMEA or region = APAC", "region in [EMEA, APAC]", nil], [true, false, true]),
        ("in covers part of an or", ["region in [EMEA]", "region = EMEA or region = APAC", nil], [true, true, true]),
        (
            "not in then in", ["country not in [US, CA]", "country in [US]", "country = CA", "country = MX", nil],
            [true, true, true, false, false]
        ),
        (
            "ends with then contains", ["email ends with @acme.com", "email contains acme", "email ends with @ACME.com", nil],
            [true, true, false, true]
        ),
        ("contains covers ends with", ["email contains acme", "email ends with @acme.com", nil], [true, false, true]),
        (
            "unrelated endings", ["email ends with @a.com", "email ends with @b.com", "email ends with .com", nil],
            [true, true, true, true]
        ),
        ("ending within ending", ["email ends with .com", "email ends with @b.com", nil], [true, false, true]),
        ("contains impossible with ending", ["email ends with @x.io and email contains acme", nil], [true, true]),
        (
            "contains vs not-contains equality", ["email = jo@acme.com", "email contains acme and email != jo@acme.com", nil],
            [true, true, true]
        ),
        (
            "arrival or field",
            ["arrives during Sat-Sun 00:00-24:00 or region = APAC", "region = APAC and arrives during Mon-Fri 00:00-24:00", nil],
            [true, false, true]
        ),
        (
            "arrival weekday after weekend",
            ["arrives during Sat-Sun 00:00-24:00", "region = EMEA and arrives during Mon-Fri 09:00-17:00", nil],
            [true, true, true]
        ),
        (
            "or with an impossible group", ["employees < 10 and employees > 20 or region = EMEA", "region = EMEA", nil],
            [true, false, true]
        ),
    ]

    @Test(arguments: reachabilityCases.indices)
    func reachability(_ index: Int) throws {
        let (name, conditions, expected) = Self.reachabilityCases[index]
        let yaml = Self.rules(conditions)
        let plan = try #require(TestBriefs.plan(yaml), "\(name)")
        #expect(plan.routing.rows.map(\.isReachable) == expected, "\(name)")
        for row in plan.routing.rows where row.isReachable {
            #expect(
                row.pathTestPasses,
                "\(name): rule \(row.order)'s lead \(String(describing: row.syntheticLead)) goes to \(String(describing: row.syntheticLeadRoutesTo))"
            )
        }
    }

    static func rules(_ conditions: [String?]) -> String {
        RoutingTests.rules(
            conditions.enumerated().map { i, c in
                "  - name: Rule \(i + 1)\n" + (c.map { "    when: \($0)\n" } ?? "") + "    assign: pod \(i % 2 == 0 ? "East" : "West")\n"
            }.joined())
    }

    @Test func sampleReplayRoutesRowsWithTheNewOperators() throws {
        let yaml = Self.rules(["email ends with .edu or lead-source = spam", "country not in [US, CA]", "company contains acme", nil])
        let brief = try #require(TestBriefs.brief(yaml))
        let csv = """
            email,lead-source,country,company
            jo@uni.EDU,web,US,Uni
            x@b.com,spam,US,B
            y@b.com,web,DE,B
            z@acme.com,web,US,Big Acme Inc
            w@b.com,web,CA,B
            """
        let replay = try SampleReplay.replay(csv: csv, file: "s.csv", rules: brief.routing).get()
        #expect(replay.matches == [2, 1, 1, 1] && replay.missingFields.isEmpty)
        let plan = try #require(TestBriefs.plan(yaml, sample: csv))
        #expect(plan.routing.enrichmentFields == ["email", "lead-source", "country", "company"])
    }

    /// Against brute force: random rule lists over a small vocabulary, and every lead built from
    /// the values the atoms mention (and values next to them). A rule the search calls
    /// unreachable must have no such lead; every lead the search shows must route to its rule.
    @Test func agreesWithBruteForceOnRandomRules() {
        var rng = SplitMix64(seed: 20_261_126)
        let regions: [String?] = [nil, "EMEA", "APAC", "NA", "other"]
        let emails: [String?] = [nil, "jo@acme.com", "acme-ops@b.com", "x@b.com", "x@a.io", "other"]
        let sizes: [String?] = [nil, "0", "150", "200", "999", "1000", "5000"]
        var leads: [Lead] = []
        for r in regions {
            for e in emails {
                for s in sizes {
                    var lead = Lead()
                    lead["region"] = r
                    lead["email"] = e
                    lead["employees"] = s
                    leads.append(lead)
                }
            }
        }
        let atoms = [
            "region = EMEA", "region != APAC", "region in [EMEA, APAC]", "region not in [EMEA]", "region is set", "region is not set",
            "email ends with @acme.com", "email contains acme", "email ends with .com", "email is not set", "email contains @b",
            "employees >= 200", "employees < 1000", "employees > 999", "employees is set",
        ]
        var disagreements: [String] = []
        for _ in 0..<300 {
            var conditions: [Condition] = []
            for _ in 0..<(2 + Int(rng.next() % 4)) {
                let groups = (0..<(1 + Int(rng.next() % 2))).map { _ in
                    (0..<(1 + Int(rng.next() % 2))).compactMap { _ in
                        try? ConditionAtom.parse(atoms[Int(rng.next() % UInt64(atoms.count))]).get()
                    }
                }
                conditions.append(Condition(groups: groups))
            }
            for (i, c) in conditions.enumerated() {
                let earlier = Array(conditions[..<i])
                let found = PathFinder.lead(meeting: c, missing: earlier)
                let brute = leads.first { l in c.matches(l) && !earlier.contains { $0.matches(l) } }
                if let found {
                    if !c.matches(found) || earlier.contains(where: { $0.matches(found) }) {
                        disagreements.append("\(conditions) rule \(i): shown lead \(found) does not route there")
                    }
                } else if let brute {
                    disagreements.append("\(conditions) rule \(i): called unreachable, but \(brute) reaches it")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}
