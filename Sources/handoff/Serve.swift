import ArgumentParser
import Foundation
import HandoffServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the site live while briefs are written: re-plans on every save and reloads the open pages.",
        discussion: """
            Builds once into memory, serves the pages over HTTP, watches the content, templates and plans \
            folders, and on each save re-plans only the briefs that changed (SLA models come from the cache \
            when planning inputs did not change). A brief with errors shows them above its last good page. \
            Writes nothing into the output, content or plans folder. Ctrl-C stops it.
            """)

    @OptionGroup var content: ContentOptions
    @Option(help: "Folder of Mustache templates overriding the built-in ones.")
    var templates: String?
    @Option(help: "Folder of plan records, which bind approvals to brief versions (read only).")
    var plans = ".claude/plans"
    @Option(help: "Port to listen on (0: any free port).")
    var port = 1313
    @Option(help: "Address to listen on; only the loopback address unless you ask.")
    var bind = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() async throws {
        var options = try content.buildOptions()
        options.plans = plans
        options.templates = templates
        options.templatesExplicit = templates != nil
        if !["127.0.0.1", "::1", "localhost"].contains(bind) {
            CommandLineEdge.printError("warning: listening on \(bind): anyone who can reach this machine can read the site\n")
        }
        // Unbuffered, so a terminal or a pipe sees each line as it happens.
        let server = LiveServer(options: options, host: bind, port: port) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        do {
            try await server.run()
        } catch {
            CommandLineEdge.printError(error.description + "\n")
            throw ExitCode(2)
        }
    }
}
