/// Small helpers for writing Markdown safely from brief text.
enum MarkdownText {
    /// Escapes characters Markdown would read as syntax, and keeps table cells on one line.
    static func escape(_ text: String) -> String {
        // Most cells hold plain words; skip the character walk for them.
        let special: Set<UInt8> = Set("\\`*_[]<>|~#\n\r".utf8)
        if !text.utf8.contains(where: special.contains) { return text }
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#": out.append("\\"); out.append(c)
            case "\n", "\r": out.append(" ")
            default: out.append(c)
            }
        }
        return out
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

    /// Bold status words; the HTML stage turns them into labelled badges.
    static func status(_ word: String) -> String { "**\(word)**" }
}
