/// Finishing touches on cmark's HTML that safe-mode Markdown cannot express: heading anchors,
/// status words as labelled badges, wide tables that scroll, and figures inlined as SVG.
enum HTMLPolish {
    /// Words shown in bold that carry a status; each gets a class for colour, the word stays.
    static let statusWords: [String: String] = [
        "meets": "good", "approved": "good", "ready": "good", "reaches": "good",
        "ready for sign-off": "info", "planned": "info", "pending": "info",
        "at risk": "warn", "warning": "warn", "unconfirmed": "warn", "not modelled": "muted", "no owner": "warn",
        "no due date": "warn",
        "breach": "bad", "blocked": "bad", "rejected": "bad", "overdue": "bad", "error": "bad", "unreachable": "bad",
        "No catch-all rule": "bad",
    ]

    static func polish(_ html: String, figures: [(name: String, svg: String)]) -> String {
        var out = html
        out = out.replacingOccurrences(of: "<table>", with: "<div class=\"table-wrap\"><table>")
        out = out.replacingOccurrences(of: "</table>", with: "</table></div>")
        for (word, tone) in statusWords {
            out = out.replacingOccurrences(
                of: "<strong>\(word)</strong>", with: "<strong class=\"badge badge-\(tone)\">\(word)</strong>")
        }
        out = anchorHeadings(out)
        for figure in figures {
            out = inline(figure, in: out)
        }
        return out
    }

    /// `<h2>Routing blueprint</h2>` → `<h2 id="routing-blueprint">…`.
    static func anchorHeadings(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        var used: [String: Int] = [:]
        while let open = rest.range(of: "<h"), open.upperBound < rest.endIndex {
            let level = rest[open.upperBound]
            guard "23".contains(level), rest[rest.index(after: open.upperBound)...].hasPrefix(">"),
                let close = rest.range(of: "</h\(level)>", range: open.upperBound..<rest.endIndex)
            else {
                out += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let textStart = rest.index(open.upperBound, offsetBy: 2)
            let inner = rest[textStart..<close.lowerBound]
            var id = MarkdownText.slug(stripTags(String(inner)))
            if let n = used[id] {
                used[id] = n + 1
                id += "-\(n + 1)"
            } else {
                used[id] = 1
            }
            out += rest[..<open.lowerBound]
            out += "<h\(level) id=\"\(id)\">\(inner)</h\(level)>"
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    /// `<p><img src="NAME" alt="ALT" /></p>` → a figure with the SVG inline and ALT as caption.
    static func inline(_ figure: (name: String, svg: String), in html: String) -> String {
        let marker = "<p><img src=\"\(figure.name)\" alt=\""
        guard let start = html.range(of: marker),
            let end = html.range(of: "\" /></p>", range: start.upperBound..<html.endIndex)
        else { return html }
        let alt = html[start.upperBound..<end.lowerBound]
        let replacement = "<figure class=\"figure\">\n\(figure.svg)<figcaption>\(alt)</figcaption>\n</figure>"
        return html.replacingCharacters(in: start.lowerBound..<end.upperBound, with: replacement)
    }
}
