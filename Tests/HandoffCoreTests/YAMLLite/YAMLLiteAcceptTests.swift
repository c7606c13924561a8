import Testing

@testable import HandoffCore

/// Every accepted form of SPEC §1, with the tree it must load as (compact JSON, file order).
@Suite("YAML-lite accepts")
struct YAMLLiteAcceptTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var json: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain map", yaml: "a: 1\nb: two\n", json: #"{"a":"1","b":"two"}"#),
        Case(name: "keys keep file order", yaml: "z: 1\na: 2\nm: 3\n", json: #"{"z":"1","a":"2","m":"3"}"#),
        Case(
            name: "scalars stay strings", yaml: "a: no\nb: off\nc: 08:00\nd: 1e3\ne: 2026-01-15\nf: ~\ng: null\n",
            json: #"{"a":"no","b":"off","c":"08:00","d":"1e3","e":"2026-01-15","f":"~","g":"null"}"#),
        Case(name: "empty value is empty string", yaml: "a:\nb: x\n", json: #"{"a":"","b":"x"}"#),
        Case(name: "nested map", yaml: "a:\n  b: 1\n  c:\n    d: 2\n", json: #"{"a":{"b":"1","c":{"d":"2"}}}"#),
        Case(name: "sequence", yaml: "- a\n- b\n", json: #"["a","b"]"#),
        Case(name: "sequence under key, indented", yaml: "k:\n  - a\n  - b\n", json: #"{"k":["a","b"]}"#),
        Case(name: "sequence at parent's column", yaml: "k:\n- a\n- b\nn: c\n", json: #"{"k":["a","b"],"n":"c"}"#),
        Case(
            name: "map items in a sequence", yaml: "- name: East\n  reps: 4\n- name: West\n",
            json: #"[{"name":"East","reps":"4"},{"name":"West"}]"#),
        Case(name: "map item with nested list", yaml: "- a: 1\n  b:\n  - x\n  - y\n", json: #"[{"a":"1","b":["x","y"]}]"#),
        Case(name: "dash then indented block", yaml: "-\n  a: 1\n-\n  - x\n", json: #"[{"a":"1"},["x"]]"#),
        Case(name: "empty sequence item", yaml: "- \n- b\n", json: #"["","b"]"#),
        Case(name: "nested compact sequence", yaml: "- - a\n  - b\n- c\n", json: #"[["a","b"],"c"]"#),
        Case(
            name: "comments everywhere", yaml: "# top\na: 1 # trailing\n  # indented comment\nb: x#notcomment\n",
            json: #"{"a":"1","b":"x#notcomment"}"#),
        Case(name: "document start marker", yaml: "---\na: 1\n", json: #"{"a":"1"}"#),
        Case(name: "byte-order mark", yaml: "\u{FEFF}a: 1\n", json: #"{"a":"1"}"#),
        Case(name: "CRLF line ends", yaml: "a: 1\r\nb:\r\n  - x\r\n", json: #"{"a":"1","b":["x"]}"#),
        Case(name: "no final newline", yaml: "a: 1", json: #"{"a":"1"}"#),
        Case(name: "single-quoted with doubled quote", yaml: "a: 'it''s: fine # really'\n", json: #"{"a":"it's: fine # really"}"#),
        Case(name: "double-quoted escapes", yaml: #"a: "q\"b\\s\nn\tt\u00e9""# + "\n", json: #"{"a":"q\"b\\s\nn\tté"}"#),
        Case(name: "quoted keeps colon and hash", yaml: "a: \"x: y # z\"\n", json: #"{"a":"x: y # z"}"#),
        Case(name: "flow sequence", yaml: "a: [x, y z, \"c, d\", 'e']\n", json: #"{"a":["x","y z","c, d","e"]}"#),
        Case(name: "empty flow sequence", yaml: "a: []\n", json: #"{"a":[]}"#),
        Case(name: "flow sequence as item", yaml: "- [a, b]\n", json: #"[["a","b"]]"#),
        Case(name: "literal block", yaml: "a: |\n  line 1\n  line 2\nb: x\n", json: #"{"a":"line 1\nline 2\n","b":"x"}"#),
        Case(name: "literal strip", yaml: "a: |-\n  line 1\n\n  line 2\n\n", json: #"{"a":"line 1\n\nline 2"}"#),
        Case(name: "folded block", yaml: "a: >\n  one\n  two\n\n  three\n", json: #"{"a":"one two\nthree\n"}"#),
        Case(name: "folded keeps more-indented lines", yaml: "a: >\n  one\n    two\n  three\n", json: #"{"a":"one\n  two\nthree\n"}"#),
        Case(name: "folded strip with comment", yaml: "a: >- # note\n  one\n  two\n", json: #"{"a":"one two"}"#),
        Case(name: "block in a sequence", yaml: "- |\n  text\n- b\n", json: #"["text\n","b"]"#),
        Case(name: "empty block scalar", yaml: "a: |\nb: 1\n", json: #"{"a":"","b":"1"}"#),
        Case(name: "URL with colon", yaml: "a: http://x.example/p?q=1\n", json: #"{"a":"http://x.example/p?q=1"}"#),
        Case(
            name: "key with spaces, dots, dashes", yaml: "max-open: 2\naccount.owner x: y\nsnake_case: z\n",
            json: #"{"max-open":"2","account.owner x":"y","snake_case":"z"}"#),
        Case(name: "trailing spaces trimmed", yaml: "a: value   \n", json: #"{"a":"value"}"#),
        Case(name: "dash inside a word", yaml: "a: -5\nb: x - y\n", json: #"{"a":"-5","b":"x - y"}"#),
        Case(name: "top-level scalar", yaml: "hello world\n", json: #""hello world""#),
        Case(name: "unicode values", yaml: "name: Zoë → Łódź\n", json: #"{"name":"Zoë → Łódź"}"#),
        Case(name: "tab inside a quoted value", yaml: "a: \"x\ty\"\n", json: #"{"a":"x\ty"}"#),
        Case(name: "blank lines between entries", yaml: "a: 1\n\n\nb: 2\n", json: #"{"a":"1","b":"2"}"#),
        Case(
            name: "deep but legal nesting",
            yaml: (0..<30).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined() + String(repeating: "  ", count: 30)
                + "v: x\n", json: (0..<30).map { "{\"k\($0)\":" }.joined() + #"{"v":"x"}"# + String(repeating: "}", count: 30)),
    ]

    @Test(arguments: cases)
    func accepts(_ c: Case) {
        let doc = YAMLLiteParser.parse(text: c.yaml, file: "t.yml")
        #expect(doc.diagnostics.isEmpty, "\(doc.diagnostics.map(\.headline))")
        #expect(doc.root?.json.serialized(pretty: false) == c.json)
    }

    @Test func emptyDocumentHasNoRoot() {
        let doc = YAMLLiteParser.parse(text: "# only a comment\n\n", file: "t.yml")
        #expect(doc.diagnostics.isEmpty)
        #expect(doc.root == nil)
    }

    @Test func locationsPointAtValues() throws {
        let doc = YAMLLiteParser.parse(text: "a:\n  b: x\n  c: [p, q]\n", file: "f.yml")
        guard case .mapping(let top)? = doc.root, case .mapping(let inner)? = top["a"], case .sequence(let seq)? = inner["c"] else {
            Issue.record("unexpected shape")
            return
        }
        #expect(inner.entries[0].key.location == SourceLocation(file: "f.yml", line: 2, column: 3))
        #expect(inner["b"]?.location == SourceLocation(file: "f.yml", line: 2, column: 6))
        #expect(seq.items[1].location == SourceLocation(file: "f.yml", line: 3, column: 10))
    }
}
