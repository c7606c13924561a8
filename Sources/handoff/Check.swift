import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

extension DiagnosticFormat: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every brief and print diagnostics; writes nothing.")

    @OptionGroup var content: ContentOptions
    @Option(help: "Folder of plan records, which bind approvals to brief versions.")
    var plans = ".claude/plans"
    @Flag(help: "Fail (exit 1) on warnings, SLA breaches and approvals of an earlier version too, printing each.")
    var strict = false
    @Flag(name: .customLong("require-records"), help: "Fail when a brief's current version has no plan record.")
    var requireRecords = false
    @Option(help: "Output: text (compiler style), github (Actions annotations and job summary) or json (docs/check-json.md).")
    var format: DiagnosticFormat = .text
    @Flag(
        name: .customLong("write-cache"),
        help: "Keep newly simulated SLA models in the cache folder for later runs (otherwise check only reads it).")
    var writeCache = false

    func run() async throws {
        var options = try content.buildOptions()
        options.plans = plans
        // Check writes nothing unless asked: it reads the SLA cache another run left.
        options.writesCache = writeCache
        let driver = BuildDriver(options: options)
        let report = try await CommandLineEdge.run { () async throws(HandoffError) in try await driver.check() }
        let gate = CheckGate(strict: strict, requireRecords: requireRecords, plansFolder: plans)
        let diagnostics = gate.diagnostics(report)
        let output = format.render(diagnostics, report: report, strict: strict)
        if format == .text {
            CommandLineEdge.printError(output)
            for note in report.notes { CommandLineEdge.printError(note + "\n") }
            CommandLineEdge.printError(Self.summaryLine(report, diagnostics: diagnostics) + "\n")
        } else {
            print(output, terminator: "")
        }
        if format == .github, let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
            let json = CheckJSON(diagnostics: diagnostics, report: report, strict: strict)
            let markdown = CheckSummary.markdown(json, diagnostics: diagnostics)
            try await CommandLineEdge.run { () throws(HandoffError) in try CheckSummary.append(markdown, to: path) }
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// "4 briefs checked: 0 errors, 4 warnings, SLA breach in enterprise, smb".
    static func summaryLine(_ report: BuildReport, diagnostics: [Diagnostic]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line =
            "\(count(report.briefCount, "brief")) checked: \(count(diagnostics.errors.count, "error")), \(count(diagnostics.warnings.count, "warning"))"
        let breaches = report.plans.filter { $0.sla.status == .breach }.map(\.segment)
        if !breaches.isEmpty { line += ", SLA breach in \(names(breaches))" }
        let stale = report.plans.filter { $0.approval.readiness == .needsReApproval }.map(\.segment)
        if !stale.isEmpty { line += ", re-approval needed in \(names(stale))" }
        return line
    }

    /// A few segments by name, the rest counted: one line stays one line with a thousand briefs
    /// ("640 segments: seg-00002, seg-00003, seg-00004, seg-00005, seg-00007 and 635 more").
    static func names(_ segments: [String], shown: Int = 5) -> String {
        guard segments.count > shown + 1 else { return segments.joined(separator: ", ") }
        return "\(segments.count) segments: \(segments.prefix(shown).joined(separator: ", ")) and \(segments.count - shown) more"
    }
}
