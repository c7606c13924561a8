import Foundation
import HandoffCore

/// A brief read from disk: decoded when it could be, with every diagnostic, snippets attached.
public struct LoadedBrief: Sendable {
    public var file: String
    public var brief: Brief?
    public var diagnostics: [Diagnostic]
    /// The sample CSV's text, when the brief names one and it could be read.
    public var sampleCSV: String?
    /// The file's lines, for the snippets of findings made later by planning.
    public var lines: [Substring] = []
}

/// Finds and reads the briefs of a content folder, in parallel.
public enum BriefLoader {
    /// `.yml` and `.yaml` files directly in `folder`, skipping names that start with `_` or `.`,
    /// sorted by name so every run sees the same order.
    public static func discover(_ folder: String) throws(HandoffError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("content folder '\(folder)' does not exist")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw .io(path: folder, message: "cannot list the folder: \(error.localizedDescription)")
        }
        return names.filter { name in
            !name.hasPrefix("_") && !name.hasPrefix(".") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
        }.sorted().map { join(folder, $0) }
    }

    /// `folder/name` without doubling the slash.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Reads, parses and decodes every file concurrently; results keep the input order.
    public static func load(_ paths: [String]) async -> [LoadedBrief] {
        await withTaskGroup(of: (Int, LoadedBrief).self) { group in
            for (i, path) in paths.enumerated() {
                group.addTask { (i, loadOne(path)) }
            }
            var results = [LoadedBrief?](repeating: nil, count: paths.count)
            for await (i, loaded) in group { results[i] = loaded }
            return results.compactMap { $0 }
        }
    }

    static func loadOne(_ path: String) -> LoadedBrief {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadedBrief(file: path, brief: nil, diagnostics: [.error("cannot read the file", at: start)], sampleCSV: nil)
        }
        let bytes = [UInt8](data)
        let document = YAMLLiteParser.parse(bytes: bytes, file: path)
        var (brief, diagnostics) = BriefDecoder.decode(document)
        var sample: String?
        if let b = brief, let name = b.sample, let location = b.sampleLocation {
            let samplePath = name.hasPrefix("/") ? name : join((path as NSString).deletingLastPathComponent, name)
            if let data = FileManager.default.contents(atPath: samplePath), let text = String(data: data, encoding: .utf8) {
                sample = text
            } else {
                diagnostics.append(.error("cannot read sample '\(name)' (looked for \(samplePath))", at: location))
                brief = nil
            }
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return LoadedBrief(
            file: path, brief: brief, diagnostics: attachSnippets(diagnostics, lines: lines), sampleCSV: sample, lines: lines)
    }

    /// Fills in the offending line for diagnostics that lack it.
    public static func attachSnippets(_ diagnostics: [Diagnostic], lines: [Substring]) -> [Diagnostic] {
        diagnostics.map { d in
            var d = d
            if d.sourceLine == nil, d.location.line >= 1, d.location.line <= lines.count {
                var line = String(lines[d.location.line - 1])
                if line.hasSuffix("\r") { line.removeLast() }
                if d.location.line == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
                d.sourceLine = line
            }
            return d
        }
    }
}
