import ArgumentParser
import Foundation
import HandoffCore
import HandoffSite

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the YAML-lite tree of one file as JSON, in file order.")

    @Argument(help: "A YAML-lite file.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            CommandLineEdge.printError("\(file): error: cannot read the file\n")
            throw ExitCode(2)
        }
        let document = YAMLLiteParser.parse(bytes: [UInt8](data), file: file)
        if document.diagnostics.hasErrors {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            CommandLineEdge.printError(DiagnosticFormat.text.render(BriefLoader.attachSnippets(document.diagnostics, lines: lines)))
            throw ExitCode(1)
        }
        print((document.root?.json ?? .null).serialized(), terminator: "")
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the brief's JSON Schema (draft 2020-12) for editors.")

    func run() {
        print(BriefSchema.jsonSchema().serialized(), terminator: "")
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter brief to Content/SEGMENT.yml, and brief.schema.json beside Content/ for editors.")

    @Argument(help: "Segment slug: lower-case letters, digits and '-'.")
    var segment: String
    @Option(help: "Folder of briefs.")
    var content = "Content"

    func validate() throws {
        guard segment.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil else {
            throw ValidationError("segment '\(segment)' is not a slug: lower-case letters, digits and '-'")
        }
    }

    func run() throws {
        let path = BriefLoader.join(content, "\(segment).yml")
        guard !FileManager.default.fileExists(atPath: path) else {
            CommandLineEdge.printError("\(path): error: already exists; not overwritten\n")
            throw ExitCode(2)
        }
        do {
            try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
            try Data(StarterBrief.text(segment: segment).utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            CommandLineEdge.printError("\(path): error: cannot write: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        print("wrote \(path)")
        // The starter's first line points editors at the schema; write it once, never over a
        // copy someone keeps (refresh it with `handoff schema > brief.schema.json`).
        let parent = (content as NSString).deletingLastPathComponent
        let schema = parent.isEmpty ? StarterBrief.schemaFile : BriefLoader.join(parent, StarterBrief.schemaFile)
        if !FileManager.default.fileExists(atPath: schema) {
            do {
                try Data(BriefSchema.jsonSchema().serialized().utf8).write(to: URL(fileURLWithPath: schema), options: .withoutOverwriting)
                print("wrote \(schema)")
            } catch {
                CommandLineEdge.printError("\(schema): warning: cannot write the editor schema: \(error.localizedDescription)\n")
            }
        }
    }
}
