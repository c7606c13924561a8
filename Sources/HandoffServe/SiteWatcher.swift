import HandoffSite
import ServiceLifecycle

/// Watches the content, templates and plans folders by polling their files' sizes and times
/// (a tenth of a second: fast enough that a save shows before the editor's window is left, and
/// the same on every platform), rebuilds the live site on a change, says what it did, and tells
/// the open pages to reload. On shutdown it ends their event streams.
struct SiteWatcher: Service {
    let site: LiveSite
    let reload: LiveReload
    let say: @Sendable (String) -> Void
    var interval: Duration = .milliseconds(100)

    func run() async throws {
        await withGracefulShutdownHandler {
            // Stopping cancels the loop mid-sleep: that is the normal way out, not an error.
            try? await cancelWhenGracefulShutdown {
                var last = site.watchStamp
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    let now = site.watchStamp
                    guard now != last else { continue }
                    last = now
                    let summary = await site.rebuild()
                    // A save that changes nothing a page shows (a touch) reloads nothing.
                    guard summary.changed else { continue }
                    say(RebuildLine.text(summary))
                    reload.send(site.snapshot.withLock { $0.generation })
                }
            }
        } onGracefulShutdown: {
            reload.close()
        }
    }
}
