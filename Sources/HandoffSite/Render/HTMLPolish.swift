/// Finishing touches on cmark's HTML that safe-mode Markdown cannot express: heading anchors,
/// status badges, wide tables that scroll, and figures inlined as SVG.
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
        while !scanner.atEnd {
            guard scanner.peek == UInt8(ascii: "<") else {
                scanner.copyByte()
                continue
            }
            if scanner.consume("<table>") {
                scanner.emit("<div class=\"table-wrap\"><table>")
            } else if scanner.consume("</table>") {
                scanner.emit("</table></div>")
            } else if let level = scanner.consumeHeadingOpen() {
                let inner = scanner.take(until: "</h\(level)>")
                // A badge in a heading is its status, not its name: the anchor stays put.
                let named = inner.range(of: badgeLink).map { String(inner[..<$0.lowerBound]) } ?? inner
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
                    scanner.emit("<figure class=\"figure\">\n\(svg)<figcaption>\(alt)</figcaption>\n</figure>")
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
}
