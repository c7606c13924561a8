import Foundation
import Testing

@testable import HandoffCore

/// The official YAML test suite (`../shared/yaml-test-suite`): YAML-lite rejects every invalid
/// case with a located error, never crashes, and whatever it accepts loads identically with
/// PyYAML's BaseLoader (strings, lists, maps in key order), run as an independent oracle.
@Suite("YAML-lite against the YAML test suite and PyYAML")
struct YAMLOracleTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let suite: URL = {
        if let path = ProcessInfo.processInfo.environment["HANDOFF_YAML_SUITE"] { return URL(fileURLWithPath: path) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite")
    }()
    static var suiteExists: Bool { FileManager.default.fileExists(atPath: suite.path) }

    static func cases() -> [URL] {
        guard let e = FileManager.default.enumerator(at: suite, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.lastPathComponent == "in.yaml" }.sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: suiteExists, "the YAML test suite is not beside the repository (set HANDOFF_YAML_SUITE)"))
    func suiteAgreesWithPyYAML() throws {
        let files = Self.cases()
        #expect(files.count > 300)
        var accepted: [(String, JSONValue)] = []
        var rejectedInvalid = 0
        for file in files {
            let data = try Data(contentsOf: file)
            let doc = YAMLLiteParser.parse(bytes: [UInt8](data), file: file.path)
            let invalid = FileManager.default.fileExists(atPath: file.deletingLastPathComponent().appendingPathComponent("error").path)
            if doc.diagnostics.hasErrors {
                let first = try #require(doc.diagnostics.first)
                #expect(first.location.line >= 1 && first.location.column >= 1)
                #expect(!first.message.isEmpty)
                if invalid { rejectedInvalid += 1 }
            } else {
                #expect(!invalid, "accepted an invalid YAML document: \(file.path)")
                accepted.append((file.path, doc.root?.json ?? .null))
            }
        }
        #expect(rejectedInvalid > 70)
        #expect(accepted.count > 30)
        let mismatches = try Self.oracle(accepted)
        #expect(mismatches == .array([]), "PyYAML disagrees: \(mismatches.serialized())")
    }

    @Test func acceptTableAgreesWithPyYAML() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var manifest: [(String, JSONValue)] = []
        for (i, c) in YAMLLiteAcceptTests.cases.enumerated() {
            let path = dir.appendingPathComponent("case-\(i).yaml")
            try Data(c.yaml.utf8).write(to: path)
            let doc = YAMLLiteParser.parse(text: c.yaml, file: path.path)
            manifest.append((path.path, doc.root?.json ?? .null))
        }
        let mismatches = try Self.oracle(manifest)
        #expect(mismatches == .array([]), "PyYAML disagrees: \(mismatches.serialized())")
    }

    /// Runs scripts/yaml-oracle.py over (path, tree) pairs and returns its list of mismatches.
    static func oracle(_ cases: [(String, JSONValue)]) throws -> JSONValue {
        let manifest = JSONValue.array(cases.map { .object([("path", .string($0.0)), ("tree", $0.1)]) }).serialized(pretty: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/yaml-oracle.py").path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(manifest.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "yaml-oracle.py failed (is PyYAML installed? `pip install pyyaml`): \(errText)")
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text == "[]" ? .array([]) : .string(text)
    }
}
