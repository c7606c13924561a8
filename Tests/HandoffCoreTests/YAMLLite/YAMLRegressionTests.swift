import Foundation
import Testing

@testable import HandoffCore

/// Every input that once made YAML-lite disagree with PyYAML (or crash the fuzz target) is kept
/// in `Regressions/`: each must be rejected with a located error or load exactly as PyYAML's
/// BaseLoader loads it.
@Suite("YAML-lite fuzz regressions")
struct YAMLRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regressions")

    static var inputs: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .sorted { $0.path < $1.path }
    }

    @Test func everyRegressionIsRejectedOrLoadsLikePyYAML() throws {
        let files = Self.inputs
        #expect(files.count >= 14)
        var accepted: [(String, JSONValue)] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let doc = YAMLLiteParser.parse(bytes: bytes, file: file.path)
            if let first = doc.diagnostics.errors.first {
                #expect(first.location.line >= 1 && first.location.column >= 1, "\(file.lastPathComponent)")
            } else {
                accepted.append((file.path, doc.root?.json ?? .null))
            }
        }
        let mismatches = try YAMLOracleTests.oracle(accepted)
        #expect(mismatches == .array([]), "PyYAML disagrees: \(mismatches.serialized())")
    }

    /// The six root causes the first fuzzing found, each pinned to its outcome.
    @Test(arguments: [
        ("list-item-after-key.yaml", "a list item cannot appear among the keys of a map"),
        ("hash-starts-flow-entry.yaml", "a flow entry cannot start with '#'"),
        ("line-separator-in-plain.yaml", "line separator U+2028"),
        ("next-line-in-plain.yaml", "line separator U+0085"),
        ("tab-after-quote.yaml", "tab outside a quoted value"),
        ("nul-escape.yaml", "is a control character"),
    ])
    func rejected(_ name: String, _ message: String) throws {
        let doc = YAMLLiteParser.parse(bytes: [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name))), file: name)
        #expect(doc.diagnostics.errors.first?.message.contains(message) == true, "\(doc.diagnostics.map(\.headline))")
    }

    @Test func finalBlockScalarWithoutNewlineKeepsNoNewline() throws {
        let doc = YAMLLiteParser.parse(text: "a: |\n  text", file: "t.yml")
        #expect(doc.root?.json == .object([("a", .string("text"))]))
        let folded = YAMLLiteParser.parse(text: "a: >\n  text\n  more\n", file: "t.yml")
        #expect(folded.root?.json == .object([("a", .string("text more\n"))]))
    }

    @Test func loneDocumentMarkerIsAnEmptyValue() {
        #expect(YAMLLiteParser.parse(text: "---\n", file: "t.yml").root?.json == .string(""))
        #expect(YAMLLiteParser.parse(text: "", file: "t.yml").root == nil)
    }
}
