import Foundation

/// Runs numbered pieces of work on a task group, at most `width` at once, and hands each result
/// to `collect` as it finishes. A thousand briefs are not all read and waiting at once: each is
/// read, planned and let go while the next few are in flight.
enum BoundedTasks {
    static func run<R: Sendable>(
        count: Int, width: Int, _ work: @escaping @Sendable (Int) async -> R, collect: (Int, R) -> Void
    ) async {
        await withTaskGroup(of: (Int, R).self) { group in
            var next = 0
            func start() {
                let i = next
                group.addTask { (i, await work(i)) }
                next += 1
            }
            while next < min(count, max(1, width)) { start() }
            for await (i, result) in group {
                collect(i, result)
                if next < count { start() }
            }
        }
    }

    /// Enough tasks to keep every core busy, and a few waiting.
    static var width: Int { 2 * ProcessInfo.processInfo.activeProcessorCount + 2 }
}
