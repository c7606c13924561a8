import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

/// Output of `handoff diff`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
}

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a change to the briefs does: inputs, routing, SLA figures, readiness and stale sign-offs.")

    @OptionGroup var content: ContentOptions
    @Option(name: .customLong("base-ref"), help: "Git revision of the briefs before the change (e.g. origin/main).")
    var baseRef: String?
    @Option(help: "Folder of the briefs before the change.")
    var base: String?
    @Option(help: "Folder of plan records, which bind approvals to versions on both sides.")
    var plans = ".claude/plans"
    @Option(help: "markdown (a pull-request comment or job summary) or json (docs/diff-json.md).")
    var format: DiffFormat = .markdown

    func validate() throws {
        guard (baseRef == nil) != (base == nil) else { throw ValidationError("give exactly one of --base-ref REF or --base DIR") }
    }

    func run() async throws {
        var options = try content.buildOptions()
        options.plans = plans
        let driver = DiffDriver(options: options)
        let source: DiffDriver.Base = baseRef.map { .gitRef($0) } ?? .folder(base ?? "")
        let result = try await CommandLineEdge.run { () async throws(HandoffError) in try await driver.compare(against: source) }
        let label = baseRef ?? base ?? ""
        let errors = result.head.diagnostics.errors.count
        switch format {
        case .markdown: print(DiffMarkdown.render(result.comparison, baseLabel: label, headErrors: errors), terminator: "")
        case .json: print(DiffJSON(result.comparison, base: label, errors: errors).serialized(), terminator: "")
        }
        if errors > 0 {
            CommandLineEdge.printError(DiagnosticFormat.text.render(result.head.diagnostics.errors))
            throw ExitCode(1)
        }
    }
}
