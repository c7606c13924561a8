import ArgumentParser
import Foundation
import HandoffSite

/// `handoff`: marketing-to-sales handoff briefs in, an approval-packet site out.
@main
struct Handoff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handoff",
        abstract: "Turn marketing-to-sales handoff briefs into a browsable approval-packet site.",
        version: HandoffVersion.current,
        subcommands: [Build.self, Check.self, Plan.self, Diff.self, Serve.self, Parse.self, Schema.self, New.self]
    )

    /// Exit codes follow SPEC §4: 1 for brief errors, 2 for wrong usage or I/O failures.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode { Foundation.exit(exit.rawValue) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
