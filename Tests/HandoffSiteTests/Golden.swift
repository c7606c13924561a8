import Foundation
import Testing

/// Golden files: the expected bytes of an output, kept in `Tests/HandoffSiteTests/Golden/`.
/// `HANDOFF_UPDATE_GOLDEN=1 swift test --filter Golden` rewrites them and fails, so a refresh
/// is never mistaken for a pass; review the diff and run again. A mismatch prints a unified diff.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["HANDOFF_UPDATE_GOLDEN"] == "1"

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            Issue.record("Recorded a new golden file \(name); review `git diff` and run the tests again", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("No golden file \(name); record it with HANDOFF_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        Issue.record("\(name) differs from its golden file:\n\(diff(expected, actual, name: name))", sourceLocation: sourceLocation)
    }

    /// `diff -u` of two texts, cut to 120 lines.
    static func diff(_ expected: String, _ actual: String, name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("expected")
        let b = dir.appendingPathComponent("actual")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: a)
            try Data(actual.utf8).write(to: b)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["diff", "-u", "--label", "golden/\(name)", "--label", "actual/\(name)", a.path, b.path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            return lines.prefix(120).joined(separator: "\n") + (lines.count > 120 ? "\n… \(lines.count - 120) more lines" : "")
        } catch {
            return "(no diff: \(error))"
        }
    }
}
