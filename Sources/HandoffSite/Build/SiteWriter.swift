import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let posixWrite = Darwin.write
#endif

/// Writes the site into a temporary folder beside the output folder and swaps it in whole, so a
/// failed build leaves the previous site untouched. Each folder is created once and each file
/// written once.
public enum SiteWriter {
    /// Creating a file costs far more than filling it (measured here: about 0.4 ms a file on
    /// ext4, against 0.05 ms for a hard link), so a file whose bytes equal the previous build's
    /// is linked from the previous output instead of created, and the rest are written from
    /// several threads at once. The previous output is only read, so a failure leaves it whole.
    static func writeConcurrently(_ files: [SiteFile], into folder: String, previous: String?) throws(HandoffError) {
        let failure = Mutex<HandoffError?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = folder + "/" + files[i].path
            var text = files[i].contents
            let ok = text.withUTF8 { bytes -> Bool in
                if let previous {
                    let old = previous + "/" + files[i].path
                    if unchanged(old, bytes), link(old, path) == 0 { return true }
                }
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard fd >= 0 else { return false }
                defer { close(fd) }
                var offset = 0
                while offset < bytes.count {
                    let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    guard n > 0 else { return false }
                    offset += n
                }
                return true
            }
            if !ok {
                let message = String(cString: strerror(errno))
                failure.withLock { $0 = $0 ?? .io(path: path, message: "cannot write the file: \(message)") }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Creates every folder the files need, each once, shallow levels first and each level's
    /// folders concurrently (a thousand segment folders cost as much as a thousand files).
    static func makeDirectories(for files: [SiteFile], in root: String) throws(HandoffError) {
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
                let path = root + "/" + dirs[i]
                if mkdir(path, 0o755) != 0, errno != EEXIST {
                    let message = String(cString: strerror(errno))
                    failure.withLock { $0 = $0 ?? .io(path: path, message: "cannot create the folder: \(message)") }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    static func unchanged(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.withUnsafeBytes { old in old.count == bytes.count && (bytes.isEmpty || memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
    }

    /// Writes `files`; `keep` lists paths (folders or files) to carry over from the previous
    /// output, such as other segments' pages under `--segment`. Top-level dotfiles (`.gitkeep`)
    /// are always carried over.
    public static func write(_ files: [SiteFile], to output: String, keep: [String] = []) throws(HandoffError) {
        let fm = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        let temp = parent.appendingPathComponent(".\(outputURL.lastPathComponent).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(outputURL.lastPathComponent).old-\(pid)")
        do {
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            try makeDirectories(for: files, in: temp.path)
            try writeConcurrently(files, into: temp.path, previous: outputURL.path)
            let previous = (try? fm.contentsOfDirectory(atPath: outputURL.path)) ?? []
            let carried = previous.filter { $0.hasPrefix(".") } + keep
            for path in carried {
                let source = outputURL.appendingPathComponent(path)
                guard fm.fileExists(atPath: source.path) else { continue }
                let target = temp.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? fm.removeItem(at: target)
                try fm.linkItem(at: source, to: target)
            }
            if fm.fileExists(atPath: outputURL.path) {
                try fm.moveItem(at: outputURL, to: old)
            }
            try fm.moveItem(at: temp, to: outputURL)
            try? fm.removeItem(at: old)
        } catch let error as HandoffError {
            try? fm.removeItem(at: temp)
            throw error
        } catch {
            try? fm.removeItem(at: temp)
            if !fm.fileExists(atPath: outputURL.path), fm.fileExists(atPath: old.path) {
                try? fm.moveItem(at: old, to: outputURL)
            }
            throw .io(path: output, message: "cannot write the site: \(error.localizedDescription)")
        }
    }
}
