import ArgumentParser
import Foundation
import HandoffCore

@main
struct Handoff: ParsableCommand {
    static let configuration = CommandConfiguration(subcommands: [Parse.self])
}

struct Parse: ParsableCommand {
    @Argument var file: String
    func run() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let doc = YAMLLiteParser.parse(bytes: Array(data), file: file)
        for d in doc.diagnostics { print(d) }
        if let root = doc.root { print(root.json.serialized(), terminator: "") }
    }
}
