import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the site into a staging folder beside the output and swaps it in with one atomic
/// exchange, so that at every instant the output's name holds either the whole previous site or
/// the whole new one. Each folder is created once and each file written once (`StagedSite`).
public struct SiteWriter: Sendable {
    public var disk: Disk

    public init(disk: Disk) { self.disk = disk }

    /// Starts a new site beside the output: removes what killed or failed builds left there and
    /// creates the staging folder. The caller holds the build lock, writes into the returned
    /// site as pages are rendered, then finishes (swaps it in) or abandons it.
    public func begin(_ output: OutputFolder) throws(HandoffError) -> StagedSite {
        removeLeftovers(beside: output)
        let staging = output.stagingPath(pid: getpid())
        try disk.makeFolder(staging)
        return StagedSite(writer: self, output: output, staging: staging, previous: disk.isFolder(output.path) ? output.path : nil)
    }

    /// Puts the staged folder under the output's name without a moment where neither exists.
    func swapIn(_ staging: String, output: String) throws(HandoffError) {
        var info = stat()
        guard lstat(output, &info) == 0 else {
            try disk.rename(staging, output)
            return
        }
        if disk.exchange(staging, output) { return }
        guard errno == EINVAL || errno == ENOSYS || errno == EPERM else {
            throw .io(path: output, message: "cannot swap in the new site: \(Disk.lastError())")
        }
        // A file system without an atomic exchange: the shortest possible gap, put right on failure.
        let aside = staging + ".previous"
        try disk.rename(output, aside)
        do {
            try disk.rename(staging, output)
        } catch {
            try? disk.rename(aside, output)
            throw error
        }
        try disk.rename(aside, staging)
    }

    /// Removes what killed or failed builds left beside the output.
    func removeLeftovers(beside output: OutputFolder) {
        let entries = disk.list(output.parent) ?? []
        for entry in entries where output.isLeftover(entry) {
            disk.removeTree(output.parent + "/" + entry)
        }
    }

    /// Recreates a file or folder of the previous output by hard links (no bytes copied).
    func linkTree(_ from: String, _ to: String) throws(HandoffError) {
        var info = stat()
        guard lstat(from, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            try disk.makeFolder(to)
            let names = disk.list(from) ?? []
            for name in names { try linkTree(from + "/" + name, to + "/" + name) }
        } else if !disk.link(from, to) {
            throw .io(path: to, message: "cannot keep the previous page: \(Disk.lastError())")
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    func unchanged(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        guard case .bytes(let data) = disk.read(path, limit: bytes.count) else { return false }
        return data.withUnsafeBytes { old in
            old.count == bytes.count && (bytes.isEmpty || memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
    }
}
