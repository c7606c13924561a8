import CCmarkGFM
import Foundation

/// Markdown to HTML through cmark-gfm with the table, strikethrough and tagfilter extensions, in
/// safe mode (raw HTML omitted). The only file that imports the C module. No autolink: every
/// link on a page is written explicitly, and brief text (an email address, a `www.` name) must
/// never turn into one — the extension links email addresses even when escaped.
///
/// cmark-gfm's parser mutates global tables, so every conversion runs under one lock; a page
/// takes a fraction of a millisecond, so the lock costs little even with many tasks.
public enum MarkdownToHTML {
    private static let lock = NSLock()

    /// Registers the core extensions once.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "tagfilter"]

    /// Converts a Markdown document to an HTML fragment.
    public static func convert(_ markdown: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        _ = extensionsRegistered
        // Safe is the default in cmark-gfm 0.29+: raw HTML and unsafe links are omitted.
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        // By length, never as a C string: a NUL in the text must not end the page there
        // (cmark itself replaces NUL with U+FFFD).
        var text = markdown
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
