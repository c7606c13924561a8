import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Plan every brief and write the approval-packet site.")

    @OptionGroup var content: ContentOptions
    @Option(help: "Folder the site is written to; replaced whole on success.")
    var output = "Public"
    @Option(help: "Templates folder; its files override the built-in ones one by one.")
    var templates: String?
    @OptionGroup var records: RecordOptions
    @Option(name: .customLong("base-url"), help: "Public URL of the site: adds canonical links and sitemap.xml.")
    var baseURL: String?
    @Flag(help: "No progress line and no summary.")
    var quiet = false
    @Flag(help: "After the build, the time each stage took (load, plan, simulate, records, Markdown, cmark, templates, write).")
    var timings = false

    func run() async throws {
        let started = Date()
        var options = try content.buildOptions()
        options.output = output
        options.templates = templates
        options.templatesExplicit = templates != nil
        options.plans = records.plans
        options.segments = records.segments
        options.baseURL = baseURL
        let stageTimes = timings ? BuildTimings() : nil
        options.timings = stageTimes
        // A test hook: stop with SIGKILL before the N-th change to the file system, to prove
        // that no instant of a build loses the previous site or leaves half a record.
        if let text = ProcessInfo.processInfo.environment["HANDOFF_TEST_KILL_AT"], let n = Int(text) {
            options.disk = Disk(faults: FaultInjection(at: n, action: .kill))
        }
        let driver = BuildDriver(options: options, progress: CommandLineEdge.progress(quiet: quiet))
        let report = try await CommandLineEdge.run { () async throws(HandoffError) in try await driver.build() }
        CommandLineEdge.clearProgress(quiet: quiet)
        CommandLineEdge.printError(DiagnosticFormat.text.render(report.diagnostics))
        for note in report.notes { CommandLineEdge.printError(note + "\n") }
        if report.hasErrors {
            CommandLineEdge.printError("build stopped: \(DiagnosticFormat.stoppedSummary(report.diagnostics)); nothing was written\n")
            throw ExitCode(1)
        }
        if !quiet {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let records = report.recordsWritten.count
            let n = report.segmentCount
            let warnings = "\(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
            if report.unchanged {
                print(
                    "\(output)/ is up to date: nothing changed since the last build (\(n) segment\(n == 1 ? "" : "s"), \(report.pagesWritten) pages, \(warnings)), \(seconds)s"
                )
            } else {
                print(
                    "Built \(n) segment\(n == 1 ? "" : "s") into \(output)/: \(report.pagesWritten) pages (\(report.filesWritten) files), \(warnings), \(records) plan record\(records == 1 ? "" : "s") written, \(seconds)s"
                )
            }
        }
        if let stageTimes {
            let seconds = Date().timeIntervalSince(started)
            print(TimingsReport.text(stageTimes, planned: report.plans.count, unchanged: report.unchanged, wallSeconds: seconds))
        }
    }
}
