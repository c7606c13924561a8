import Testing

@testable import HandoffCore

@Suite("Brief decoder")
struct BriefDecoderTests {
    @Test func defaults() throws {
        let brief = try #require(TestBriefs.brief(TestBriefs.replacing(["timezone": "", "hours": "", "launch": ""])))
        #expect(brief.title == "Test")
        #expect(brief.slaClock == .business)
        #expect(brief.targetAttainment.basisPoints == 9000)
        #expect(brief.timezone == "UTC")
        #expect(brief.hours.text == "Mon-Fri 09:00-17:00")
        #expect(brief.launch == nil)
        #expect(brief.escalation.ladder == ["RevOps Director", "Sales Manager", "CRO"])
        #expect(brief.escalation.trigger == .standard)
        #expect(brief.escalation.retryLimit == 2)
        #expect(brief.pattern == .auto)
        #expect(brief.volume.afterHoursShare == .zero)
        #expect(brief.pods[0].role == .sdr && brief.pods[0].shrinkage == .zero && brief.pods[0].hours == nil)
    }

    @Test func everyFieldDecodes() throws {
        let yaml = TestBriefs.replacing([
            "segment":
                "segment: mid-market\ntitle: Mid-market inbound\nsla-clock: calendar\ntarget-attainment: 85.5%\nowner: Dana Ruiz\npattern: diamond",
            "volume": "volume:\n  leads-per-week: 12.5\n  after-hours-share: 20%\n  handle-time: 1h30m",
            "pods":
                "pods:\n  - name: East\n    reps: 20\n    role: AE\n    hours: Mon-Thu 08:00-18:00\n    timezone: Europe/Berlin\n    shrinkage: 30%\n    max-open: 15\n  - name: West\n    reps: 2",
            "scoring": "scoring:\n  model: v3\n  threshold: 65\n  max: 100",
            "escalation":
                "escalation:\n  ladder: [A, B]\n  trigger: 3 breaches in 1d\n  retry-limit: 1\n  fallbacks:\n    - role: A\n      covered-by: C",
            "enablement":
                "enablement:\n  - asset: Deck\n    kind: collateral\n    pods: [East]\n    owner: PMM\n    lead-time: 10d\n    due: 2027-02-01\n    status: in-review",
            "dependencies": "dependencies:\n  - name: Score sync\n    kind: scoring\n    owner: MOps\n    due: 2027-02-01\n    ready: yes",
            "approvals": "approvals:\n  - role: VP Sales\n    name: Kim\n    status: approved\n    date: 2026-11-20",
        ])
        let b = try #require(TestBriefs.brief(yaml))
        #expect(b.segment == "mid-market" && b.title == "Mid-market inbound" && b.slaClock == .calendar)
        #expect(b.targetAttainment.basisPoints == 8550 && b.owner == "Dana Ruiz" && b.pattern == .diamond)
        #expect(b.volume.leadsPerWeek == 12.5 && b.volume.afterHoursShare.basisPoints == 2000 && b.volume.handleTime.clockMinutes == 90)
        let east = b.pods[0]
        #expect(east.reps == 20 && east.role == .ae && east.timezone == "Europe/Berlin" && east.maxOpen == 15)
        #expect(east.hours?.weeklyHours == 40 && ErlangC.productiveAgents(reps: east.reps, shrinkage: east.shrinkage) == 14)
        #expect(b.scoring?.threshold == 65 && b.scoring?.max == 100)
        #expect(b.escalation.ladder == ["A", "B"] && b.escalation.trigger.breaches == 3 && b.escalation.trigger.window.days == 1)
        #expect(b.escalation.fallbacks.first?.coveredBy == "C" && b.escalation.retryLimit == 1)
        #expect(b.enablement.first?.status == .inReview && b.enablement.first?.pods == ["East"] && b.enablement.first?.leadTime?.days == 10)
        #expect(b.dependencies.first?.ready == true && b.dependencies.first?.kind == .scoring)
        #expect(b.approvals.first?.status == .approved && b.approvals.first?.date?.description == "2026-11-20")
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var replacements: [String: String]
        var message: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown key with suggestion", replacements: ["owner": "ownr: Dana"],
            message: "unknown key 'ownr' in the brief; did you mean 'owner'?"),
        BadCase(name: "missing segment", replacements: ["segment": ""], message: "missing required key 'segment'"),
        BadCase(name: "segment not a slug", replacements: ["segment": "segment: Mid Market"], message: "is not a slug"),
        BadCase(name: "goal with suggestion", replacements: ["goal": "goal: pipline"], message: "did you mean 'pipeline'?"),
        BadCase(name: "bad duration", replacements: ["response-sla": "response-sla: 2 hours"], message: "is not a duration"),
        BadCase(name: "zero SLA", replacements: ["response-sla": "response-sla: 0m"], message: "longer than zero"),
        BadCase(name: "bad percent", replacements: ["target-attainment": "target-attainment: 120%"], message: "is not a percentage"),
        BadCase(name: "bad date", replacements: ["launch": "launch: 2027-02-30"], message: "is not a date"),
        BadCase(
            name: "bad timezone", replacements: ["timezone": "timezone: America/New_Yrok"], message: "did you mean 'America/New_York'?"),
        BadCase(name: "bad hours", replacements: ["hours": "hours: weekdays"], message: "invalid hours"),
        BadCase(
            name: "a day range past Sunday", replacements: ["hours": "hours: Sun-Thu 09:00-17:00"],
            message: "'Sun-Thu' wraps past Sunday; day ranges run from Mon to Sun, so write 'Sun,Mon-Thu'"),
        BadCase(
            name: "an abbreviation for a zone", replacements: ["timezone": "timezone: EST"],
            message:
                "'EST' is UTC−5 all year, without daylight saving: write 'America/New_York' for its local time with daylight saving, or 'America/Panama' for UTC−5 all year"
        ),
        BadCase(
            name: "a key indented one space too deep",
            replacements: ["volume": "volume:\n  leads-per-week: 200\n   handle-time: 15m"],
            message:
                "inconsistent indentation: this key is indented 3 spaces, deeper than the key above it; if it belongs to the same map, indent it 2 spaces (column 3)"
        ),
        BadCase(
            name: "reps not a number", replacements: ["pods": "pods:\n  - name: East\n    reps: four"],
            message: "'four' is not a whole number"),
        BadCase(
            name: "unknown pod key", replacements: ["pods": "pods:\n  - name: East\n    reps: 4\n    shrink: 10%"],
            message: "unknown key 'shrink' in a pod; did you mean 'shrinkage'?"),
        BadCase(
            name: "reps and shifts on one pod",
            replacements: [
                "pods":
                    "pods:\n  - name: East\n    reps: 4\n    shifts:\n      - name: Early\n        hours: Mon-Fri 08:00-16:00\n        reps: 2"
            ],
            message: "a pod states 'reps' or 'shifts', not both"),
        BadCase(
            name: "hours and shifts on one pod",
            replacements: [
                "pods":
                    "pods:\n  - name: East\n    hours: Mon-Fri 09:00-17:00\n    shifts:\n      - name: Early\n        hours: Mon-Fri 08:00-16:00\n        reps: 2"
            ],
            message: "a pod states 'hours' or 'shifts', not both"),
        BadCase(
            name: "a pod with neither reps nor shifts", replacements: ["pods": "pods:\n  - name: East\n    shrinkage: 10%"],
            message: "'reps'"),
        BadCase(
            name: "a shift name twice",
            replacements: [
                "pods":
                    "pods:\n  - name: East\n    shifts:\n      - name: Early\n        hours: Mon-Fri 08:00-16:00\n        reps: 2\n      - name: Early\n        hours: Mon-Fri 12:00-20:00\n        reps: 1"
            ],
            message: "shift 'Early' is defined twice (first at line"),
        BadCase(
            name: "a shift past midnight",
            replacements: [
                "pods": "pods:\n  - name: East\n    shifts:\n      - name: Night\n        hours: Mon-Fri 22:00-06:00\n        reps: 2"
            ],
            message:
                "shift 'Night' runs past midnight (Mon-Fri 22:00-06:00); hours are read day by day: write it in two parts, 'Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00'"
        ),
        BadCase(
            name: "a shift without reps",
            replacements: ["pods": "pods:\n  - name: East\n    shifts:\n      - name: Early\n        hours: Mon-Fri 08:00-16:00"],
            message: "missing required key 'reps' in a shift"),
        BadCase(
            name: "a shift without hours",
            replacements: ["pods": "pods:\n  - name: East\n    shifts:\n      - name: Early\n        reps: 2"],
            message: "missing required key 'hours' in a shift"),
        BadCase(
            name: "contract hours in days", replacements: ["contract-hours": "contract-hours: 1d"],
            message: "contract-hours is a rep's paid hours a week, written in hours"),
        BadCase(
            name: "list where text expected", replacements: ["goal": "goal:\n  - pipeline"],
            message: "'goal' should be a text value, not a list"),
        BadCase(
            name: "text where list expected", replacements: ["qualification": "qualification: ICP"],
            message: "'qualification' should be a list"),
        BadCase(
            name: "bad condition", replacements: ["routing": "routing:\n  - name: R\n    when: region is EMEA\n    assign: pod East"],
            message: "invalid condition"),
        BadCase(name: "bad assign", replacements: ["routing": "routing:\n  - name: R\n    assign: queues East"], message: "invalid assign"),
        BadCase(
            name: "bad weights",
            replacements: ["routing": "routing:\n  - name: R\n    assign: round-robin East, West\n    weights: East, West"],
            message: "weights read like"),
        BadCase(name: "bad trigger", replacements: ["escalation": "escalation:\n  trigger: twice a day"], message: "trigger reads like"),
        BadCase(
            name: "bad boolean", replacements: ["dependencies": "dependencies:\n  - name: X\n    ready: maybe"], message: "is not yes/no"),
        BadCase(
            name: "bad status", replacements: ["approvals": "approvals:\n  - role: VP\n    status: aproved"],
            message: "did you mean 'approved'?"),
        BadCase(
            name: "empty brief",
            replacements: [
                "segment": "", "goal": "", "response-sla": "", "launch": "", "timezone": "", "hours": "", "funnel": "", "qualification": "",
                "volume": "", "pods": "", "routing": "",
            ], message: "the brief is empty"),
    ]

    @Test(arguments: badCases)
    func errors(_ c: BadCase) {
        let (brief, diagnostics) = TestBriefs.decode(TestBriefs.replacing(c.replacements))
        #expect(brief == nil)
        let errors = diagnostics.errors
        #expect(errors.contains { $0.message.contains(c.message) }, "\(errors.map(\.headline))")
        #expect(errors.allSatisfy { $0.location.file == "t.yml" && $0.location.line >= 1 })
    }

    @Test func errorLocationsAreExact() {
        let yaml =
            "segment: x\ngoal: pipline\nresponse-sla: 2h\nfunnel: []\nqualification: [a]\nvolume:\n  leads-per-week: lots\n  handle-time: 5m\nrouting:\n  - name: R\n    assign: pod Nowhere\n    colour: red\n"
        let (_, diagnostics) = TestBriefs.decode(yaml)
        let found = diagnostics.errors.sortedByLocation().map { "\($0.location.line):\($0.location.column)" }
        // The unknown pod is a cross-reference, reported with the schema errors.
        #expect(found == ["2:7", "7:19", "11:13", "12:5"], "\(diagnostics.map(\.headline))")
    }

    @Test func threeMistakesThreeErrors() {
        let yaml = TestBriefs.replacing([
            "goal": "goal: pipelines", "response-sla": "response-sla: soon",
            "volume": "volume:\n  leads-per-week: 200\n  handle-time: 15m\n  peak: 3",
        ])
        let (_, diagnostics) = TestBriefs.decode(yaml)
        #expect(diagnostics.errors.count == 3, "\(diagnostics.map(\.headline))")
    }

    @Test func starterBriefPasses() throws {
        let (brief, diagnostics) = TestBriefs.decode(StarterBrief.text(segment: "emea-inbound"))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.headline))")
        let b = try #require(brief)
        let plan = Planner.plan(b, asOf: TestBriefs.asOf)
        #expect(plan.findings.isEmpty, "\(plan.findings)")
    }

    @Test func schemaListsEveryKey() {
        let schema = BriefSchema.jsonSchema()
        #expect(schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        guard case .object(let props)? = schema["properties"] else {
            Issue.record("no properties")
            return
        }
        #expect(props.map(\.0) == BriefSchema.brief.keys)
        #expect(
            schema["required"]?.arrayValue?.compactMap(\.stringValue) == [
                "segment", "goal", "response-sla", "funnel", "qualification", "volume", "routing",
            ])
    }
}

/// Diagnostics point at the offending key or value, not at a neighbour.
@Suite("Diagnostics at the right line")
struct DiagnosticLocationTests {
    static func errorLine(_ yaml: String) -> (line: Int, column: Int)? {
        let (_, diagnostics) = TestBriefs.decode(yaml)
        return diagnostics.errors.first.map { ($0.location.line, $0.location.column) }
    }

    static func line(of text: String, in yaml: String) -> Int {
        (yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    @Test func aThresholdAboveMaxPointsAtTheThreshold() {
        let yaml = TestBriefs.replacing(["scoring": "scoring:\n  model: Score v2\n  threshold: 120\n  max: 100"])
        let found = Self.errorLine(yaml)
        #expect(found?.line == Self.line(of: "threshold: 120", in: yaml) && found?.column == 14)
    }

    @Test func aListWhereTextBelongsPointsAtTheKey() {
        let yaml = TestBriefs.base.replacingOccurrences(of: "goal: pipeline", with: "goal:\n  - pipeline")
        let found = Self.errorLine(yaml)
        #expect(found?.line == Self.line(of: "goal:", in: yaml) && found?.column == 1)
    }

    @Test func aMapWhereAListBelongsPointsAtTheKey() {
        let yaml = TestBriefs.base.replacingOccurrences(of: "qualification:\n  - ICP fit", with: "qualification:\n  fit: ICP")
        let found = Self.errorLine(yaml)
        #expect(found?.line == Self.line(of: "qualification:", in: yaml) && found?.column == 1)
    }
}
