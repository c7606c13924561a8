import CHandoffSystem
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let posixWrite = Darwin.write
#endif

/// The build's one way to change the file system. Every creation, write, rename and removal goes
/// through here, so a test can stop the process at any of them (`FaultInjection`) and check that
/// nothing was lost or left half-written.
public enum Disk {
    /// Stops the process with SIGKILL before the N-th change (1-based), when set. Tests use it
    /// to prove every instant of a build leaves either the old or the new site.
    public static let faults = FaultInjection()

    /// Creates a folder; an existing one is fine.
    static func makeFolder(_ path: String) throws(HandoffError) {
        faults.step()
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw .io(path: path, message: "cannot create the folder: \(lastError())")
        }
    }

    /// Creates a folder and its missing parents.
    static func makeFolders(_ path: String) throws(HandoffError) {
        var existing = path
        var missing: [String] = []
        while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
            missing.append(existing)
            existing = (existing as NSString).deletingLastPathComponent
        }
        for folder in missing.reversed() { try makeFolder(folder) }
    }

    /// Creates `path` exclusively and fills it; `sync` flushes it to stable storage first.
    /// Returns false with errno set instead of throwing, for callers that retry on EEXIST.
    static func createFile(_ path: String, bytes: UnsafeBufferPointer<UInt8>, sync: Bool = false) -> Bool {
        faults.step()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            faults.step()
            let n = posixWrite(fd, bytes.baseAddress! + offset, min(bytes.count - offset, 1 << 20))
            guard n > 0 else {
                let saved = errno
                close(fd)
                errno = saved
                return false
            }
            offset += n
        }
        if sync, fsync(fd) != 0 {
            let saved = errno
            close(fd)
            errno = saved
            return false
        }
        return close(fd) == 0
    }

    /// A hard link: creates `to` only if it does not exist (never overwrites).
    static func link(_ from: String, _ to: String) -> Bool {
        faults.step()
        return Glibc.link(from, to) == 0
    }

    static func rename(_ from: String, _ to: String) throws(HandoffError) {
        faults.step()
        if Glibc.rename(from, to) != 0 { throw .io(path: to, message: "cannot rename \(from): \(lastError())") }
    }

    /// Swaps two folders in one step. Returns false where the system cannot (errno says why).
    static func exchange(_ a: String, _ b: String) -> Bool {
        faults.step()
        return handoff_exchange(a, b) == 0
    }

    static func unlink(_ path: String) {
        faults.step()
        _ = Glibc.unlink(path)
    }

    /// Removes a file or a whole folder tree. Symbolic links are removed, never followed.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                removeTree(path + "/" + name)
            }
            faults.step()
            _ = rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Flushes a folder's entries (a rename or link in it) to stable storage.
    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Counts the build's changes to the file system and, when armed, kills the process at one.
public final class FaultInjection: Sendable {
    private let state = Mutex<(armedAt: Int?, count: Int)>((nil, 0))

    /// Kill the process just before the `n`-th change (1-based); nil disarms.
    public func arm(at n: Int?) { state.withLock { $0 = (n, 0) } }

    /// How many changes have been made since arming.
    public var count: Int { state.withLock { $0.count } }

    func step() {
        let kill = state.withLock { s -> Bool in
            s.count += 1
            return s.armedAt == s.count
        }
        if kill { _ = Glibc.kill(getpid(), SIGKILL) }
    }
}
