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
    /// The file's bytes, which a compacted plan keeps instead of the brief's tree.
    public var source: [UInt8] = []
}

/// Why a brief's sample could not be used; reported at the brief's `sample:` line.
struct SampleProblem: Error {
    var message: String
}

/// Finds and reads the briefs of a content folder (the build reads each in its planning task).
public enum BriefLoader {
    /// `.yml` and `.yaml` files directly in `folder`, skipping names that start with `_` or `.`,
    /// sorted by name so every run sees the same order.
    public static func discover(_ folder: String, disk: Disk = Disk()) throws(HandoffError) -> [String] {
        guard disk.isFolder(folder) else { throw .usage("content folder '\(folder)' does not exist") }
        guard let names = disk.list(folder) else {
            throw .io(path: folder, message: "cannot list the folder: \(Disk.lastError())")
        }
        return names.filter { name in
            !name.hasPrefix("_") && !name.hasPrefix(".") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
        }.sorted().map { join(folder, $0) }
    }

    /// `folder/name` without doubling the slash.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Briefs are limited to 1 MiB (SPEC §1); samples to 16 MiB and 100,000 rows.
    public static let briefLimit = 1 << 20
    public static let sampleLimit = 16 << 20
    public static let sampleRowLimit = 100_000

    static func loadOne(_ path: String, contentRoot: String, disk: Disk) -> LoadedBrief {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let bytes: [UInt8]
        switch disk.read(path, limit: briefLimit) {
        case .bytes(let b): bytes = b
        case .tooLarge(let size):
            return LoadedBrief(
                file: path, brief: nil,
                diagnostics: [.error("file is \(size) bytes; briefs are limited to 1 MiB (1,048,576 bytes)", at: start)], sampleCSV: nil)
        case .unreadable(let why):
            return LoadedBrief(file: path, brief: nil, diagnostics: [.error("cannot read the file: \(why)", at: start)], sampleCSV: nil)
        }
        let document = YAMLLiteParser.parse(bytes: bytes, file: path)
        var (brief, diagnostics) = BriefDecoder.decode(document)
        var sample: String?
        if let b = brief, let name = b.sample, let location = b.sampleLocation {
            switch readSample(name, beside: path, contentRoot: contentRoot, disk: disk) {
            case .success(let text): sample = text
            case .failure(let problem):
                diagnostics.append(.error(problem.message, at: location))
                brief = nil
            }
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return LoadedBrief(
            file: path, brief: brief, diagnostics: attachSnippets(diagnostics, lines: lines), sampleCSV: sample, lines: lines,
            source: bytes)
    }

    /// A sample must stay inside the content folder.
    static func readSample(_ name: String, beside brief: String, contentRoot: String, disk: Disk) -> Result<String, SampleProblem> {
        let real: String
        switch jailed(name, beside: brief, contentRoot: contentRoot, disk: disk, what: "sample", plural: "samples") {
        case .success(let path): real = path
        case .failure(let problem): return .failure(problem)
        }
        switch disk.read(real, limit: sampleLimit) {
        case .tooLarge(let size):
            return .failure(SampleProblem(message: "sample '\(name)' is \(size) bytes; samples are limited to 16 MiB"))
        case .unreadable(let why):
            return .failure(SampleProblem(message: "cannot read sample '\(name)': \(why)"))
        case .bytes(let bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            let rows = bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            guard rows <= sampleRowLimit + 1 else {
                return .failure(SampleProblem(message: "sample '\(name)' has \(rows) lines; samples are limited to 100,000 leads"))
            }
            return .success(text)
        }
    }

    /// The real path of a file a brief names (a sample, an export), which must stay inside the
    /// content folder: no absolute path, no `..` out of it, no symbolic link out of it, so a
    /// brief cannot publish any other file of the machine.
    static func jailed(_ name: String, beside brief: String, contentRoot: String, disk: Disk, what: String, plural: String)
        -> Result<String, SampleProblem>
    {
        guard !name.hasPrefix("/") else {
            return .failure(
                SampleProblem(
                    message: "\(what) '\(name)' is an absolute path; name a CSV file inside the content folder, relative to the brief"))
        }
        let joined = join((brief as NSString).deletingLastPathComponent, name)
        let root = OutputFolder.realPath(OutputFolder.absolutePath(contentRoot, in: disk.currentFolder))
        let real = OutputFolder.realPath(OutputFolder.absolutePath(joined, in: disk.currentFolder))
        guard real.hasPrefix(root + "/") else {
            return .failure(SampleProblem(message: "\(what) '\(name)' is outside the content folder; \(plural) must live inside it"))
        }
        return .success(real)
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
