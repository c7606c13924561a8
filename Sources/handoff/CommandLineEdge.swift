import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

/// The only place that reads the clock and the environment: the build date and the record
/// timestamp come from `--as-of`, `SOURCE_DATE_EPOCH`, or now, and go inward as values.
enum CommandLineEdge {
    static func sourceDateEpoch() throws -> Int? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '\(text)'")
        }
        return value
    }

    static func timestamp() throws -> Int {
        try sourceDateEpoch() ?? Int(Date().timeIntervalSince1970)
    }

    static func asOf(_ option: String?) throws -> CalendarDate {
        if let option {
            guard let date = CalendarDate(parsing: option) else { throw ValidationError("--as-of takes YYYY-MM-DD, not '\(option)'") }
            return date
        }
        let seconds = try timestamp()
        return CalendarDate(daysSinceEpoch: Int(floor(Double(seconds) / 86_400)))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Runs a driver step, turning usage and I/O failures into exit 2.
    static func run<T>(_ body: () async throws(HandoffError) -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            printError(error.description + "\n")
            throw ExitCode(2)
        }
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A progress line on a terminal; silent elsewhere.
    static func progress(quiet: Bool) -> @Sendable (String) -> Void {
        guard !quiet, stderrIsTerminal else { return { _ in } }
        return { message in FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8)) }
    }

    static func clearProgress(quiet: Bool) {
        if !quiet, stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Options shared by the commands that read briefs.
struct ContentOptions: ParsableArguments {
    @Option(help: "Folder of briefs (.yml, .yaml).")
    var content = "Content"
    @Option(name: .customLong("as-of"), help: "Build date YYYY-MM-DD for overdue checks (default: SOURCE_DATE_EPOCH, else today).")
    var asOf: String?
    @Option(help: "Folder of simulated SLA models kept between runs, keyed on each brief's inputs and this program.")
    var cache = ".handoff-cache"
    @Flag(name: .customLong("no-cache"), help: "Simulate every brief afresh; neither read nor write the cache.")
    var noCache = false

    /// Driver options with the date and timestamp resolved at this edge.
    func buildOptions() throws -> BuildOptions {
        var options = BuildOptions(asOf: try CommandLineEdge.asOf(asOf), timestamp: try CommandLineEdge.timestamp())
        options.content = content
        options.cache = noCache ? nil : cache
        return options
    }
}

/// Options of the commands that write plan records.
struct RecordOptions: ParsableArguments {
    @Option(help: "Folder of plan records.")
    var plans = ".claude/plans"
    @Option(name: .customLong("segment"), help: "Only this segment (repeatable); other segments are kept as they are.")
    var segments: [String] = []
}
