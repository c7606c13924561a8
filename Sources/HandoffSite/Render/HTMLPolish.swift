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
    static let badgeLinkBytes = Array(badgeLink.utf8)
    static let tableOpen = Array("<table>".utf8)
    static let tableClose = Array("</table>".utf8)
    static let imageParagraph = Array("<p><img src=\"".utf8)

    static func polish(_ html: String, figures: [Figure]) -> String {
        var scanner = Scanner(Array(html.utf8))
        let figureByName = Dictionary(figures.map { ($0.reference, $0.svg) }, uniquingKeysWith: { a, _ in a })
        var used: [String: Int] = [:]
        var lastHeading = "Table"
        while !scanner.atEnd {
            guard scanner.peek == UInt8(ascii: "<") else {
                scanner.copy { $0 == UInt8(ascii: "<") }
                continue
            }
            if scanner.consume(Self.tableOpen) {
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
            } else if scanner.consume(Self.tableClose) {
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
            } else if scanner.consume(badgeLinkBytes) {
                let tone = scanner.take(until: "\">")
                let inner = scanner.take(until: "</a>")
                scanner.emit("<strong class=\"badge badge-\(tone)\">\(inner)</strong>")
            } else if scanner.consume(Self.imageParagraph) {
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

    /// A cursor over input bytes with an output buffer. Patterns are compared as bytes, and runs
    /// of bytes no pattern can start with are copied whole: this reads every byte of every page.
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

        /// Copies bytes up to the next one for which `stop` holds (or the end).
        mutating func copy(until stop: (UInt8) -> Bool) {
            let start = index
            while index < input.count, !stop(input[index]) { index += 1 }
            output.append(contentsOf: input[start..<index])
        }

        mutating func emit(_ text: String) { output.append(contentsOf: text.utf8) }

        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            guard position + pattern.count <= input.count else { return false }
            var i = position
            for byte in pattern {
                guard input[i] == byte else { return false }
                i += 1
            }
            return true
        }

        /// Consumes `pattern` if the input continues with it.
        mutating func consume(_ pattern: [UInt8]) -> Bool {
            guard matches(pattern, at: index) else { return false }
            index += pattern.count
            return true
        }

        mutating func consume(_ pattern: String) -> Bool { consume(Array(pattern.utf8)) }

        /// `<td` or `<th` (not `<thead>`), ahead of its attributes: returns the tag name.
        mutating func consumeCellOpen() -> String? {
            guard index + 4 <= input.count, input[index + 1] == UInt8(ascii: "t") else { return nil }
            let letter = input[index + 2]
            let after = input[index + 3]
            guard letter == UInt8(ascii: "d") || letter == UInt8(ascii: "h"), after == UInt8(ascii: ">") || after == UInt8(ascii: " ")
            else { return nil }
            index += 3
            return letter == UInt8(ascii: "d") ? "td" : "th"
        }

        /// `<h2>` or `<h3>`: returns the level.
        mutating func consumeHeadingOpen() -> Character? {
            guard index + 4 <= input.count, input[index + 1] == UInt8(ascii: "h"), input[index + 3] == UInt8(ascii: ">") else { return nil }
            let level = input[index + 2]
            guard level == UInt8(ascii: "2") || level == UInt8(ascii: "3") else { return nil }
            index += 4
            return Character(UnicodeScalar(level))
        }

        /// The text up to `terminator` (consumed, not returned); the rest of the input if absent.
        mutating func take(until terminator: String) -> String {
            let pattern = Array(terminator.utf8)
            let first = pattern[0]
            let start = index
            while index < input.count, input[index] != first || !matches(pattern, at: index) { index += 1 }
            let text = String(decoding: input[start..<index], as: UTF8.self)
            if index < input.count { index += pattern.count }
            return text
        }
    }

    /// The fragment with every id made unique under `prefix` (`routing-matrix` →
    /// `smb-routing-matrix`), and the in-page links, ARIA references and `url(#…)` that point at
    /// them, so many segments' bodies can share one page (the packet).
    static func scopingIDs(_ html: String, prefix: String) -> String {
        var scanner = Scanner(Array(html.utf8))
        // Every pattern starts with a space or `u`: other bytes are copied in runs.
        func mayStart(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "u") }
        while !scanner.atEnd {
            if !mayStart(scanner.peek) {
                scanner.copy(until: mayStart)
            } else if scanner.consume(Self.idAttribute) {
                scanner.emit(" id=\"\(prefix)-")
            } else if scanner.consume(Self.fragmentLink) {
                scanner.emit(" href=\"#\(prefix)-")
            } else if scanner.consume(Self.fragmentURL) {
                scanner.emit("url(#\(prefix)-")
            } else if let attribute = Self.idListAttributes.first(where: { scanner.consume($0.pattern) })?.name {
                let ids = scanner.take(until: "\"").split(separator: " ").map { "\(prefix)-\($0)" }
                scanner.emit(" \(attribute)=\"\(ids.joined(separator: " "))\"")
            } else {
                scanner.copyByte()
            }
        }
        return String(decoding: scanner.output, as: UTF8.self)
    }

    static let idAttribute = Array(" id=\"".utf8)
    static let fragmentLink = Array(" href=\"#".utf8)
    static let fragmentURL = Array("url(#".utf8)
    static let idListAttributes = ["aria-labelledby", "aria-describedby"].map { (name: $0, pattern: Array(" \($0)=\"".utf8)) }
}
