import Foundation
import Synchronization
import Testing

/// Paths and a runner for tests that use the real files and the built binary.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let content = packageRoot.appendingPathComponent("Content")

    /// The built `handoff` (`make test` builds it in release first); HANDOFF_BIN overrides.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["HANDOFF_BIN"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent(".build/release/handoff")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1795600800"  // 2026-11-25 10:00 UTC
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs several commands at the same time in one folder and waits for all of them.
    static func runConcurrently(_ commands: [[String]], in directory: URL) throws -> [Result] {
        let results = Mutex<[Int: Result]>([:])
        let failure = Mutex<Error?>(nil)
        DispatchQueue.concurrentPerform(iterations: commands.count) { i in
            do {
                let r = try run(commands[i], in: directory)
                results.withLock { $0[i] = r }
            } catch {
                failure.withLock { $0 = error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { r in commands.indices.compactMap { r[$0] } }
    }

    /// Every file under a folder, relative path → bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return [:] }
        for path in paths {
            var dir: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    static func edit(_ file: URL, _ transform: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try transform(text).write(to: file, atomically: true, encoding: .utf8)
    }
}
