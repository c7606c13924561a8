import Foundation
import HandoffCore

/// `handoff diff`: plans the base briefs (from a git revision or a folder) and the current ones
/// with the same build date and plan records, and compares them. The base revision is read with
/// `git ls-tree` and `git show` into a temporary folder, removed afterwards.
public struct DiffDriver: Sendable {
    /// Where the briefs before the change come from.
    public enum Base: Sendable {
        /// A git revision: the content folder's files as committed there.
        case gitRef(String)
        /// A folder of briefs.
        case folder(String)
    }

    public var options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    /// Both sides planned, and the comparison; the head report carries the current briefs' diagnostics.
    public struct Result: Sendable {
        public var comparison: PlanComparison
        public var base: BuildReport
        public var head: BuildReport
    }

    public func compare(against base: Base) async throws(HandoffError) -> Result {
        let head = try await BuildDriver(options: options).check(keepingSamples: true)
        var baseOptions = options
        var temporary: String?
        switch base {
        case .folder(let folder):
            guard options.disk.isFolder(folder) else { throw .usage("base folder '\(folder)' does not exist") }
            baseOptions.content = folder
        case .gitRef(let ref):
            let folder = try materialise(ref: ref)
            temporary = folder
            baseOptions.content = BriefLoader.join(folder, "content")
        }
        defer { if let temporary { options.disk.removeTree(temporary) } }
        var baseReport = try await BuildDriver(options: baseOptions).check()
        if temporary != nil {
            // Name base files as they are in the repository, not by the temporary folder.
            let prefix = BriefLoader.join(baseOptions.content, "")
            for i in baseReport.plans.indices where baseReport.plans[i].brief.file.hasPrefix(prefix) {
                baseReport.plans[i].brief.file = BriefLoader.join(
                    options.content, String(baseReport.plans[i].brief.file.dropFirst(prefix.count)))
            }
        }
        // The head's sample goes through both rule sets, so the same history is compared.
        return Result(
            comparison: PlanComparison(base: baseReport.plans, head: head.plans, sampleCSV: head.samples), base: baseReport, head: head)
    }

    /// Writes the content folder as of `ref` into a new temporary folder; returns that folder.
    func materialise(ref: String) throws(HandoffError) -> String {
        guard !ref.hasPrefix("-") else { throw .usage("--base-ref '\(ref)' is not a git revision") }
        let listing = try git(["ls-tree", "-r", "-z", "--name-only", ref, "--", options.content])
        let root = BriefLoader.join(NSTemporaryDirectory(), "handoff-diff-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let content = BriefLoader.join(root, "content")
        try options.disk.makeFolders(content)
        let names = listing.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        // ls-tree names files relative to the current folder, as `--content` is.
        let prefix = options.content.hasSuffix("/") ? options.content : options.content + "/"
        for name in names where name.hasPrefix(prefix) {
            let relative = String(name.dropFirst(prefix.count))
            guard !relative.split(separator: "/").contains("..") else { continue }
            var bytes = try git(["show", "\(ref):./\(name)"])
            let target = BriefLoader.join(content, relative)
            try options.disk.makeFolders((target as NSString).deletingLastPathComponent)
            let written = bytes.withUnsafeMutableBufferPointer { options.disk.createFile(target, bytes: UnsafeBufferPointer($0)) }
            guard written else {
                options.disk.removeTree(root)
                throw .io(path: target, message: "cannot write the base brief: \(Disk.lastError())")
            }
        }
        return root
    }

    /// Runs git in the current folder; its output, or a usage error with git's own message.
    func git(_ arguments: [String]) throws(HandoffError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw .io(path: "git", message: "cannot run git: \(error.localizedDescription)")
        }
        // Read before waiting, so a large file cannot fill the pipe and stall git.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let first = message.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw .usage("git \(arguments.prefix(1).joined()) failed: \(first)")
        }
        return [UInt8](data)
    }
}
