import Crypto
import Foundation
import HandoffCore

/// What the last full build into an output folder read and left behind, so that a build with
/// nothing changed does nothing, the way `make` does: the same briefs and samples, templates,
/// plan records, options and program (one digest over all of their bytes), and the output
/// exactly as that build left it (every entry's size, modification time and inode). Anything
/// else — one changed byte, a file touched, added or removed in the output, another program — and
/// the build runs whole. The stamp also keeps the build's warnings and counts, so an unchanged
/// build reports what the last one did.
///
/// Kept in the cache folder, one per output folder; written beside its name and renamed into
/// place after the site and its records, so a stamp never describes a build that did not finish.
/// A stamp that cannot be read or does not match is ignored, never trusted.
public struct BuildStamp: Codable, Sendable, Equatable {
    static let format = "handoff-build-stamp"
    static let formatVersion = 1

    /// What the build reported.
    struct Summary: Codable, Sendable, Equatable {
        var diagnostics: [Diagnostic]
        var notes: [String]
        var segments: Int
        var briefs: Int
        var pages: Int
        var files: Int
    }

    var format = Self.format
    var version = Self.formatVersion
    var tool: String
    var inputs: String
    /// Every entry of the output folder as the build left it.
    var output: [Disk.TreeEntry]
    var summary: Summary

    /// The stamp's file for an output folder (by its real path) in the cache folder.
    static func path(cache: String, output: OutputFolder) -> String {
        cache + "/build-" + PlanDigest.hex(SHA256.hash(data: Data(output.path.utf8)).prefix(8)) + ".json"
    }

    /// The digest of what a full build reads before it writes: the options that shape the site,
    /// the executable, and every file of the content folder (briefs and samples) and the
    /// templates folder, by relative path and bytes; nil when something cannot be read (then the
    /// build runs and reports it). Taken once, before the briefs are read: an edit made during
    /// the build is a change for the next one.
    static func sources(_ options: BuildOptions, output: OutputFolder, cache: String, tool: String) -> SHA256? {
        var hasher = SHA256()
        for (label, text) in [
            ("format", "\(format) \(formatVersion)"), ("tool", tool), ("content", options.content), ("output", output.path),
            ("templates", options.templates ?? ""), ("templates-explicit", options.templatesExplicit ? "yes" : "no"),
            ("plans", options.plans), ("as-of", options.asOf.description), ("base-url", options.baseURL ?? ""),
        ] {
            add(label, text, to: &hasher)
        }
        // A folder that holds the output or the cache (`--content .`) does not count them, nor
        // a repository's history.
        let current = options.disk.currentFolder
        let skipped = [output.path, OutputFolder.realPath(OutputFolder.absolutePath(cache, in: current))]
        for (role, folder) in [("content", options.content), ("templates", options.templates ?? "Templates")] {
            guard add(folder: folder, role: role, hidden: true, skipping: skipped, disk: options.disk, to: &hasher) else { return nil }
        }
        return hasher
    }

    /// The digest of everything a full build reads: its `sources`, and the plans folder as it is
    /// now (the build adds its records there).
    static func inputsDigest(_ sources: SHA256, options: BuildOptions) -> String? {
        var hasher = sources
        guard add(folder: options.plans, role: "plans", hidden: false, skipping: [], disk: options.disk, to: &hasher) else { return nil }
        return "sha256:" + PlanDigest.hex(hasher.finalize())
    }

    private static func add(_ label: String, _ text: String, to hasher: inout SHA256) {
        hasher.update(data: Data("\(label)\u{0}\(text.utf8.count)\u{0}\(text)\u{0}".utf8))
    }

    /// Adds a folder's files, by relative path and bytes, leaving out `skipping` (real paths)
    /// and `.git`; false when a file cannot be read.
    private static func add(folder: String, role: String, hidden: Bool, skipping: [String], disk: Disk, to hasher: inout SHA256)
        -> Bool
    {
        guard disk.isFolder(folder) else {
            add(role, "missing", to: &hasher)
            return true
        }
        let real = OutputFolder.realPath(OutputFolder.absolutePath(folder, in: disk.currentFolder))
        let inside = skipping.filter { $0.hasPrefix(real + "/") }.map { String($0.dropFirst(real.count + 1)) }
        for entry in disk.tree(folder, hidden: hidden, skipping: Set(inside + [".git"])) where !entry.folder {
            guard case .bytes(let bytes) = disk.read(folder + "/" + entry.path, limit: 1 << 40) else { return false }
            add(role + "-file", entry.path, to: &hasher)
            hasher.update(data: Data("\(bytes.count)\u{0}".utf8))
            hasher.update(data: bytes)
        }
        return true
    }

    /// Every entry below the output folder, with what identifies its version.
    static func listing(_ output: OutputFolder, disk: Disk) -> [Disk.TreeEntry] { disk.tree(output.path, hidden: true) }

    /// The stamp kept for this output, if it reads back whole.
    static func read(cache: String, output: OutputFolder, disk: Disk) -> BuildStamp? {
        guard let text = disk.text(path(cache: cache, output: output)),
            let stamp = try? JSONDecoder().decode(BuildStamp.self, from: Data(text.utf8)),
            stamp.format == format, stamp.version == formatVersion
        else { return nil }
        return stamp
    }

    /// Whether the output is as this stamp's build left it and nothing it read has changed.
    func matches(inputs digest: String?, tool: String, output: OutputFolder, disk: Disk) -> Bool {
        guard let digest, digest == inputs, tool == self.tool else { return false }
        return Self.listing(output, disk: disk) == self.output
    }

    /// Keeps the stamp; a failure only costs the next build its shortcut.
    func write(cache: String, output: OutputFolder, disk: Disk) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard (try? disk.makeFolders(cache)) != nil, let data = try? encoder.encode(self) else { return }
        disk.replace(Self.path(cache: cache, output: output), with: data)
    }
}
