import Testing

@testable import HandoffCore

/// Every rejected form of SPEC §1 gets its own message at its own line and column.
@Suite("YAML-lite rejects")
struct YAMLLiteRejectTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "tab in indentation", yaml: "a:\n\tb: 1\n", line: 2, column: 1, message: "tab in indentation"),
        Case(name: "tab after spaces", yaml: "a:\n  \tb: 1\n", line: 2, column: 3, message: "tab"),
        Case(name: "tab as separator", yaml: "a:\tb\n", line: 1, column: 3, message: "tab"),
        Case(name: "anchor", yaml: "a: &x 1\n", line: 1, column: 4, message: "anchors ('&') are not supported"),
        Case(name: "alias", yaml: "a: *x\n", line: 1, column: 4, message: "aliases ('*') are not supported"),
        Case(name: "tag", yaml: "a: !!str 1\n", line: 1, column: 4, message: "tags ('!') are not supported"),
        Case(name: "anchor on a key", yaml: "&k a: 1\n", line: 1, column: 1, message: "anchors"),
        Case(name: "flow mapping", yaml: "a: {b: 1}\n", line: 1, column: 4, message: "flow mappings"),
        Case(name: "flow mapping in a flow sequence", yaml: "a: [x, {b: 1}]\n", line: 1, column: 8, message: "flow mappings"),
        Case(name: "nested flow sequence", yaml: "a: [x, [y]]\n", line: 1, column: 8, message: "nested flow sequences"),
        Case(name: "unterminated flow sequence", yaml: "a: [x, y\n", line: 1, column: 4, message: "unterminated flow sequence"),
        Case(name: "empty flow entry", yaml: "a: [x, , y]\n", line: 1, column: 8, message: "empty entry"),
        Case(name: "directive", yaml: "%YAML 1.2\n---\na: 1\n", line: 1, column: 1, message: "directives"),
        Case(name: "second document", yaml: "a: 1\n---\nb: 2\n", line: 2, column: 1, message: "more than one document"),
        Case(name: "document end marker", yaml: "a: 1\n...\n", line: 2, column: 1, message: "document end marker"),
        Case(name: "content after ---", yaml: "--- a\n", line: 1, column: 5, message: "nothing may follow '---'"),
        Case(name: "complex key", yaml: "? a\n: b\n", line: 1, column: 1, message: "complex keys"),
        Case(
            name: "duplicate key", yaml: "pods: 1\nx: 2\npods: 3\n", line: 3, column: 1,
            message: "duplicate key 'pods' (first defined at line 1)"),
        Case(name: "duplicate nested key", yaml: "a:\n  b: 1\n  b: 2\n", line: 3, column: 3, message: "duplicate key 'b'"),
        Case(
            name: "inconsistent indentation of a key", yaml: "a:\n    b: 1\n  c: 2\n", line: 3, column: 3,
            message: "inconsistent indentation"),
        Case(
            name: "over-indented key", yaml: "a: 1\n  b: 2\n", line: 2, column: 3,
            message:
                "inconsistent indentation: this key is indented 2 spaces, deeper than the key above it; if it belongs to the same map, indent it 0 spaces (column 1)"
        ),
        Case(name: "over-indented list item", yaml: "- a\n  - b\n", line: 2, column: 3, message: "unexpected indentation"),
        Case(name: "plain starting with @", yaml: "a: @home\n", line: 1, column: 4, message: "'@' is reserved"),
        Case(name: "plain starting with backtick", yaml: "a: `x`\n", line: 1, column: 4, message: "'`' is reserved"),
        Case(name: "plain starting with %", yaml: "a: %x\n", line: 1, column: 4, message: "'%' cannot start"),
        Case(name: "pipe not as block", yaml: "a: |x\n", line: 1, column: 5, message: "only '-' may follow '|'"),
        Case(name: "keep chomping", yaml: "a: |+\n  x\n", line: 1, column: 5, message: "only '-' may follow"),
        Case(name: "dash inside a map value", yaml: "a: - b\n", line: 1, column: 4, message: "list item '- '"),
        Case(name: "colon-space inside a plain value", yaml: "a: b: c\n", line: 1, column: 5, message: "': ' inside a plain value"),
        Case(name: "plain value ending in colon", yaml: "a: b:\n", line: 1, column: 5, message: "': ' inside a plain value"),
        Case(name: "unterminated double quote", yaml: "a: \"abc\n", line: 1, column: 4, message: "unterminated double-quoted"),
        Case(name: "unterminated single quote", yaml: "a: 'abc\n", line: 1, column: 4, message: "unterminated single-quoted"),
        Case(
            name: "text after closing quote", yaml: "a: \"x\" y\n", line: 1, column: 8, message: "unexpected text after the closing quote"),
        Case(name: "bad escape", yaml: "a: \"\\x41\"\n", line: 1, column: 5, message: "unsupported escape '\\x'"),
        Case(name: "short unicode escape", yaml: "a: \"\\u12\"\n", line: 1, column: 5, message: "four hex digits"),
        Case(name: "surrogate escape", yaml: "a: \"\\ud800\"\n", line: 1, column: 5, message: "surrogate"),
        Case(name: "quoted key", yaml: "\"a\": 1\n", line: 1, column: 1, message: "keys must be plain"),
        Case(name: "key with bad character", yaml: "a(b): 1\n", line: 1, column: 2, message: "invalid character '('"),
        Case(name: "empty key", yaml: ": x\n", line: 1, column: 1, message: "empty key"),
        Case(name: "multi-line plain value", yaml: "a: one\n  two\n", line: 2, column: 3, message: "cannot continue on the next line"),
        Case(name: "list among keys", yaml: "a: 1\n- b\n", line: 2, column: 1, message: "list item cannot appear among the keys"),
        Case(name: "not a key in a map", yaml: "a: 1\nplain\n", line: 2, column: 1, message: "expected 'key: value'"),
        Case(name: "control character", yaml: "a: x\u{07}y\n", line: 1, column: 5, message: "control character U+0007"),
        Case(name: "lone carriage return", yaml: "a: x\ry\n", line: 1, column: 5, message: "carriage return"),
        Case(name: "byte-order mark later", yaml: "a: x\u{FEFF}\n", line: 1, column: 5, message: "byte-order mark"),
        Case(name: "tab in a blank line", yaml: "a: 1\n\t\nb: 2\n", line: 2, column: 1, message: "tab in a blank line"),
        Case(name: "block scalar leading line too long", yaml: "a: |\n     \n  x\n", line: 2, column: 3, message: "leading empty line"),
        Case(name: "block scalar tab indentation", yaml: "a: |\n\tx\nb: 1\n", line: 2, column: 1, message: "tab"),
        Case(name: "question mark in flow", yaml: "a: [?x]\n", line: 1, column: 5, message: "cannot start a value in a flow sequence"),
        Case(
            name: "comment inside flow", yaml: "a: [x #c, y]\n", line: 1, column: 7,
            message: "comments cannot appear inside a flow sequence"),
        Case(name: "colon after flow", yaml: "[a]: b\n", line: 1, column: 4, message: "keys must be plain"),
        Case(
            name: "deep nesting",
            yaml: (0..<34).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + String(repeating: "  ", count: 34)
                + "v: x\n", line: 33, column: 65, message: "nesting deeper than 32 levels"),
    ]

    @Test(arguments: cases)
    func rejects(_ c: Case) {
        let doc = YAMLLiteParser.parse(text: c.yaml, file: "t.yml")
        #expect(doc.diagnostics.hasErrors)
        let first = doc.diagnostics.first
        #expect(first?.severity == .error)
        #expect(first?.location.line == c.line, "\(doc.diagnostics.map(\.headline))")
        #expect(first?.location.column == c.column, "\(doc.diagnostics.map(\.headline))")
        #expect(first?.message.contains(c.message) == true, "\(doc.diagnostics.map(\.headline))")
        #expect(first?.sourceLine != nil)
    }

    @Test func reportsEveryIndependentError() {
        let yaml = "a: &x 1\nb: ok\nc: *y\nd: \"open\ne: {f: 1}\n"
        let doc = YAMLLiteParser.parse(text: yaml, file: "t.yml")
        #expect(doc.diagnostics.map(\.location.line) == [1, 3, 4, 5])
    }

    @Test func oversizedFileIsRefused() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: YAMLLiteParser.maximumFileSize + 1)
        let doc = YAMLLiteParser.parse(bytes: bytes, file: "big.yml")
        #expect(doc.diagnostics.first?.message.contains("limited to 1 MiB") == true)
    }

    @Test func invalidUTF8IsLocated() {
        let doc = YAMLLiteParser.parse(bytes: Array("a: 1\nb: ".utf8) + [0xFF, 0x0A], file: "bad.yml")
        #expect(doc.diagnostics.first?.message == "file is not valid UTF-8")
        #expect(doc.diagnostics.first?.location.line == 2)
    }

    @Test func diagnosticReadsLikeACompiler() {
        let doc = YAMLLiteParser.parse(text: "segment: x\npods:\n  a: 1\npods: 2\n", file: "Content/enterprise.yml")
        #expect(
            doc.diagnostics.first?.description
                == "Content/enterprise.yml:4:1: error: duplicate key 'pods' (first defined at line 2)\n pods: 2\n ^")
    }
}
