import Foundation

/// Where the site goes, checked before anything is touched (SPEC §4, issue: nothing lost).
///
/// The build replaces the output folder whole, so it must never be a folder that holds anything
/// else: it is built only into a missing or empty folder, or one that carries Handoff's marker
/// from an earlier build, and never into the content, templates or plans folder, the current
/// folder, a parent of any of them, or the root. A symbolic link is followed and kept: the
/// folder it points to is replaced.
public struct OutputFolder: Sendable, Equatable {
    /// The marker file every built site carries at its top.
    public static let markerName = ".handoff-site"
    static let markerText = "This folder is written by `handoff build` and replaced whole on every build.\n"
    /// Entries that an otherwise empty folder may hold (a folder kept in git).
    static let placeholders: Set<String> = [".gitkeep", ".keep"]

    /// The path as given.
    public var given: String
    /// The real, absolute path the site is swapped into (a link's target).
    public var path: String

    /// The folder that holds `path`: builds stage beside the output and lock this folder.
    var parent: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }
    func stagingPath(pid: Int32) -> String { parent + "/.\(name).handoff-staging-\(pid)" }
    /// Names of leftovers of earlier builds beside the output (this version's and the first's).
    func isLeftover(_ entry: String) -> Bool {
        entry.hasPrefix(".\(name).handoff-staging-") || entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-")
    }

    /// Checks the output against the folders that must survive: `protected` pairs a folder with
    /// what it is ("the content folder"); `current` is the working folder.
    public static func resolve(
        _ given: String, protecting protected: [(path: String, role: String)], current: String, disk: Disk = Disk()
    ) throws(HandoffError) -> OutputFolder {
        guard !given.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .usage("--output needs a folder name, for example --output Public")
        }
        let absolute = absolutePath(given, in: current)
        // A link is followed to its target, which is what gets replaced; the link stays.
        let real = realPath(absolute)
        if real == "/" { throw refusal(given, "it is the root folder") }
        let keep =
            [(realPath(current), "the current folder")]
            + protected.map { (realPath(absolutePath($0.path, in: current)), "\($0.role) '\($0.path)'") }
        for (folder, what) in keep {
            if folder == real { throw refusal(given, "it is \(what)") }
            if folder.hasPrefix(real + "/") { throw refusal(given, "it holds \(what)") }
        }
        if disk.exists(real) {
            guard disk.isFolder(real) else { throw refusal(given, "it is a file, not a folder") }
            let entries = disk.list(real) ?? []
            let marked = entries.contains(markerName)
            let empty = entries.allSatisfy { placeholders.contains($0) }
            if !marked, !empty {
                throw refusal(given, "it is not empty and was not written by handoff build (no \(markerName) in it)")
            }
        }
        return OutputFolder(given: given, path: real)
    }

    static func refusal(_ given: String, _ why: String) -> HandoffError {
        .usage("refusing to build into '\(given)': \(why); the build replaces its output folder whole, so choose a new or empty folder")
    }

    static func absolutePath(_ path: String, in current: String) -> String {
        let joined = path.hasPrefix("/") ? path : (current as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// The path with every symbolic link resolved; a missing tail is kept as written, under its
    /// existing parent's real path.
    static func realPath(_ path: String) -> String {
        var tail: [String] = []
        var head = (path as NSString).standardizingPath
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                var result = String(cString: resolved)
                for part in tail.reversed() { result = (result as NSString).appendingPathComponent(part) }
                return result
            }
            if head == "/" || head.isEmpty { return path }
            tail.append((head as NSString).lastPathComponent)
            head = (head as NSString).deletingLastPathComponent
        }
    }
}
