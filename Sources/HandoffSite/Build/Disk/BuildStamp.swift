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

    /// One entry of the output folder as the build left it.
    struct Entry: Codable, Sendable, Equatable {
        var path: String
        var size: Int64
        var modified: Int64
        var inode: UInt64
        var folder: Bool
    }

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
    var output: [Entry]
    var summary: Summary

    /// The stamp's file for an output folder (by its real path) in the cache folder.
    static func path(cache: String, output: OutputFolder) -> String {
        let hash = SHA256.hash(data: Data(output.path.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return cache + "/build-" + hash + ".json"
    }

    /// One digest over everything a full build reads: the options that shape the site, every
    /// file of the content folder (briefs and samples), the templates folder and the plans
    /// folder, by relative path and bytes; nil when something cannot be read (then the build
    /// runs and reports it).
    static func inputsDigest(_ options: BuildOptions, output: OutputFolder, cache: String, tool: String) -> String? {
        var hasher = SHA256()
        func add(_ label: String, _ text: String) {
            hasher.update(data: Data("\(label)\u{0}\(text.utf8.count)\u{0}\(text)\u{0}".utf8))
        }
        add("format", "\(format) \(formatVersion)")
        add("tool", tool)
        add("content", options.content)
        add("output", output.path)
        add("templates", options.templates ?? "")
        add("templates-explicit", options.templatesExplicit ? "yes" : "no")
        add("plans", options.plans)
        add("as-of", options.asOf.description)
        add("base-url", options.baseURL ?? "")
        let templates = options.templates ?? "Templates"
        for (role, folder, hidden) in [("content", options.content, true), ("templates", templates, true), ("plans", options.plans, false)]
        {
            guard options.disk.isFolder(folder) else {
                add(role, "missing")
                continue
            }
            // A folder that holds the output or the cache (`--content .`) does not count them,
            // nor a repository's history.
            let real = OutputFolder.realPath(OutputFolder.absolutePath(folder, in: options.disk.currentFolder))
            let inside = [output.path, OutputFolder.realPath(OutputFolder.absolutePath(cache, in: options.disk.currentFolder))]
                .filter { $0.hasPrefix(real + "/") }.map { String($0.dropFirst(real.count + 1)) }
            for entry in options.disk.tree(folder, hidden: hidden, skipping: Set(inside + [".git"])) where !entry.folder {
                let path = folder + "/" + entry.path
                guard case .bytes(let bytes) = options.disk.read(path, limit: 1 << 40) else { return nil }
                add(role + "-file", entry.path)
                hasher.update(data: Data("\(bytes.count)\u{0}".utf8))
                hasher.update(data: bytes)
            }
        }
        return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Every entry below the output folder, with what identifies its version.
    static func listing(_ output: OutputFolder, disk: Disk) -> [Entry] {
        disk.tree(output.path, hidden: true).map {
            Entry(path: $0.path, size: $0.size, modified: $0.modified, inode: $0.inode, folder: $0.folder)
        }
    }

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
