import Foundation

/// Small briefs the end-to-end tests write for themselves, so editing the showcase `Content/`
/// cannot break them.
enum Fixtures {
    /// A complete, valid brief; `extra` lines are appended at the top level.
    static func brief(segment: String = "alpha", title: String = "Alpha inbound", extra: String = "") -> String {
        """
        segment: \(segment)
        title: \(title)
        goal: pipeline
        response-sla: 2h
        launch: 2027-03-01
        timezone: America/New_York
        hours: Mon-Fri 09:00-17:00
        funnel:
          - stage: MQL
            definition: Score over 60
          - stage: SQL
            definition: Discovery held
        qualification:
          - ICP fit
        volume:
          leads-per-week: 120
          handle-time: 15m
        pods:
          - name: East
            reps: 4
        routing:
          - name: EMEA
            when: region = EMEA
            assign: pod East
          - name: Everyone else
            assign: pod East
        \(extra)
        """
    }

    /// Three briefs for end-to-end runs: alpha is clean, beta has an unreachable rule, gamma has
    /// no catch-all rule (a warning each).
    static var set: [String: String] {
        [
            "alpha.yml": brief(),
            "beta.yml": brief(segment: "beta", title: "Beta expansion").replacingOccurrences(
                of: "  - name: Everyone else\n",
                with: "  - name: Big EMEA\n    when: region = EMEA and employees >= 500\n    assign: pod East\n  - name: Everyone else\n"),
            "gamma.yml": brief(segment: "gamma", title: "Gamma partners").replacingOccurrences(
                of: "  - name: Everyone else\n    assign: pod East\n",
                with: "  - name: Partners\n    when: lead-source = partner\n    assign: pod East\n"),
        ]
    }

    /// A workspace (`root/project/`) whose project holds `Content/` with the given briefs by
    /// file name. The extra level lets tests point `--output ..` at a folder the test owns.
    static func workspace(_ briefs: [String: String]) throws -> (root: URL, project: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-fx-\(UUID().uuidString)")
        let project = root.appendingPathComponent("project")
        let content = project.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (name, text) in briefs {
            try Data(text.utf8).write(to: content.appendingPathComponent(name))
        }
        return (root, project)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
