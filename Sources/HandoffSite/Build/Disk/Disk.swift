import CHandoffSystem
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write
    private let posixLink = Glibc.link
    private let posixRename = Glibc.rename
    private let posixUnlink = Glibc.unlink
    private let posixClose = Glibc.close
#elseif canImport(Darwin)
    import Darwin
    private let posixWrite = Darwin.write
    private let posixLink = Darwin.link
    private let posixRename = Darwin.rename
    private let posixUnlink = Darwin.unlink
    private let posixClose = Darwin.close
#endif

/// The build's one seam to the file system: every read of the content, templates and plans
/// folders, and every creation, write, rename and removal, goes through a `Disk`. The driver
/// holds one; tests hand it a `FaultInjection` that fails or kills the process at any change,
/// to check that nothing is lost or left half-written.
public struct Disk: Sendable {
    /// Armed by tests (or `HANDOFF_TEST_KILL_AT` at the command line); nil in normal runs.
    public var faults: FaultInjection?

    public init(faults: FaultInjection? = nil) { self.faults = faults }

    // MARK: - Reading

    /// The entries of a folder, sorted; nil when it cannot be listed.
    func list(_ folder: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted()
    }

    func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The working folder, against which relative paths are read.
    var currentFolder: String { FileManager.default.currentDirectoryPath }

    /// Every file below a folder, as paths relative to it, in a stable order.
    func files(below folder: String) -> [String] {
        var result: [String] = []
        for name in list(folder) ?? [] where !name.hasPrefix(".") {
            let path = folder + "/" + name
            if isFolder(path) {
                result += files(below: path).map { name + "/" + $0 }
            } else {
                result.append(name)
            }
        }
        return result
    }

    /// One entry of a folder tree, with what identifies its version.
    struct TreeEntry: Codable, Sendable, Equatable {
        var path: String
        var folder: Bool
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    /// Every entry below a folder (links not followed), as paths relative to it, in a stable
    /// order; `hidden` includes names starting with a dot; `skipping` lists relative paths
    /// left out with everything below them.
    func tree(_ folder: String, hidden: Bool, skipping: Set<String> = []) -> [TreeEntry] {
        var result: [TreeEntry] = []
        func walk(_ relative: String) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for name in list(path) ?? [] where hidden || !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard !skipping.contains(child) else { continue }
                var info = stat()
                guard lstat(folder + "/" + child, &info) == 0 else { continue }
                let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                result.append(
                    TreeEntry(
                        path: child, folder: isFolder, size: isFolder ? 0 : Int64(info.st_size),
                        modified: isFolder ? 0 : Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                        inode: UInt64(info.st_ino)))
                if isFolder { walk(child) }
            }
        }
        walk("")
        return result
    }

    /// What a bounded read found.
    enum Read {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable(String)
    }

    /// Why a file cannot be opened for a bounded read.
    struct Refusal: Error {
        var read: Read
    }

    /// Opens a regular file of at most `limit` bytes, the size checked before anything is read.
    private func openBounded(_ path: String, limit: Int) -> Result<FileHandle, Refusal> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Refusal(read: .unreadable(Disk.lastError()))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Refusal(read: .unreadable("not a regular file"))) }
        guard Int(info.st_size) <= limit else { return .failure(Refusal(read: .tooLarge(Int(info.st_size)))) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(Refusal(read: .unreadable("cannot open it"))) }
        return .success(handle)
    }

    /// Reads at most `limit` bytes: the size is checked before anything is read, and the read
    /// stops at the limit even if the file grows meanwhile.
    func read(_ path: String, limit: Int) -> Read {
        let handle: FileHandle
        switch openBounded(path, limit: limit) {
        case .success(let h): handle = h
        case .failure(let why): return why.read
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { return .tooLarge(data.count) }
        return .bytes([UInt8](data))
    }

    /// Reads a regular file of at most `limit` bytes in chunks of `chunk` bytes, handing each to
    /// `body` (which returns false to stop): a large export is read in bounded memory.
    func stream(_ path: String, limit: Int, chunk: Int, _ body: (UnsafeRawBufferPointer) -> Bool) -> Read {
        let handle: FileHandle
        switch openBounded(path, limit: limit) {
        case .success(let h): handle = h
        case .failure(let why): return why.read
        }
        defer { try? handle.close() }
        var total = 0
        while true {
            let data: Data
            do { data = try handle.read(upToCount: chunk) ?? Data() } catch { return .unreadable("\(error)") }
            if data.isEmpty { return .bytes([]) }
            total += data.count
            guard total <= limit else { return .tooLarge(total) }
            guard data.withUnsafeBytes(body) else { return .bytes([]) }
        }
    }

    /// A whole text file (templates, plan records), or nil.
    func text(_ path: String, limit: Int = 16 << 20) -> String? {
        guard case .bytes(let bytes) = read(path, limit: limit) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    // MARK: - Changing

    /// Creates a folder; an existing one is fine.
    func makeFolder(_ path: String) throws(HandoffError) {
        if faults?.step() == true || (mkdir(path, 0o755) != 0 && errno != EEXIST) {
            throw .io(path: path, message: "cannot create the folder: \(Disk.lastError())")
        }
    }

    /// Creates a folder and its missing parents.
    func makeFolders(_ path: String) throws(HandoffError) {
        var existing = path
        var missing: [String] = []
        while !existing.isEmpty, existing != "/", !exists(existing) {
            missing.append(existing)
            existing = (existing as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() { try makeFolder(folder) }
    }

    /// Creates `path` exclusively and fills it; `sync` flushes it to stable storage first.
    /// Returns false with errno set instead of throwing, for callers that retry or report.
    func createFile(_ path: String, bytes: UnsafeBufferPointer<UInt8>, sync: Bool = false) -> Bool {
        guard let fd = createNew(path) else { return false }
        var ok = write(fd, UnsafeRawBufferPointer(bytes))
        if ok, sync, fsync(fd) != 0 { ok = false }
        let saved = errno
        if !close(fd) { ok = false }
        if !ok { errno = saved == 0 ? EIO : saved }
        return ok
    }

    /// Creates `path` exclusively for writing; nil with errno set when it cannot.
    func createNew(_ path: String) -> Int32? {
        if faults?.step() == true { return nil }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        return fd >= 0 ? fd : nil
    }

    /// Writes all of `bytes` to an open file, a megabyte at a time; false with errno set.
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            if faults?.step() == true { return false }
            let n = posixWrite(fd, bytes.baseAddress! + offset, min(bytes.count - offset, 1 << 20))
            guard n > 0 else {
                if n == 0 { errno = EIO }
                return false
            }
            offset += n
        }
        return true
    }

    /// Closes a file this disk created; false when the close reports an error.
    func close(_ fd: Int32) -> Bool { posixClose(fd) == 0 }

    /// Writes `data` beside `path` and renames it into place, so a reader sees the whole old
    /// file or the whole new one (cache entries, build stamps). False when it could not.
    @discardableResult
    func replace(_ path: String, with data: Data) -> Bool {
        let temporary = path + ".\(getpid()).tmp"
        let written = data.withUnsafeBytes { raw in createFile(temporary, bytes: raw.bindMemory(to: UInt8.self)) }
        guard written, (try? rename(temporary, path)) != nil else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Appends to `path`, creating it if needed (a CI job summary other steps also write to).
    func append(_ path: String, text: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var ok = true
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                guard n > 0 else {
                    ok = false
                    return
                }
                offset += n
            }
        }
        if !close(fd) { ok = false }
        return ok
    }

    /// A hard link: creates `to` only if it does not exist (never overwrites).
    func link(_ from: String, _ to: String) -> Bool {
        if faults?.step() == true { return false }
        return posixLink(from, to) == 0
    }

    func rename(_ from: String, _ to: String) throws(HandoffError) {
        if faults?.step() == true || posixRename(from, to) != 0 {
            throw .io(path: to, message: "cannot rename \(from): \(Disk.lastError())")
        }
    }

    /// Swaps two folders in one step. Returns false where the system cannot (errno says why).
    func exchange(_ a: String, _ b: String) -> Bool {
        if faults?.step() == true { return false }
        return handoff_exchange(a, b) == 0
    }

    func unlink(_ path: String) {
        if faults?.step() == true { return }
        _ = posixUnlink(path)
    }

    /// Removes a file or a whole folder tree. Symbolic links are removed, never followed.
    func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) ?? [] { removeTree(path + "/" + name) }
            if faults?.step() == true { return }
            _ = rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Flushes a folder's entries (a rename or link in it) to stable storage.
    func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Counts a build's changes to the file system and, at a chosen one, kills the process (as a
/// crash or `kill -9` would) or makes the change fail (as a full disk would).
public final class FaultInjection: Sendable {
    public enum Action: Sendable {
        case kill
        case fail
    }

    private let state: Mutex<Int>
    public let at: Int
    public let action: Action

    /// Acts just before the `at`-th change (1-based).
    public init(at: Int, action: Action) {
        self.at = at
        self.action = action
        state = Mutex(0)
    }

    /// How many changes have been made.
    public var count: Int { state.withLock { $0 } }

    /// Counts a change; true when it must fail.
    func step() -> Bool {
        let hit = state.withLock { count -> Bool in
            count += 1
            return count == at
        }
        guard hit else { return false }
        switch action {
        case .kill:
            _ = kill(getpid(), SIGKILL)
            return true
        case .fail:
            errno = EIO
            return true
        }
    }
}
