/// Parses YAML-lite (SPEC §1): a strict subset of YAML 1.2 whose every accepted document loads
/// identically, as strings, lists and maps in key order, with a YAML loader that keeps scalars
/// as strings. Anything outside the subset is a located error, never a guess.
///
/// The parser works line by line: block structure comes from indentation, and each line's
/// content is read by the scalar readers in `YAMLLiteParser+Scalars.swift`. It recovers after an
/// error by skipping the offending line and whatever is indented under it, so one run reports
/// every independent mistake of a file.
public struct YAMLLiteParser {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 1 << 20
    /// Deepest nesting of lists and maps.
    public static let maximumDepth = 32
    /// Beyond this many errors a file is not worth reading further.
    static let maximumErrors = 50

    /// Parses raw bytes, checking size and UTF-8 first.
    public static func parse(bytes: [UInt8], file: String) -> YAMLDocument {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > maximumFileSize {
            return YAMLDocument(
                root: nil, file: file,
                diagnostics: [.error("file is \(bytes.count) bytes; briefs are limited to 1 MiB", at: start)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            var line = 1
            var column = 1
            // Locate the first invalid byte for the message.
            var index = 0
            while index < bytes.count {
                let length = utf8SequenceLength(bytes, at: index)
                if length == 0 { break }
                if bytes[index] == 0x0A { line += 1; column = 1 } else { column += 1 }
                index += length
            }
            return YAMLDocument(
                root: nil, file: file,
                diagnostics: [.error("file is not valid UTF-8", at: SourceLocation(file: file, line: line, column: column))])
        }
        return parse(text: text, file: file)
    }

    /// Parses text already decoded.
    public static func parse(text: String, file: String) -> YAMLDocument {
        var parser = YAMLLiteParser(text: text, file: file)
        let root = parser.parseDocument()
        // The tree is kept even with errors: what parsed is still checked against the schema,
        // so one run reports every independent mistake.
        return YAMLDocument(root: root, file: file, diagnostics: parser.diagnostics)
    }

    // MARK: - State

    struct Line {
        var number: Int
        var scalars: [Unicode.Scalar]
        /// Where this line's content starts; moved right for compact `- key: value` items.
        var indent: Int
        /// Blank or comment-only lines carry no content.
        var isBlank: Bool
        /// Leading spaces followed by a tab.
        var hasTabIndent: Bool
    }

    let file: String
    var lines: [Line] = []
    /// Whether the text ends with a line break: a block scalar on the last line keeps a final
    /// newline only if it does.
    var endsWithLineBreak = true
    var index = 0
    var diagnostics: [Diagnostic] = []

    init(text: String, file: String) {
        self.file = file
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var current: [Unicode.Scalar] = []
        var number = 1
        var i = 0
        while i <= scalars.count {
            if i == scalars.count || scalars[i] == "\n" {
                if current.last == "\r" { current.removeLast() }
                if i < scalars.count || !current.isEmpty || lines.isEmpty {
                    lines.append(Self.makeLine(number: number, scalars: current))
                }
                current = []
                number += 1
            } else {
                current.append(scalars[i])
            }
            i += 1
        }
        endsWithLineBreak = scalars.last == "\n"
        for line in lines { checkCharacters(line) }
    }

    static func makeLine(number: Int, scalars: [Unicode.Scalar]) -> Line {
        var spaces = 0
        while spaces < scalars.count, scalars[spaces] == " " { spaces += 1 }
        var firstVisible = spaces
        while firstVisible < scalars.count, scalars[firstVisible] == " " || scalars[firstVisible] == "\t" {
            firstVisible += 1
        }
        let isBlank = firstVisible == scalars.count || scalars[firstVisible] == "#"
        let hasTab = spaces < scalars.count && scalars[spaces] == "\t"
        return Line(number: number, scalars: scalars, indent: spaces, isBlank: isBlank, hasTabIndent: hasTab && !isBlank)
    }

    /// Characters YAML forbids anywhere (C0/C1 controls, DEL, non-characters) and stray CRs.
    mutating func checkCharacters(_ line: Line) {
        for (column, scalar) in line.scalars.enumerated() {
            let v = scalar.value
            let allowed =
                v == 0x09 || (0x20...0x7E).contains(v) || v == 0x85 || (0xA0...0xD7FF).contains(v)
                || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
            if v == 0x85 || v == 0x2028 || v == 0x2029 {
                // YAML loaders read these as line breaks, so the value would change meaning.
                error("line separator U+\(Self.hex4(v)) is not allowed; use a plain line break", line, column)
            } else if scalar == "\r" {
                error("carriage return without a line feed; use LF or CRLF line ends", line, column)
            } else if scalar == "\u{FEFF}" {
                error("a byte-order mark is only allowed at the start of the file", line, column)
            } else if !allowed {
                error("control character U+\(Self.hex4(v)) is not allowed", line, column)
            }
        }
    }

    /// `85` → `0085`.
    static func hex4(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: - Diagnostics

    func location(_ line: Line, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: column + 1)
    }

    mutating func error(_ message: String, _ line: Line, _ column: Int) {
        guard diagnostics.count < Self.maximumErrors else { return }
        var d = Diagnostic.error(message, at: location(line, column))
        d.sourceLine = String(String.UnicodeScalarView(line.scalars))
        diagnostics.append(d)
    }

    var tooManyErrors: Bool { diagnostics.count >= Self.maximumErrors }

    // MARK: - Navigation

    /// The index of the next line with content, or nil at the end or at a document marker.
    mutating func peekContent() -> Int? {
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                if let tab = line.scalars.firstIndex(of: "\t"), tab < (line.scalars.firstIndex(of: "#") ?? line.scalars.count) {
                    error("tab in a blank line or before a comment; use spaces", line, tab)
                }
                index += 1
                continue
            }
            if line.hasTabIndent {
                error("tab in indentation; indent with spaces only", line, line.indent)
                skipRawLines(after: index)
                continue
            }
            if let tab = strayTab(in: line) {
                error("tab outside a quoted value or block scalar; use spaces", line, tab)
                skipRawLines(after: index)
                continue
            }
            if isDocumentMarker(line) { return nil }
            return index
        }
        return nil
    }

    /// Tabs are allowed only inside quoted values and comments (and block scalar content, read
    /// elsewhere). A quote opens a quoted value only where a value starts: after the indent, a
    /// `- `, a `: `, a `[` or a `,`; elsewhere it is part of a plain value.
    func strayTab(in line: Line) -> Int? {
        let s = line.scalars
        guard let firstTab = s.firstIndex(of: "\t"), firstTab >= line.indent else { return nil }
        var i = line.indent
        var atValueStart = true
        var flowDepth = 0
        while i < s.count {
            let c = s[i]
            if c == "\t" { return i }
            if c == "#", i > line.indent, s[i - 1] == " " { return nil }
            if atValueStart, c == "\"" || c == "'" {
                var j = i + 1
                while j < s.count {
                    if c == "\"", s[j] == "\\" {
                        j += 2
                        continue
                    }
                    if s[j] == c {
                        if c == "'", j + 1 < s.count, s[j + 1] == "'" {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                // An unterminated quote is reported elsewhere; a tab after it is still stray.
                guard j < s.count else { return s[(i + 1)...].firstIndex(of: "\t") }
                i = j + 1
                atValueStart = false
                continue
            }
            let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            if c == " " {
                // Spaces keep whatever position we are in.
            } else if c == "[" && atValueStart {
                flowDepth += 1
            } else if c == "]" && flowDepth > 0 {
                flowDepth -= 1
                atValueStart = false
            } else if c == "," && flowDepth > 0 {
                atValueStart = true
            } else if (c == "-" && atValueStart || c == ":") && (next == " " || next == nil) {
                atValueStart = true
            } else {
                atValueStart = false
            }
            i += 1
        }
        return nil
    }

    func isDocumentMarker(_ line: Line) -> Bool {
        guard line.indent == 0, line.scalars.count >= 3 else { return false }
        let head = String(String.UnicodeScalarView(line.scalars[0..<3]))
        guard head == "---" || head == "..." else { return false }
        return line.scalars.count == 3 || line.scalars[3] == " " || line.scalars[3] == "\t"
    }

    /// Skips a broken line and the lines indented under it, without reporting them again.
    mutating func skipRawLines(after broken: Int) {
        let indent = lines[broken].indent
        index = broken + 1
        while index < lines.count, lines[index].isBlank || lines[index].indent > indent { index += 1 }
    }

    /// Skips every content line indented more than `indent`, after an error.
    mutating func skipLines(indentedMoreThan indent: Int) {
        while let next = peekContent(), lines[next].indent > indent { index = next + 1 }
    }

    // MARK: - Document

    mutating func parseDocument() -> YAMLNode? {
        var explicitStart = false
        // Directives come before the document; none is supported.
        while let next = peekContent(), lines[next].scalars.first == "%" {
            error("directives ('%') are not supported", lines[next], 0)
            index = next + 1
        }
        if index < lines.count, let marker = nextMarkerIndex(), lines[marker].scalars.starts(with: "---".unicodeScalars) {
            let line = lines[marker]
            let rest = restAfter(line, from: 3)
            if !rest.isEmpty {
                error("nothing may follow '---' on its line; start the content on the next line", line, 4)
            }
            index = marker + 1
            explicitStart = true
        }
        var root: YAMLNode?
        if let first = peekContent() {
            root = parseNode(indent: lines[first].indent, parentIndent: -1, depth: 1)
        } else if explicitStart {
            // `---` with nothing after it is a document holding an empty value, not no document.
            root = emptyScalar(at: SourceLocation(file: file, line: 1, column: 1))
        }
        // Whatever remains is a second document or stray content.
        while !tooManyErrors {
            if let next = peekContent() {
                let line = lines[next]
                error("inconsistent indentation: this line does not line up with any block above it", line, line.indent)
                root = root.map(Self.markIncomplete)
                index = next + 1
                skipLines(indentedMoreThan: line.indent)
                continue
            }
            guard index < lines.count else { break }
            let line = lines[index]
            if line.scalars.starts(with: "---".unicodeScalars) {
                error("more than one document in a file; a brief is one document", line, 0)
            } else {
                error("document end marker '...' is not supported", line, 0)
            }
            break
        }
        return root
    }

    /// The index of the next non-blank line if it is a document marker.
    mutating func nextMarkerIndex() -> Int? {
        var i = index
        while i < lines.count, lines[i].isBlank { i += 1 }
        guard i < lines.count, isDocumentMarker(lines[i]) else { return nil }
        return i
    }

    /// The content of a line from `column`, with a trailing comment and white space removed.
    func restAfter(_ line: Line, from column: Int) -> [Unicode.Scalar] {
        var end = line.scalars.count
        var i = column
        while i < line.scalars.count {
            if line.scalars[i] == "#", i == column || line.scalars[i - 1] == " " || line.scalars[i - 1] == "\t" {
                end = i
                break
            }
            i += 1
        }
        var start = column
        while start < end, line.scalars[start] == " " || line.scalars[start] == "\t" { start += 1 }
        while end > start, line.scalars[end - 1] == " " || line.scalars[end - 1] == "\t" { end -= 1 }
        return start < end ? Array(line.scalars[start..<end]) : []
    }

    // MARK: - Blocks

    /// Parses the block whose first content line is the current one, at `indent`.
    mutating func parseNode(indent: Int, parentIndent: Int, depth: Int) -> YAMLNode {
        guard let current = peekContent() else { return emptyScalar(at: SourceLocation(file: file, line: 1, column: 1)) }
        let line = lines[current]
        if depth > Self.maximumDepth {
            error("nesting deeper than \(Self.maximumDepth) levels", line, indent)
            index = current + 1
            skipLines(indentedMoreThan: parentIndent)
            return invalidScalar(at: location(line, indent))
        }
        if isSequenceItem(line, at: indent) {
            return parseSequence(indent: indent, depth: depth)
        }
        switch classifyKey(line, at: indent) {
        case .key:
            return parseMapping(indent: indent, depth: depth)
        case .quotedKey(let column):
            error("keys must be plain words; remove the quotes", line, column)
            index = current + 1
            skipLines(indentedMoreThan: parentIndent)
            return invalidScalar(at: location(line, indent))
        case .notKey:
            break
        }
        // A scalar standing alone on its line.
        return parseValue(line: current, column: indent, parentIndent: parentIndent, depth: depth, inMapping: false)
    }

    func isSequenceItem(_ line: Line, at column: Int) -> Bool {
        guard column < line.scalars.count, line.scalars[column] == "-" else { return false }
        return column + 1 == line.scalars.count || line.scalars[column + 1] == " " || line.scalars[column + 1] == "\t"
    }

    enum KeyShape {
        case key(end: Int, colon: Int)
        case quotedKey(column: Int)
        case notKey
    }

    /// Finds `key:` at the start of a line's content: the first ':' followed by a space or the
    /// end of the line, before any comment.
    func classifyKey(_ line: Line, at column: Int) -> KeyShape {
        let s = line.scalars
        guard column < s.count else { return .notKey }
        if s[column] == "\"" || s[column] == "'" {
            let quote = s[column]
            var i = column + 1
            while i < s.count {
                if s[i] == "\\", quote == "\"" { i += 2; continue }
                if s[i] == quote {
                    if quote == "'", i + 1 < s.count, s[i + 1] == "'" { i += 2; continue }
                    break
                }
                i += 1
            }
            var j = i + 1
            while j < s.count, s[j] == " " { j += 1 }
            if j < s.count, s[j] == ":", j + 1 == s.count || s[j + 1] == " " || s[j + 1] == "\t" {
                return .quotedKey(column: column)
            }
            return .notKey
        }
        if s[column] == "[" || s[column] == "{" { return .notKey }
        var i = column
        while i < s.count {
            if s[i] == "#", i > column, s[i - 1] == " " || s[i - 1] == "\t" { return .notKey }
            if s[i] == ":", i + 1 == s.count || s[i + 1] == " " || s[i + 1] == "\t" {
                var end = i
                while end > column, s[end - 1] == " " || s[end - 1] == "\t" { end -= 1 }
                return .key(end: end, colon: i)
            }
            i += 1
        }
        return .notKey
    }

    mutating func parseMapping(indent: Int, depth: Int) -> YAMLNode {
        let firstLine = lines[index]
        let mapLocation = location(firstLine, indent)
        var entries: [YAMLMapping.Entry] = []
        var firstSeen: [String: Int] = [:]
        var incomplete = false
        // Errors reported while reading this map but outside its values mean a line of the map
        // itself was skipped (a tab-indented line, say).
        let errorsAtStart = diagnostics.count
        var errorsInValues = 0
        while !tooManyErrors, let current = peekContent(), lines[current].indent == indent {
            let line = lines[current]
            // `- b: c` looks like a key `- b` but is a list item, which YAML refuses here.
            let shape: KeyShape = isSequenceItem(line, at: indent) ? .notKey : classifyKey(line, at: indent)
            guard case .key(let end, let colon) = shape else {
                if case .quotedKey(let column) = classifyKey(line, at: indent) {
                    error("keys must be plain words; remove the quotes", line, column)
                } else if isSequenceItem(line, at: indent) {
                    error("a list item cannot appear among the keys of a map", line, indent)
                } else {
                    error("expected 'key: value' in this map", line, indent)
                }
                incomplete = true
                index = current + 1
                skipLines(indentedMoreThan: indent)
                continue
            }
            let keyText = String(String.UnicodeScalarView(line.scalars[indent..<end]))
            let key = YAMLScalar(keyText, at: location(line, indent))
            if !validateKey(line, from: indent, to: end) {
                incomplete = true
                index = current + 1
                skipLines(indentedMoreThan: indent)
                continue
            }
            let errorsBeforeValue = diagnostics.count
            let value = parseValue(line: current, column: colon + 1, parentIndent: indent, depth: depth + 1, inMapping: true)
            errorsInValues += diagnostics.count - errorsBeforeValue
            if let first = firstSeen[keyText] {
                error("duplicate key '\(keyText)' (first defined at line \(first))", line, indent)
            } else {
                firstSeen[keyText] = line.number
                entries.append(YAMLMapping.Entry(key: key, value: value))
            }
            if !checkNoDeeperLine(than: indent, after: value) { incomplete = true }
        }
        var mapping = YAMLMapping(entries: entries, location: mapLocation)
        mapping.isIncomplete = incomplete || tooManyErrors || diagnostics.count - errorsAtStart > errorsInValues
        return .mapping(mapping)
    }

    /// After an entry or item, a line indented deeper than its block is an error.
    /// Returns false when it reported (and skipped) such a line.
    @discardableResult
    mutating func checkNoDeeperLine(than indent: Int, after value: YAMLNode) -> Bool {
        guard let next = peekContent(), lines[next].indent > indent else { return true }
        let line = lines[next]
        if case .scalar = value {
            // A deeper `key:` is almost always a sibling typed with one space too many.
            let content = String(String.UnicodeScalarView(line.scalars[line.indent...]))
            if content.range(of: "^[^\\s:#'\"\\[{][^:#]*:( |$)", options: .regularExpression) != nil {
                error(
                    "inconsistent indentation: this key is indented \(line.indent) spaces, deeper than the key above it; if it belongs to the same map, indent it \(indent) spaces (column \(indent + 1))",
                    line, line.indent)
            } else {
                error(
                    "unexpected indentation: a value cannot continue on the next line; for text on several lines write '|' or '>' after the key, or indent the line \(indent) spaces if it is a key of its own",
                    line, line.indent)
            }
        } else {
            error("inconsistent indentation: expected column \(indent + 1)", line, line.indent)
        }
        index = next + 1
        skipLines(indentedMoreThan: indent)
        return false
    }

    mutating func validateKey(_ line: Line, from start: Int, to end: Int) -> Bool {
        if start == end {
            error("empty key before ':'", line, start)
            return false
        }
        let first = line.scalars[start]
        let special: [Unicode.Scalar: String] = [
            "&": "anchors ('&') are not supported",
            "*": "aliases ('*') are not supported",
            "!": "tags ('!') are not supported",
            "?": "complex keys ('?') are not supported",
            "{": "flow mappings ('{...}') are not supported",
        ]
        if let message = special[first] {
            error(message, line, start)
            return false
        }
        for i in start..<end {
            let c = line.scalars[i]
            let ok =
                c == " " || c == "_" || c == "-" || c == "." || c.properties.isAlphabetic
                || c.properties.numericType != nil
            if !ok {
                error("invalid character '\(Character(c))' in key; keys are letters, digits, spaces, '_', '-' and '.'", line, i)
                return false
            }
        }
        // '-x' and '.x' are plain keys in YAML; '- ' was read as a list item before this.
        return true
    }

    mutating func parseSequence(indent: Int, depth: Int) -> YAMLNode {
        let seqLocation = location(lines[index], indent)
        var items: [YAMLNode] = []
        while !tooManyErrors, let current = peekContent(), lines[current].indent == indent, isSequenceItem(lines[current], at: indent) {
            let line = lines[current]
            if indent + 1 < line.scalars.count, line.scalars[indent + 1] == "\t" {
                error("tab after '-'; separate with a space", line, indent + 1)
                index = current + 1
                skipLines(indentedMoreThan: indent)
                items.append(invalidScalar(at: location(line, indent)))
                continue
            }
            var column = indent + 1
            while column < line.scalars.count, line.scalars[column] == " " { column += 1 }
            let item: YAMLNode
            let rest = restAfter(line, from: column)
            if !rest.isEmpty, isSequenceItem(line, at: column) || isKeyLine(line, at: column) {
                // Compact form: `- key: value` or `- - x`; the item is a block at the new column.
                lines[current].indent = column
                item = parseNode(indent: column, parentIndent: indent, depth: depth + 1)
            } else {
                item = parseValue(line: current, column: indent + 1, parentIndent: indent, depth: depth + 1, inMapping: false)
            }
            items.append(item)
            if !checkNoDeeperLine(than: indent, after: item) { items[items.count - 1] = Self.markIncomplete(item) }
        }
        return .sequence(YAMLSequence(items: items, location: seqLocation))
    }

    /// A node that lost lines to an error: a map keeps what it has, anything else is invalid.
    static func markIncomplete(_ node: YAMLNode) -> YAMLNode {
        switch node {
        case .mapping(var m):
            m.isIncomplete = true
            return .mapping(m)
        case .scalar(var s):
            s.isInvalid = true
            return .scalar(s)
        case .sequence: return node
        }
    }

    func isKeyLine(_ line: Line, at column: Int) -> Bool {
        switch classifyKey(line, at: column) {
        case .key, .quotedKey: true
        case .notKey: false
        }
    }

    /// Reads the value that starts at `column` of line `lineIndex` (after a key's colon, after a
    /// `-`, or at the start of a line); consumes every line it spans.
    mutating func parseValue(line lineIndex: Int, column: Int, parentIndent: Int, depth: Int, inMapping: Bool) -> YAMLNode {
        let line = lines[lineIndex]
        var start = column
        while start < line.scalars.count, line.scalars[start] == " " { start += 1 }
        if start < line.scalars.count, line.scalars[start] == "\t" {
            let rest = restAfter(line, from: start)
            if !rest.isEmpty {
                error("tab before a value; separate with a space", line, start)
                index = lineIndex + 1
                return invalidScalar(at: location(line, start))
            }
        }
        let rest = restAfter(line, from: start)
        if rest.isEmpty {
            // Nothing on this line: the value is the block below, or empty.
            index = lineIndex + 1
            let emptyAt = location(line, min(column, line.scalars.count))
            let errorsBefore = diagnostics.count
            guard let next = peekContent() else {
                return diagnostics.count > errorsBefore ? invalidScalar(at: emptyAt) : emptyScalar(at: emptyAt)
            }
            let nextLine = lines[next]
            if nextLine.indent > parentIndent {
                return parseNode(indent: nextLine.indent, parentIndent: parentIndent, depth: depth)
            }
            if inMapping, nextLine.indent == parentIndent, isSequenceItem(nextLine, at: parentIndent) {
                return parseSequence(indent: parentIndent, depth: depth)
            }
            // A broken line skipped on the way may have been this value's block.
            return diagnostics.count > errorsBefore ? invalidScalar(at: emptyAt) : emptyScalar(at: emptyAt)
        }
        // A value whose reading reported an error is marked invalid, so that later stages do
        // not report it a second time.
        let before = diagnostics.count
        let first = line.scalars[start]
        let node: YAMLNode
        if first == "|" || first == ">" {
            node = parseBlockScalar(line: lineIndex, column: start, parentIndent: parentIndent)
        } else {
            index = lineIndex + 1
            node = readInlineValue(line, from: start)
        }
        return diagnostics.count > before || tooManyErrors ? invalidScalar(at: location(line, start)) : node
    }

    func emptyScalar(at location: SourceLocation) -> YAMLNode {
        .scalar(YAMLScalar("", at: location))
    }

    func invalidScalar(at location: SourceLocation) -> YAMLNode {
        var scalar = YAMLScalar("", at: location)
        scalar.isInvalid = true
        return .scalar(scalar)
    }
}

/// The length of a valid UTF-8 sequence at `index`, or 0 if the bytes there are not one.
func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let b = bytes[index]
    let length: Int
    switch b {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    let tail = bytes[(index + 1)..<(index + length)]
    guard tail.allSatisfy({ $0 & 0xC0 == 0x80 }) else { return 0 }
    return String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil ? 0 : length
}
