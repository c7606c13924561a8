import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build at a time: an exclusive `flock` on a folder that stays put (the output's parent,
/// the plans folder), so no lock file is left behind. A second build waits for the first
/// (saying so) instead of clashing on the swap or the records. The kernel drops the lock when
/// the process ends, however it ends.
final class BuildLock {
    private let fd: Int32

    /// Takes the lock, calling `waiting` once if another build holds it.
    init(folder path: String, waiting: (String) -> Void) throws(HandoffError) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, message: "cannot open the build lock: \(Disk.lastError())") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting("another handoff build is writing to \(path); waiting for it to finish")
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw .io(path: path, message: "cannot take the build lock: \(Disk.lastError())")
                }
            }
        }
    }

    deinit { close(fd) }
}
