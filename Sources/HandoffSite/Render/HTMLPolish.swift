/// Finishing touches on cmark's HTML that safe-mode Markdown cannot express: heading anchors,
/// status badges, wide tables that scroll (a focusable, named region, so keyboard users can
/// scroll them too), cell alignment as classes (cmark's `align` attribute is obsolete HTML),
/// single-token cells that never wrap mid-value (`2026-12-22`), and figures inlined as SVG.
///
/// One pass over the UTF-8 bytes: cmark's output is regular (`<h2>`, `<a href="…">`, `<table>`,
/// `<img src="…" alt="…" />`), and a byte scan costs a fraction of repeated string replacement.
/// Badges are links the Markdown wrote to `#badge-<tone>` (`MarkdownText.badge`): the presenter
/// chose the tone; nothing here guesses it from the words.
enum HTMLPolish {
    static let badgeLink = "<a href=\"#badge-"

    static func polish(_ html: String, figures: [Figure]) -> String {
        var scanner = Scanner(Array(html.utf8))
        let figureByName = Dictionary(figures.map { ($0.reference, $0.svg) }, uniquingKeysWith: { a, _ in a })
        var used: [String: Int] = [:]
        var lastHeading = "Table"
        while !scanner.atEnd {
            guard scanner.peek == UInt8(ascii: "<") else {
                scanner.copyByte()
                continue
            }
            if scanner.consume("<table>") {
                scanner.emit("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"\(lastHeading) (table)\"><table>")
            } else if let tag = scanner.consumeCellOpen() {
                let align = scanner.consume(" align=\"") ? scanner.take(until: "\"") : ""
                _ = scanner.consume(">")
                let inner = polish(scanner.take(until: "</\(tag)>"), figures: [])
                let text = stripTags(inner)
                var classes: [String] = []
                if align == "right" { classes.append("num") } else if align == "center" { classes.append("mid") }
                if !text.isEmpty, text.count <= 24, !text.contains(where: \.isWhitespace) { classes.append("nw") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                scanner.emit("<\(tag)\(attribute)>\(inner)</\(tag)>")
            } else if scanner.consume("</table>") {
                scanner.emit("</table></div>")
            } else if let level = scanner.consumeHeadingOpen() {
                let inner = scanner.take(until: "</h\(level)>")
                // A badge in a heading is its status, not its name: the anchor stays put.
                let named = inner.range(of: badgeLink).map { String(inner[..<$0.lowerBound]) } ?? inner
                lastHeading = stripTags(named).trimmingCharacters(in: .whitespaces)
                var id = MarkdownText.slug(stripTags(named))
                if let n = used[id] {
                    used[id] = n + 1
                    id += "-\(n + 1)"
                } else {
                    used[id] = 1
                }
                scanner.emit("<h\(level) id=\"\(id)\">\(polish(inner, figures: []))</h\(level)>")
            } else if scanner.consume(badgeLink) {
                let tone = scanner.take(until: "\">")
                let inner = scanner.take(until: "</a>")
                scanner.emit("<strong class=\"badge badge-\(tone)\">\(inner)</strong>")
            } else if scanner.consume("<p><img src=\"") {
                let name = scanner.take(until: "\"")
                if let svg = figureByName[name], scanner.consume(" alt=\"") {
                    let alt = scanner.take(until: "\" /></p>")
                    scanner.emit("<figure class=\"figure\" tabindex=\"0\">\n\(svg)<figcaption>\(alt)</figcaption>\n</figure>")
                } else {
                    scanner.emit("<p><img src=\"\(name)\"")
                }
            } else {
                scanner.copyByte()
            }
        }
        return String(decoding: scanner.output, as: UTF8.self)
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    /// A cursor over input bytes with an output buffer.
    struct Scanner {
        let input: [UInt8]
        var index = 0
        var output: [UInt8] = []

        init(_ input: [UInt8]) {
            self.input = input
            output.reserveCapacity(input.count + input.count / 4)
        }

        var atEnd: Bool { index >= input.count }
        var peek: UInt8 { input[index] }

        mutating func copyByte() {
            output.append(input[index])
            index += 1
        }

        mutating func emit(_ text: String) { output.append(contentsOf: text.utf8) }

        func matches(_ pattern: String, at position: Int) -> Bool {
            var i = position
            for byte in pattern.utf8 {
                guard i < input.count, input[i] == byte else { return false }
                i += 1
            }
            return true
        }

        /// Consumes `pattern` if the input continues with it.
        mutating func consume(_ pattern: String) -> Bool {
            guard matches(pattern, at: index) else { return false }
            index += pattern.utf8.count
            return true
        }

        /// `<td` or `<th` (not `<thead>`), ahead of its attributes: returns the tag name.
        mutating func consumeCellOpen() -> String? {
            for tag in ["td", "th"] where matches("<\(tag)>", at: index) || matches("<\(tag) ", at: index) {
                index += 1 + tag.utf8.count
                return tag
            }
            return nil
        }

        /// `<h2>` or `<h3>`: returns the level.
        mutating func consumeHeadingOpen() -> Character? {
            for level in ["2", "3"] where consume("<h\(level)>") { return Character(level) }
            return nil
        }

        /// The text up to `terminator` (consumed, not returned); the rest of the input if absent.
        mutating func take(until terminator: String) -> String {
            let start = index
            while index < input.count, !matches(terminator, at: index) { index += 1 }
            let text = String(decoding: input[start..<index], as: UTF8.self)
            if index < input.count { index += terminator.utf8.count }
            return text
        }
    }

    /// The fragment with every id made unique under `prefix` (`routing-matrix` →
    /// `smb-routing-matrix`), and the in-page links, ARIA references and `url(#…)` that point at
    /// them, so many segments' bodies can share one page (the packet).
    static func scopingIDs(_ html: String, prefix: String) -> String {
        var scanner = Scanner(Array(html.utf8))
        while !scanner.atEnd {
            if scanner.consume(" id=\"") {
                scanner.emit(" id=\"\(prefix)-")
            } else if scanner.consume(" href=\"#") {
                scanner.emit(" href=\"#\(prefix)-")
            } else if scanner.consume("url(#") {
                scanner.emit("url(#\(prefix)-")
            } else if let attribute = ["aria-labelledby", "aria-describedby"].first(where: { scanner.consume(" \($0)=\"") }) {
                let ids = scanner.take(until: "\"").split(separator: " ").map { "\(prefix)-\($0)" }
                scanner.emit(" \(attribute)=\"\(ids.joined(separator: " "))\"")
            } else {
                scanner.copyByte()
            }
        }
        return String(decoding: scanner.output, as: UTF8.self)
    }
}
