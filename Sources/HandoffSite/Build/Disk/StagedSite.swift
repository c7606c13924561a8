import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A new site being written into its staging folder beside the output, as pages are rendered,
/// so that no page waits in memory for the rest. Nothing is visible under the output's name
/// until `finish` swaps the whole folder in; `abandon` removes it.
public final class StagedSite: Sendable {
    let writer: SiteWriter
    let output: OutputFolder
    /// The folder the new site is written into.
    let staging: String
    /// The output as the last build left it, when there is one: unchanged files are linked from it.
    let previous: String?
    /// Folders already created, so each is created once however many files go into it.
    private let folders = Mutex<Set<String>>([])

    init(writer: SiteWriter, output: OutputFolder, staging: String, previous: String?) {
        self.writer = writer
        self.output = output
        self.staging = staging
        self.previous = previous
    }

    var disk: Disk { writer.disk }

    /// Creating a file costs far more than filling it (measured here: about 0.4 ms a file on
    /// ext4, against 0.05 ms for a hard link), so a file whose bytes equal the previous build's
    /// is linked from the previous output instead of created; a batch of more than a few files
    /// is written from several threads at once. The previous output is only read, so a failure
    /// leaves it whole.
    public func write(_ files: [SiteFile]) throws(HandoffError) {
        try makeFolders(for: files.map(\.path))
        let failure = Mutex<HandoffError?>(nil)
        @Sendable func writeOne(_ i: Int) {
            let path = staging + "/" + files[i].path
            var text = files[i].contents
            let ok = text.withUTF8 { bytes -> Bool in
                if let previous {
                    let old = previous + "/" + files[i].path
                    if writer.unchanged(old, bytes), disk.link(old, path) { return true }
                }
                return disk.createFile(path, bytes: bytes)
            }
            if !ok {
                let message = Disk.lastError()
                failure.withLock { $0 = $0 ?? .io(path: path, message: "cannot write the file: \(message)") }
            }
        }
        if files.count > 4 {
            DispatchQueue.concurrentPerform(iterations: files.count, execute: writeOne)
        } else {
            for i in files.indices { writeOne(i) }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Creates a file to be written in pieces (the packet page, as its segments render).
    public func stream(_ path: String) throws(HandoffError) -> FileStream {
        try makeFolders(for: [path])
        let full = staging + "/" + path
        guard let fd = disk.createNew(full) else {
            throw .io(path: full, message: "cannot write the file: \(Disk.lastError())")
        }
        return FileStream(disk: disk, path: full, fd: fd)
    }

    /// Creates the folders `paths` go into, shallow ones first, each once. Creation is
    /// serialised: a folder is in the set only once it exists, so no file races its parent.
    func makeFolders(for paths: [String]) throws(HandoffError) {
        var needed: [String] = []
        for path in paths {
            var dir = (path as NSString).deletingLastPathComponent
            var chain: [String] = []
            while !dir.isEmpty {
                chain.append(dir)
                dir = (dir as NSString).deletingLastPathComponent
            }
            needed += chain.reversed()
        }
        guard !needed.isEmpty else { return }
        try folders.withLock { (made: inout Set<String>) throws(HandoffError) in
            for dir in needed where !made.contains(dir) {
                try disk.makeFolder(staging + "/" + dir)
                made.insert(dir)
            }
        }
    }

    /// Marks the new site as Handoff's, carries over top-level dotfiles (`.gitkeep`) and the
    /// `keep` paths (other segments' pages under `--segment`) from the previous output by hard
    /// links, and swaps it in under the output's name.
    public func finish(keep: [String] = []) throws(HandoffError) {
        try write([SiteFile(path: OutputFolder.markerName, contents: OutputFolder.markerText)])
        if let previous {
            let entries = disk.list(previous) ?? []
            let carried = entries.filter { $0.hasPrefix(".") && $0 != OutputFolder.markerName } + keep
            for path in carried where disk.exists(previous + "/" + path) {
                try disk.makeFolders(((staging + "/" + path) as NSString).deletingLastPathComponent)
                try writer.linkTree(previous + "/" + path, staging + "/" + path)
            }
        }
        try writer.swapIn(staging, output: output.path)
        // After the exchange the staging name holds the previous site.
        disk.removeTree(staging)
        disk.syncFolder(output.parent)
    }

    /// Removes the unfinished site; the output keeps the previous one.
    public func abandon() {
        disk.removeTree(staging)
    }
}

/// A file of the staged site written in pieces, in order. Not shared between tasks.
public final class FileStream {
    let disk: Disk
    let path: String
    private var fd: Int32?

    init(disk: Disk, path: String, fd: Int32) {
        self.disk = disk
        self.path = path
        self.fd = fd
    }

    deinit { if let fd { _ = disk.close(fd) } }

    public func write(_ bytes: some Collection<UInt8>) throws(HandoffError) {
        guard let fd else { throw .io(path: path, message: "cannot write the file: it is already closed") }
        let ok =
            bytes.withContiguousStorageIfAvailable { disk.write(fd, UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { disk.write(fd, $0) }
        if !ok { throw .io(path: path, message: "cannot write the file: \(Disk.lastError())") }
    }

    public func write(_ text: String) throws(HandoffError) {
        var text = text
        var failure: HandoffError?
        text.withUTF8 { bytes in
            do throws(HandoffError) { try write(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Closes the file; a failed close (a full disk found late) is an error like a failed write.
    public func close() throws(HandoffError) {
        guard let fd else { return }
        self.fd = nil
        if !disk.close(fd) { throw .io(path: path, message: "cannot write the file: \(Disk.lastError())") }
    }
}
