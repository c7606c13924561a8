import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `handoff serve` as a user meets it (SPEC §4), with the built binary on a temporary folder and
/// a free port: the pages are `build`'s plus the reload script; a save reloads the open pages and
/// shows the change; a broken brief shows its located errors over the last good page while the
/// server answers; a deleted brief goes; SIGINT stops it with exit 0; nothing is written into the
/// content, plans or output folder.
@Suite("Serve, end to end", .serialized)
struct ServeEndToEndTests {
    typealias T = TestSupport

    @Test func theSiteLiveWhileABriefIsWritten() async throws {
        let beta = Fixtures.brief(segment: "beta", title: "Beta expansion")
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Fixtures.brief(), "beta.yml": beta])
        defer { try? FileManager.default.removeItem(at: root) }
        // Records first, so `build` writes none and its pages are the ones `serve` renders.
        #expect(try T.run(["plan"], in: dir).status == 0)
        #expect(try T.run(["build", "--quiet"], in: dir).status == 0)
        let built = try String(contentsOf: dir.appendingPathComponent("Public/segments/alpha/index.html"), encoding: .utf8)
        let builtIndex = try String(contentsOf: dir.appendingPathComponent("Public/index.html"), encoding: .utf8)
        let before = try T.snapshot(dir.appendingPathComponent("Public"))
        let plansBefore = try T.snapshot(dir.appendingPathComponent(".claude/plans"))

        let server = try ServeProcess(in: dir)
        defer { server.stop() }
        let port = try #require(server.port)

        // The same bodies as `build` wrote, plus the reload script.
        let page = try HTTP.get(port: port, "/segments/alpha/")
        #expect(page.status == 200)
        #expect(page.body == built.replacingOccurrences(of: "</body>", with: Self.script + "</body>"))
        #expect(try HTTP.get(port: port, "/").body == builtIndex.replacingOccurrences(of: "</body>", with: Self.script + "</body>"))
        #expect(try HTTP.get(port: port, "/segments/alpha/packet.json").status == 200)
        #expect(try HTTP.get(port: port, "/no/such/page").status == 404)

        // A save: the open page is told to reload, and shows the new text.
        let events = try HTTP.EventStream(port: port)
        let alpha = dir.appendingPathComponent("Content/alpha.yml")
        try T.edit(alpha) { $0.replacingOccurrences(of: "title: Alpha inbound", with: "title: Alpha inbound, revised") }
        #expect(events.waitFor("event: reload", seconds: 10))
        #expect(try HTTP.get(port: port, "/segments/alpha/").body.contains("Alpha inbound, revised"))

        // A planning input: the figure on the page moves.
        try T.edit(alpha) { $0.replacingOccurrences(of: "    reps: 4\n", with: "    reps: 1\n") }
        #expect(events.waitFor("event: reload", seconds: 20, count: 2))
        #expect(try HTTP.get(port: port, "/segments/alpha/handoff.md").body.contains("**Today:** 1 rep (1 productive"))

        // Broken: the located error above the last good figures, and the server answers.
        try T.edit(alpha) { $0.replacingOccurrences(of: "response-sla: 2h", with: "response-sla: soon") }
        #expect(events.waitFor("event: reload", seconds: 10, count: 3))
        let broken = try HTTP.get(port: port, "/segments/alpha/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("class=\"serve-errors\""))
        let line = TestBriefsLine.of("response-sla: soon", in: try String(contentsOf: alpha, encoding: .utf8))
        #expect(broken.body.contains("Content/alpha.yml:\(line):15: error:"), "\(broken.body.prefix(1200))")
        #expect(broken.body.contains("**Today:**") == false && broken.body.contains("1 rep (1 productive"))
        #expect(try HTTP.get(port: port, "/").body.contains("class=\"serve-errors\""))
        #expect(!(try HTTP.get(port: port, "/segments/beta/").body.contains("class=\"serve-errors\"")))

        // Fixed: the banner goes.
        try T.edit(alpha) { $0.replacingOccurrences(of: "response-sla: soon", with: "response-sla: 2h") }
        #expect(events.waitFor("event: reload", seconds: 10, count: 4))
        #expect(!(try HTTP.get(port: port, "/segments/alpha/").body.contains("class=\"serve-errors\"")))

        // Deleted: gone from the portfolio; added: there.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Content/beta.yml"))
        #expect(events.waitFor("event: reload", seconds: 10, count: 5))
        #expect(try HTTP.get(port: port, "/segments/beta/").status == 404)
        #expect(!(try HTTP.get(port: port, "/").body.contains("Beta expansion")))
        try Fixtures.write(Fixtures.brief(segment: "gamma", title: "Gamma partners"), to: dir.appendingPathComponent("Content/gamma.yml"))
        #expect(events.waitFor("event: reload", seconds: 20, count: 6))
        #expect(try HTTP.get(port: port, "/").body.contains("Gamma partners"))

        // Ctrl-C: a clean stop, promptly, with the event stream still open.
        let stopped = server.interrupt()
        #expect(stopped.status == 0, "\(server.output)")
        #expect(stopped.seconds < 2)
        #expect(server.output.contains("re-planned alpha.yml"))
        #expect(try T.snapshot(dir.appendingPathComponent("Public")) == before)
        #expect(try T.snapshot(dir.appendingPathComponent(".claude/plans")) == plansBefore)
    }

    @Test func aPortInUseIsOneLineAndExit2() throws {
        let (root, dir) = try Fixtures.workspace(["alpha.yml": Fixtures.brief()])
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try ServeProcess(in: dir)
        defer { server.stop() }
        let port = try #require(server.port)
        let second = try T.run(["serve", "--port", "\(port)"], in: dir)
        #expect(second.status == 2)
        #expect(second.stderr == "error: port \(port) on 127.0.0.1 is in use (another `handoff serve`?); pass --port with a free one\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Public").path))
    }

    static let script =
        "<script>(function(){var s=new EventSource('/_handoff/events');s.addEventListener('reload',function(){location.reload();});})();</script>"
}

/// `handoff serve --port 0` running in the background, its output collected.
final class ServeProcess: Sendable {
    final class Output: Sendable {
        let text = Mutex("")
    }
    let process: Process
    private let collected = Output()

    init(in directory: URL) throws {
        process = Process()
        process.executableURL = TestSupport.binary
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1795600800"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let collected = self.collected
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    var output: String { collected.text.withLock { $0 } }

    /// The port from "Serving … at http://127.0.0.1:PORT/", waiting for it up to 60 s.
    var port: Int? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let range = output.range(of: "http://127.0.0.1:") {
                let digits = output[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) { return port }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// SIGINT, then the exit status and how long it took.
    func interrupt() -> (status: Int32, seconds: Double) {
        let start = Date()
        kill(process.processIdentifier, SIGINT)
        while process.isRunning, Date().timeIntervalSince(start) < 10 { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { return (-1, Date().timeIntervalSince(start)) }
        return (process.terminationStatus, Date().timeIntervalSince(start))
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}

/// Just enough HTTP/1.1 over a socket to read the served site.
enum HTTP {
    struct Reply {
        var status: Int
        var body: String
    }

    static func connect(_ port: Int) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else {
            close(fd)
            throw CocoaError(.fileReadUnknown)
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ path: String) {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// Reads until the server closes (or 10 s pass).
    static func get(port: Int, _ path: String) throws -> Reply {
        let fd = try connect(port)
        defer { close(fd) }
        send(fd, path)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { data += buffer[0..<n] } else if n == 0 { break }
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let head = text.range(of: "\r\n\r\n") else { return Reply(status: 0, body: "") }
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        var body = String(text[head.upperBound...])
        if text[..<head.lowerBound].lowercased().contains("transfer-encoding: chunked") { body = dechunk(body) }
        return Reply(status: status, body: body)
    }

    static func dechunk(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let line = rest.range(of: "\r\n"), let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 {
            let start = line.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }

    /// An open `/_handoff/events` stream, read as it arrives.
    final class EventStream: Sendable {
        let fd: Int32
        private let received = Mutex("")

        init(port: Int) throws {
            fd = try HTTP.connect(port)
            HTTP.send(fd, "/_handoff/events")
        }

        deinit { close(fd) }

        /// Waits until `text` has arrived `count` times in all.
        func waitFor(_ text: String, seconds: Double, count: Int = 1) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                if received.withLock({ $0.components(separatedBy: text).count - 1 }) >= count { return true }
                let n = recv(fd, &buffer, buffer.count, 0)
                if n > 0 { received.withLock { $0 += String(decoding: buffer[0..<n], as: UTF8.self) } }
            }
            return false
        }
    }
}
