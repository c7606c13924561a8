import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the site into a staging folder beside the output and swaps it in with one atomic
/// exchange, so that at every instant the output's name holds either the whole previous site or
/// the whole new one. Each folder is created once and each file written once.
public struct SiteWriter: Sendable {
    public var disk: Disk

    public init(disk: Disk) { self.disk = disk }

    /// Writes `files`; `keep` lists paths (folders or files) to carry over from the previous
    /// output, such as other segments' pages under `--segment`. Top-level dotfiles (`.gitkeep`)
    /// are carried over too. The caller holds the build lock.
    public func write(_ files: [SiteFile], to output: OutputFolder, keep: [String] = []) throws(HandoffError) {
        removeLeftovers(beside: output)
        let staging = output.stagingPath(pid: getpid())
        let previous = disk.isFolder(output.path) ? output.path : nil
        do {
            try disk.makeFolder(staging)
            try makeDirectories(for: files, in: staging)
            try writeConcurrently(files, into: staging, previous: previous)
            let marker = SiteFile(path: OutputFolder.markerName, contents: OutputFolder.markerText)
            try writeConcurrently([marker], into: staging, previous: previous)
            if let previous {
                let entries = disk.list(previous) ?? []
                let carried = entries.filter { $0.hasPrefix(".") && $0 != OutputFolder.markerName } + keep
                for path in carried where disk.exists(previous + "/" + path) {
                    try disk.makeFolders(((staging + "/" + path) as NSString).deletingLastPathComponent)
                    try linkTree(previous + "/" + path, staging + "/" + path)
                }
            }
            try swapIn(staging, output: output.path)
        } catch {
            disk.removeTree(staging)
            throw error
        }
        // After the exchange the staging name holds the previous site.
        disk.removeTree(staging)
        disk.syncFolder(output.parent)
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

    /// Creating a file costs far more than filling it (measured here: about 0.4 ms a file on
    /// ext4, against 0.05 ms for a hard link), so a file whose bytes equal the previous build's
    /// is linked from the previous output instead of created, and the rest are written from
    /// several threads at once. The previous output is only read, so a failure leaves it whole.
    func writeConcurrently(_ files: [SiteFile], into folder: String, previous: String?, sync: Bool = false) throws(HandoffError) {
        let failure = Mutex<HandoffError?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = folder + "/" + files[i].path
            var text = files[i].contents
            let ok = text.withUTF8 { bytes -> Bool in
                if let previous {
                    let old = previous + "/" + files[i].path
                    if unchanged(old, bytes), disk.link(old, path) { return true }
                }
                return disk.createFile(path, bytes: bytes, sync: sync)
            }
            if !ok {
                let message = Disk.lastError()
                failure.withLock { $0 = $0 ?? .io(path: path, message: "cannot write the file: \(message)") }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Creates every folder the files need, each once, shallow levels first and each level's
    /// folders concurrently (a thousand segment folders cost as much as a thousand files).
    func makeDirectories(for files: [SiteFile], in root: String) throws(HandoffError) {
        var all: Set<String> = []
        for file in files {
            var dir = (file.path as NSString).deletingLastPathComponent
            while !dir.isEmpty, all.insert(dir).inserted { dir = (dir as NSString).deletingLastPathComponent }
        }
        let levels = Dictionary(grouping: all) { $0.split(separator: "/").count }
        let failure = Mutex<HandoffError?>(nil)
        for depth in levels.keys.sorted() {
            let dirs = levels[depth] ?? []
            DispatchQueue.concurrentPerform(iterations: dirs.count) { i in
                do throws(HandoffError) {
                    try disk.makeFolder(root + "/" + dirs[i])
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
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
