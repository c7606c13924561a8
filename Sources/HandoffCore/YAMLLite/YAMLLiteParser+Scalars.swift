/// The scalar readers: plain, single- and double-quoted, flow sequences of scalars, and the
/// block scalars `|` and `>`.
extension YAMLLiteParser {
    /// Messages for characters that cannot start a plain value.
    static let indicatorMessages: [Unicode.Scalar: String] = [
        "&": "anchors ('&') are not supported",
        "*": "aliases ('*') are not supported",
        "!": "tags ('!') are not supported",
        "{": "flow mappings ('{...}') are not supported; use an indented block",
        "%": "'%' cannot start a plain value; quote the value",
        "@": "'@' is reserved in YAML and cannot start a plain value; quote the value",
        "`": "'`' is reserved in YAML and cannot start a plain value; quote the value",
        ",": "',' cannot start a plain value; quote the value",
        "]": "']' cannot start a plain value; quote the value",
        "}": "'}' cannot start a plain value; quote the value",
        "|": "'|' starts a block scalar only at the end of a key's line; quote the value",
        ">": "'>' starts a block scalar only at the end of a key's line; quote the value",
    ]

    /// A value written on one line: quoted, a flow sequence, or plain.
    mutating func readInlineValue(_ line: Line, from start: Int) -> YAMLNode {
        let at = location(line, start)
        let s = line.scalars
        switch s[start] {
        case "\"", "'":
            guard let (value, end) = readQuoted(line, from: start) else { return emptyScalar(at: at) }
            checkTrailing(line, from: end, what: "the closing quote")
            return .scalar(YAMLScalar(value, at: at))
        case "[":
            return readFlowSequence(line, from: start)
        default:
            guard let value = readPlain(line, from: start, inFlow: false) else { return emptyScalar(at: at) }
            return .scalar(YAMLScalar(value.text, at: at))
        }
    }

    /// Only white space and a comment may follow a closed quote or bracket.
    mutating func checkTrailing(_ line: Line, from column: Int, what: String) {
        var i = column
        while i < line.scalars.count, line.scalars[i] == " " || line.scalars[i] == "\t" {
            // YAML loaders such as PyYAML refuse a tab here; so do we.
            if line.scalars[i] == "\t" {
                error("tab after \(what); use spaces", line, i)
                return
            }
            i += 1
        }
        guard i < line.scalars.count else { return }
        if line.scalars[i] == "#", i > column { return }
        if line.scalars[i] == ":" {
            error("keys must be plain words; a quoted or bracketed key is not supported", line, i)
        } else {
            error("unexpected text after \(what)", line, i)
        }
    }

    /// A plain scalar from `start` to the end of the line (or, in a flow sequence, to ',' or ']').
    /// Returns the trimmed text and the column just past it, or nil after reporting an error.
    mutating func readPlain(_ line: Line, from start: Int, inFlow: Bool) -> (text: String, end: Int)? {
        let s = line.scalars
        let first = s[start]
        let next: Unicode.Scalar? = start + 1 < s.count ? s[start + 1] : nil
        let nextIsBlank = next == nil || next == " " || next == "\t" || (inFlow && (next == "," || next == "]"))
        if let message = Self.indicatorMessages[first] {
            error(message, line, start)
            return nil
        }
        if first == "[" {
            error("nested flow sequences are not supported", line, start)
            return nil
        }
        if inFlow, first == ":" || first == "?" {
            error("'\(Character(first))' cannot start a value in a flow sequence; quote the value", line, start)
            return nil
        }
        if nextIsBlank {
            switch first {
            case "-":
                error("a list item '- ' cannot start a value here; put the list on the following lines", line, start)
                return nil
            case "?":
                error("complex keys ('?') are not supported", line, start)
                return nil
            case ":":
                error("a value cannot start with ': '; quote the value", line, start)
                return nil
            default: break
            }
        }
        var end = start
        while end < s.count {
            let c = s[end]
            if c == "#", end > start, s[end - 1] == " " || s[end - 1] == "\t" {
                if inFlow {
                    error("comments cannot appear inside a flow sequence", line, end)
                    return nil
                }
                break
            }
            if inFlow {
                if c == "," || c == "]" { break }
                if c == "[" {
                    error("nested flow sequences are not supported", line, end)
                    return nil
                }
                if c == "{" || c == "}" {
                    error("flow mappings ('{...}') are not supported", line, end)
                    return nil
                }
            }
            if c == ":" {
                let after: Unicode.Scalar? = end + 1 < s.count ? s[end + 1] : nil
                if after == nil || after == " " || after == "\t" || (inFlow && (after == "," || after == "]")) {
                    error("': ' inside a plain value would start a map; quote the value", line, end)
                    return nil
                }
            }
            end += 1
        }
        var trimmed = end
        while trimmed > start, s[trimmed - 1] == " " || s[trimmed - 1] == "\t" { trimmed -= 1 }
        return (String(String.UnicodeScalarView(s[start..<trimmed])), end)
    }

    /// A single- or double-quoted scalar that must close on the same line. Returns the value and
    /// the column after the closing quote.
    mutating func readQuoted(_ line: Line, from start: Int) -> (String, Int)? {
        let s = line.scalars
        let quote = s[start]
        var value = String.UnicodeScalarView()
        var i = start + 1
        while i < s.count {
            let c = s[i]
            if quote == "'" {
                if c == "'" {
                    if i + 1 < s.count, s[i + 1] == "'" {
                        value.append("'")
                        i += 2
                        continue
                    }
                    return (String(value), i + 1)
                }
                value.append(c)
                i += 1
                continue
            }
            if c == "\"" { return (String(value), i + 1) }
            if c == "\\" {
                guard i + 1 < s.count else { break }
                switch s[i + 1] {
                case "\\": value.append("\\")
                case "\"": value.append("\"")
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "u":
                    let digits = i + 6 <= s.count ? String(String.UnicodeScalarView(s[(i + 2)..<(i + 6)])) : ""
                    guard digits.count == 4, digits.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }),
                        let code = UInt32(digits, radix: 16)
                    else {
                        error("'\\u' must be followed by four hex digits", line, i)
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        error("'\\u\(digits)' is a surrogate, not a character", line, i)
                        return nil
                    }
                    // A control character would vanish or cut the page short (cmark reads C
                    // strings, browsers drop most controls): refuse it where it is written.
                    if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || (0x7F...0x9F).contains(scalar.value) {
                        error("'\\u\(digits)' is a control character; briefs may hold only printable text, '\\n' and '\\t'", line, i)
                        return nil
                    }
                    value.append(scalar)
                    i += 6
                    continue
                default:
                    error("unsupported escape '\\\(Character(s[i + 1]))' (supported: \\\\ \\\" \\n \\t \\uXXXX)", line, i)
                    return nil
                }
                i += 2
                continue
            }
            value.append(c)
            i += 1
        }
        let kind = quote == "'" ? "single" : "double"
        error("unterminated \(kind)-quoted value; close the quote on the same line", line, start)
        return nil
    }

    /// `[a, b, "c, d"]` on one line; nothing nests inside.
    mutating func readFlowSequence(_ line: Line, from start: Int) -> YAMLNode {
        let s = line.scalars
        let at = location(line, start)
        var items: [YAMLNode] = []
        var i = start + 1
        func skipSpaces() { while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 } }
        skipSpaces()
        if i < s.count, s[i] == "]" {
            checkTrailing(line, from: i + 1, what: "']'")
            return .sequence(YAMLSequence(items: [], location: at))
        }
        while true {
            skipSpaces()
            guard i < s.count else {
                error("unterminated flow sequence; close ']' on the same line", line, start)
                return .sequence(YAMLSequence(items: items, location: at))
            }
            let itemAt = location(line, i)
            switch s[i] {
            case ",", "]":
                error("empty entry in a flow sequence", line, i)
                return .sequence(YAMLSequence(items: items, location: at))
            case "\"", "'":
                guard let (value, end) = readQuoted(line, from: i) else {
                    return .sequence(YAMLSequence(items: items, location: at))
                }
                items.append(.scalar(YAMLScalar(value, at: itemAt)))
                i = end
            case "#":
                error("a flow entry cannot start with '#'; quote it", line, i)
                return .sequence(YAMLSequence(items: items, location: at))
            default:
                guard let (text, end) = readPlain(line, from: i, inFlow: true) else {
                    return .sequence(YAMLSequence(items: items, location: at))
                }
                items.append(.scalar(YAMLScalar(text, at: itemAt)))
                i = end
            }
            skipSpaces()
            guard i < s.count else { continue }
            if s[i] == "," {
                i += 1
                skipSpaces()
                if i < s.count, s[i] == "]" {
                    error("empty entry in a flow sequence", line, i)
                    return .sequence(YAMLSequence(items: items, location: at))
                }
                continue
            }
            if s[i] == "]" {
                checkTrailing(line, from: i + 1, what: "']'")
                return .sequence(YAMLSequence(items: items, location: at))
            }
            if s[i] == ":" {
                error("flow mappings are not supported inside a flow sequence", line, i)
            } else {
                error("expected ',' or ']' in a flow sequence", line, i)
            }
            return .sequence(YAMLSequence(items: items, location: at))
        }
    }

    /// `|` (literal) or `>` (folded), with an optional `-` chomping indicator. Content lines are
    /// those indented deeper than the parent block; the first one fixes the indentation.
    mutating func parseBlockScalar(line lineIndex: Int, column: Int, parentIndent: Int) -> YAMLNode {
        let header = lines[lineIndex]
        let at = location(header, column)
        let folded = header.scalars[column] == ">"
        var strip = false
        var i = column + 1
        if i < header.scalars.count, header.scalars[i] == "-" {
            strip = true
            i += 1
        }
        let rest = restAfter(header, from: i)
        index = lineIndex + 1
        if !rest.isEmpty || (i < header.scalars.count && header.scalars[i] != " " && header.scalars[i] != "\t") {
            error(
                "only '-' may follow '\(Character(header.scalars[column]))' (keep '+' and indentation indicators are not supported)",
                header, i)
            skipLines(indentedMoreThan: parentIndent)
            return emptyScalar(at: at)
        }

        // Find the content indentation from the first non-empty line.
        var contentIndent: Int?
        var leadingMaxSpaces = 0
        var leadingLine: Line?
        var probe = index
        while probe < lines.count {
            let l = lines[probe]
            let spaces = l.indent
            if spaces < l.scalars.count, l.scalars[spaces] == "\t",
                spaces <= parentIndent + 1 || l.scalars[spaces...].allSatisfy({ $0 == " " || $0 == "\t" })
            {
                error("tab in the indentation of a block scalar; indent with spaces", l, spaces)
                probe += 1
                index = probe
                continue
            }
            if spaces == l.scalars.count {
                if spaces > leadingMaxSpaces { leadingMaxSpaces = spaces; leadingLine = l }
                probe += 1
                continue
            }
            // Content is indented at least one column, even at the top level (as PyYAML reads it).
            if spaces > max(parentIndent, 0), !isDocumentMarker(l) { contentIndent = spaces }
            break
        }
        guard let indent = contentIndent else {
            // No content: the scalar is empty; trailing blank lines belong to it.
            return .scalar(YAMLScalar("", at: at))
        }
        if leadingMaxSpaces > indent, let l = leadingLine {
            error("a leading empty line of a block scalar has more spaces than its first line", l, indent)
        }

        var contentLines: [String?] = []  // nil marks an empty line
        while index < lines.count {
            let l = lines[index]
            let spaces = l.indent
            if spaces == l.scalars.count {
                if spaces > indent {
                    error("an empty line of a block scalar has spaces past its indentation; remove them", l, indent)
                }
                contentLines.append(nil)
                index += 1
                continue
            }
            if spaces < indent, l.scalars[spaces...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                error("tab in the indentation of a block scalar; indent with spaces", l, spaces)
                index += 1
                continue
            }
            if spaces < indent { break }
            contentLines.append(String(String.UnicodeScalarView(l.scalars[indent...])))
            index += 1
        }
        let trailingEmpty = contentLines.reversed().prefix { $0 == nil }.count
        contentLines.removeLast(trailingEmpty)
        // The last content line ends the file without a break: there is no final newline to keep.
        let endsAtEOF = trailingEmpty == 0 && index == lines.count && !endsWithLineBreak

        var text = folded ? Self.fold(contentLines) : contentLines.map { $0 ?? "" }.joined(separator: "\n")
        if !strip, !contentLines.isEmpty, !endsAtEOF { text += "\n" }
        return .scalar(YAMLScalar(text, at: at))
    }

    /// YAML line folding: a break between two text lines becomes a space; empty lines become
    /// newlines; breaks next to more-indented lines are kept.
    static func fold(_ lines: [String?]) -> String {
        var out = ""
        var previous: String?? = .none  // .none before the first content line
        var empties = 0
        for line in lines {
            guard let text = line else {
                empties += 1
                continue
            }
            if case .some(let prev?) = previous {
                let prevSpaced = prev.first == " " || prev.first == "\t"
                let currSpaced = text.first == " " || text.first == "\t"
                if !prevSpaced && !currSpaced {
                    out += empties == 0 ? " " : String(repeating: "\n", count: empties)
                } else {
                    out += String(repeating: "\n", count: empties + 1)
                }
            } else {
                out += String(repeating: "\n", count: empties)
            }
            out += text
            previous = .some(text)
            empties = 0
        }
        return out
    }
}
