import Testing

@testable import HandoffCore

/// Briefs for tests, built from YAML text like users write them.
enum TestBriefs {
    static let base = """
        segment: test
        goal: pipeline
        response-sla: 2h
        launch: 2027-03-01
        timezone: America/New_York
        hours: Mon-Fri 09:00-17:00
        funnel:
          - stage: MQL
            definition: Score over 60
        qualification:
          - ICP fit
        volume:
          leads-per-week: 200
          handle-time: 15m
        pods:
          - name: East
            reps: 4
          - name: West
            reps: 2
        routing:
          - name: EMEA
            when: region = EMEA
            assign: pod East
          - name: Rest
            assign: round-robin East, West

        """

    /// Decodes YAML into a brief, recording an issue for any error.
    static func brief(_ yaml: String, file: String = "t.yml", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Brief? {
        let (brief, diagnostics) = decode(yaml, file: file)
        if diagnostics.hasErrors {
            Issue.record("unexpected errors: \(diagnostics.map(\.headline))", sourceLocation: sourceLocation)
        }
        return brief
    }

    static func decode(_ yaml: String, file: String = "t.yml") -> (Brief?, [Diagnostic]) {
        BriefDecoder.decode(YAMLLiteParser.parse(text: yaml, file: file))
    }

    /// The base brief with some top-level keys replaced or added (whole blocks as text).
    static func replacing(_ replacements: [String: String]) -> String {
        var blocks: [(String, String)] = []
        var current = ""
        var key = ""
        for line in base.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first != " ", first != "-", let colon = line.firstIndex(of: ":") {
                if !key.isEmpty { blocks.append((key, current)) }
                key = String(line[..<colon])
                current = ""
            }
            current += line + "\n"
        }
        if !key.isEmpty { blocks.append((key, current)) }
        var out = ""
        for (k, text) in blocks {
            if let r = replacements[k] { out += r.isEmpty ? "" : r.hasSuffix("\n") ? r : r + "\n" } else { out += text }
        }
        for (k, r) in replacements.sorted(by: { $0.key < $1.key }) where !blocks.contains(where: { $0.0 == k }) {
            out += r.hasSuffix("\n") ? r : r + "\n"
        }
        return out
    }

    /// The 1-based line of the first line of `yaml` containing `text`.
    static func line(of text: String, in yaml: String) -> Int {
        (yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    static let asOf = CalendarDate(year: 2026, month: 11, day: 25)!

    static func plan(_ yaml: String, sample: String? = nil) -> HandoffPlan? {
        brief(yaml).map { Planner.plan($0, sampleCSV: sample, asOf: asOf) }
    }

    /// The groups of a brief's pods, each ready to simulate.
    static func simulators(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [GroupSimulator] {
        guard let brief = brief(yaml, sourceLocation: sourceLocation) else { return [] }
        var findings: [Finding] = []
        let routing = RoutingBlueprint.plan(brief, sample: nil, findings: &findings)
        return BriefNetwork(brief, routing: routing).groups().map { GroupSimulator($0, segment: brief.segment) }
    }

    /// A brief of pods open round the clock on the calendar clock (the textbook's own world),
    /// each `(name, reps)`, with `rules` as the routing.
    static func roundTheClock(pods: [(String, Int)], leadsPerWeek: Double, handle: String, sla: String, rules: String) -> String {
        replacing([
            "response-sla": "response-sla: \(sla)\nsla-clock: calendar",
            "hours": "hours: Mon-Sun 00:00-24:00",
            "volume": "volume:\n  leads-per-week: \(leadsPerWeek)\n  handle-time: \(handle)",
            "pods": "pods:\n" + pods.map { "  - name: \($0.0)\n    reps: \($0.1)\n" }.joined(),
            "routing": "routing:\n" + rules,
        ])
    }
}
