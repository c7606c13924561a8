import Foundation
import HandoffCore
import HandoffSite

/// What `serve` adds to a page it serves, never to `build`'s output: the located errors of the
/// page's brief above it (the last good figures stay behind them), and the script that reloads
/// the page when the site is rebuilt.
enum ServedPage {
    static let eventsPath = "/_handoff/events"

    /// Listens for rebuilds and reloads; a dropped connection (the server restarting) retries
    /// on its own.
    static let script =
        "<script>(function(){var s=new EventSource('\(eventsPath)');s.addEventListener('reload',function(){location.reload();});})();</script>"

    static func html(_ page: String, errors: [Diagnostic]) -> String {
        var page = page
        if !errors.isEmpty, let body = page.range(of: "<body"), let open = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: banner(errors), at: page.index(after: open))
        }
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: end.lowerBound)
        } else {
            page += script
        }
        return page
    }

    /// The errors as a compiler prints them, in a box at the top of the page.
    static func banner(_ errors: [Diagnostic]) -> String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        let text = errors.map(\.description).joined(separator: "\n")
        return """
            <div class="serve-errors" role="alert" style="position:sticky;top:0;z-index:10;max-height:40vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fef2f2;color:#7f1d1d;border-bottom:3px solid #b91c1c;font:14px/1.45 system-ui,sans-serif">
            <strong>handoff serve: \(count). The figures below are the last good build; fix the brief and save.</strong>
            <pre style="margin:.5rem 0 0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace">\(escape(text))</pre>
            </div>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    /// The media type of a site file by its extension.
    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "md": "text/markdown; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "xml": "application/xml"
        default: "text/plain; charset=utf-8"
        }
    }
}
