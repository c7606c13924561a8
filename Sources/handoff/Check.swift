import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

extension DiagnosticFormat: ExpressibleByArgument {}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every brief and print diagnostics; writes nothing.")

    @OptionGroup var content: ContentOptions
    @Flag(help: "Fail (exit 1) on warnings and SLA breaches too.")
    var strict = false
    @Option(help: "Output: text (compiler style), github (Actions annotations) or json.")
    var format: DiagnosticFormat = .text

    func run() async throws {
        let options = try content.buildOptions()
        let driver = BuildDriver(options: options)
        let report = try await CommandLineEdge.run { () async throws(HandoffError) in try await driver.check() }
        let output = format.render(report.diagnostics)
        if format == .text {
            CommandLineEdge.printError(output)
        } else {
            print(output, terminator: "")
        }
        let breaches = report.plans.filter { $0.sla.status == .breach }.map(\.segment)
        if format == .text {
            let e = report.diagnostics.errors.count, w = report.warningCount
            var line =
                "\(report.plans.count) brief\(report.plans.count == 1 ? "" : "s") checked: \(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
            if !breaches.isEmpty { line += ", SLA breach in \(breaches.joined(separator: ", "))" }
            CommandLineEdge.printError(line + "\n")
        }
        if report.hasErrors || (strict && (report.warningCount > 0 || !breaches.isEmpty)) { throw ExitCode(1) }
    }
}
