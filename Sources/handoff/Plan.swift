import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write plan records for briefs whose planning inputs changed, without building the site.")

    @OptionGroup var content: ContentOptions
    @OptionGroup var records: RecordOptions

    func run() async throws {
        var options = try content.buildOptions()
        options.plans = records.plans
        options.segments = records.segments
        let driver = BuildDriver(options: options)
        let report = try await CommandLineEdge.run { () async throws(HandoffError) in try await driver.updateRecords() }
        CommandLineEdge.printError(DiagnosticFormat.text.render(report.diagnostics))
        for note in report.notes { CommandLineEdge.printError(note + "\n") }
        if report.hasErrors { throw ExitCode(1) }
        let store = PlanRecordStore(folder: records.plans)
        let contents = try await CommandLineEdge.run { () async throws(HandoffError) in try store.read() }
        for plan in report.plans where report.recordsWritten[plan.segment] != nil {
            let name = report.recordsWritten[plan.segment] ?? ""
            let trail = AuditTrail(records: contents.records(for: plan.segment))
            let changes = trail.entries.last?.changes ?? []
            print("\(plan.segment): wrote \(records.plans)/\(name)")
            for change in changes { print("  - \(AuditText.change(change))") }
        }
        let unchanged = report.plans.count - report.recordsWritten.count
        if unchanged > 0 { print("\(unchanged) segment\(unchanged == 1 ? "" : "s") unchanged") }
    }
}
