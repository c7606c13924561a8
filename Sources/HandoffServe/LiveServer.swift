import Foundation
import HandoffCore
import HandoffSite
import Hummingbird
import Logging
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `handoff serve` (SPEC §4): builds the site into memory once, serves it over HTTP, rebuilds
/// on every save and reloads the open pages; SIGINT or SIGTERM stops it cleanly. Writes nothing
/// but the SLA cache.
public struct LiveServer: Sendable {
    /// Why the server could not start.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case cannotStart(String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                "error: port \(port) on \(host) is in use (another `handoff serve`?); pass --port with a free one"
            case .cannotStart(let why): "error: cannot start the server: \(why)"
            }
        }
    }

    public var options: BuildOptions
    public var host: String
    public var port: Int
    /// Prints a line for the person at the terminal.
    public var say: @Sendable (String) -> Void

    public init(options: BuildOptions, host: String, port: Int, say: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.host = host
        self.port = port
        self.say = say
    }

    /// Runs until SIGINT or SIGTERM.
    public func run() async throws(Failure) {
        // A port in use is one clear line, before any work.
        if port != 0, Self.inUse(host: host, port: port) { throw .portInUse(host: host, port: port) }
        let site = LiveSite(options: options)
        let first = await site.rebuild()
        say(RebuildLine.text(first, first: true))
        let reload = LiveReload()
        var quiet = Logger(label: "handoff.serve")
        quiet.logLevel = .critical
        let (host, say) = (host, say)
        let app = Application(
            router: Self.router(site: site, reload: reload),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                say("Serving the site from memory at http://\(host):\(bound)/ — saving a brief reloads the page; Ctrl-C stops")
            }, logger: quiet)
        let watcher = SiteWatcher(site: site, reload: reload, say: say)
        var configuration = ServiceGroupConfiguration(
            services: [app, watcher], gracefulShutdownSignals: [.sigterm, .sigint], logger: quiet)
        configuration.maximumGracefulShutdownDuration = .milliseconds(1500)
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch is CancellationError {
            return
        } catch {
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("EADDRINUSE") { throw .portInUse(host: host, port: port) }
            throw .cannotStart(text)
        }
    }

    static func router(site: LiveSite, reload: LiveReload) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(ServedPage.eventsPath)) { _, _ -> Response in
            let stream = reload.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-cache"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody { writer in
                    // The first bytes open the stream in the browser at once.
                    try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                    for await generation in stream {
                        try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                    }
                    try await writer.finish(nil)
                })
        }
        let page: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            Self.respond(path: request.uri.path, snapshot: site.snapshot.withLock { $0 })
        }
        router.get("/", use: page)
        router.get("**", use: page)
        return router
    }

    /// A site file, HTML with what `serve` adds; 404 otherwise.
    static func respond(path: String, snapshot: LiveSite.Snapshot) -> Response {
        var name = String((path.removingPercentEncoding ?? path).drop { $0 == "/" })
        if name.isEmpty || name.hasSuffix("/") { name += "index.html" }
        if snapshot.files[name] == nil, snapshot.files[name + "/index.html"] != nil { name += "/index.html" }
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        // Browsers ask for an icon the site does not have: nothing, rather than an error.
        if name == "favicon.ico", snapshot.files[name] == nil { return Response(status: .noContent, headers: headers) }
        guard var text = snapshot.files[name] else {
            headers[.contentType] = "text/html; charset=utf-8"
            let errors = snapshot.errors[""] ?? []
            let body = ServedPage.html(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>No page at \(ServedPage.escape(path)). <a href=\"/\">The portfolio</a>.</p></body></html>",
                errors: errors)
            return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        headers[.contentType] = ServedPage.contentType(name)
        if name.hasSuffix(".html") {
            // A segment page shows its brief's errors; the portfolio and the packet all of them.
            let folder = name.split(separator: "/").count == 3 ? String(name[..<(name.lastIndex(of: "/") ?? name.startIndex)]) + "/" : ""
            let errors = folder.isEmpty ? (snapshot.errors[""] ?? []) : (snapshot.errors[folder] ?? [])
            text = ServedPage.html(text, errors: errors)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Whether something already listens on the address (IPv4 or IPv6 literal, or a name).
    static func inUse(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        return bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 && errno == EADDRINUSE
    }
}
