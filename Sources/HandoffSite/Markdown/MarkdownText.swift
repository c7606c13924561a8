/// Small helpers for writing Markdown safely from brief text.
enum MarkdownText {
    /// Brief text as Markdown that shows exactly as typed: every character Markdown (with the
    /// GFM table and strikethrough extensions) would read as syntax is escaped — emphasis, code,
    /// links, raw HTML and entities (`&lt;` stays `&lt;`), table pipes, autolinks (`www.`,
    /// `http://`, `a@b.co`, for renderers that link them), and list, heading, quote and rule
    /// markers at the start.
    /// Line breaks become spaces, so a value stays in its table cell or list item.
    static func escape(_ text: String) -> String {
        // Most cells hold plain words; skip the character walk for them.
        let special: Set<UInt8> = Set("\\`*_[]<>|~#&@!:.-+=)\n\r\t".utf8)
        if !text.utf8.contains(where: special.contains) { return text }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        // A leading list, heading, rule or setext marker: `- x`, `+ x`, `= x`, `1. x`, `1) x`.
        var leadingDigits = 0
        while leadingDigits < chars.count, chars[leadingDigits].isASCII, chars[leadingDigits].isNumber { leadingDigits += 1 }
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "&", "@", "!":
                out.append("\\")
                out.append(c)
            case "-" where i == 0, "+" where i == 0, "=" where i == 0:
                out.append("\\")
                out.append(c)
            case "." where i == leadingDigits && i > 0, ")" where i == leadingDigits && i > 0:
                out.append("\\")
                out.append(c)
            case ":" where i + 2 < chars.count && chars[i + 1] == "/" && chars[i + 2] == "/":
                out.append("\\:")
            case "." where i >= 3 && String(chars[(i - 3)..<i]).lowercased() == "www":
                out.append("\\.")
            case "\n", "\r", "\t":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        return out
    }

    /// Brief text as an inline code span: a fence longer than any backtick run inside, so the
    /// text shows verbatim; `|` is escaped because GFM splits table cells even inside code.
    static func code(_ text: String, inTable: Bool = false) -> String {
        var longest = 0
        var run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        var body = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        if inTable { body = body.replacingOccurrences(of: "|", with: "\\|") }
        let pad = body.hasPrefix("`") || body.hasSuffix("`") || body.hasPrefix(" ") ? " " : ""
        return fence + pad + body + pad + fence
    }

    /// A GitHub-style table; cells are already escaped Markdown.
    static func table(_ header: [String], _ rows: [[String]], align: [Character]? = nil) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|"
        for i in header.indices {
            let a = align.map { i < $0.count ? $0[i] : "l" } ?? "l"
            out += a == "r" ? " ---: |" : a == "c" ? " :---: |" : " --- |"
        }
        out += "\n"
        for row in rows { out += "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// `Account Executives` → `account-executives`.
    static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber, c.isASCII {
                out.append(c)
                dash = false
            } else if !dash, !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "item" : out
    }

    /// A status badge: a reference link to `#badge-<tone>`, which the HTML stage turns into a
    /// labelled badge. The tone is the presenter's choice, never inferred from the word.
    static func badge(_ b: Badge) -> String { "[\(escape(b.label))][badge-\(b.tone.rawValue)]" }

    /// The link definitions every document with badges ends with (invisible when rendered).
    static let badgeDefinitions = Tone.allCases.map { "[badge-\($0.rawValue)]: #badge-\($0.rawValue)\n" }.joined()
}
