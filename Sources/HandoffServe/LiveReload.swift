import Synchronization

/// The open pages' event streams: every rebuild is sent to each of them, and on shutdown every
/// stream ends, so the server's connections close and it stops promptly.
final class LiveReload: Sendable {
    private struct State {
        var next = 0
        var streams: [Int: AsyncStream<Int>.Continuation] = [:]
        var closed = false
    }
    private let state = Mutex(State())

    /// A stream of rebuild generations for one open page.
    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = state.withLock { s in
            guard !s.closed else { return nil }
            s.next += 1
            s.streams[s.next] = continuation
            return s.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in self?.state.withLock { _ = $0.streams.removeValue(forKey: id) } }
        return stream
    }

    func send(_ generation: Int) {
        for c in state.withLock({ Array($0.streams.values) }) { c.yield(generation) }
    }

    /// Ends every stream, and every later one at once.
    func close() {
        let all = state.withLock { s in
            s.closed = true
            return Array(s.streams.values)
        }
        for c in all { c.finish() }
    }

    var openCount: Int { state.withLock { $0.streams.count } }
}
