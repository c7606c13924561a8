import Foundation
import Testing

@testable import HandoffCore

/// `handoff schema` and `check` agree (issue: the editor schema). Every brief `check` accepts is
/// valid under the schema, read both the way yaml-language-server types YAML 1.2 (`4` an integer,
/// `true` a boolean, `~` null) and with every scalar a string; every single-value mistake of the
/// decoder's tables, rejected by `check`, is rejected by the schema too. The validator here is
/// written for the test and shares no code with the schema's generator.
@Suite("Editor schema agrees with check")
struct SchemaAgreementTests {
    static let schema = BriefSchema.jsonSchema()
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Mistakes only `check` can find: what a JSON Schema cannot express, by case name.
    static let allowed: [String: String] = [
        "bad timezone": "a well-formed Area/Location name missing from the time zone database (the schema checks the form)",
        "recycle before accept": "compares two fields",
        "recycle before accept on the business clock": "compares two fields, on the brief's working day",
        "a shift name twice": "compares the items of a list by one field",
        "a shift past midnight": "compares the two clock times of a range",
    ]

    static var accepted: [(String, String)] {
        var briefs: [(String, String)] = [
            ("test base", TestBriefs.base),
            ("agreement", AgreementDecoderTests.full),
            ("starter", StarterBrief.text(segment: "smb")),
        ]
        let content = packageRoot.appendingPathComponent("Content")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".yml") {
            if let text = try? String(contentsOf: content.appendingPathComponent(file), encoding: .utf8) { briefs.append((file, text)) }
        }
        return briefs
    }

    @Test func everyAcceptedBriefIsValidUnderBothTypings() throws {
        let briefs = Self.accepted
        #expect(briefs.count >= 7, "the examples in Content/ were not found")
        for (name, yaml) in briefs {
            let document = YAMLLiteParser.parse(text: yaml, file: name)
            let (brief, diagnostics) = BriefDecoder.decode(document)
            #expect(brief != nil, "\(name): \(diagnostics.errors.map(\.headline))")
            let root = try #require(document.root)
            for typing in [Typing.yaml12, .strings] {
                let errors = Validator.errors(Self.typed(root, yaml, typing), against: Self.schema)
                #expect(errors.isEmpty, "\(name) (\(typing)): \(errors)")
            }
        }
    }

    @Test func theCommittedSchemaIsCurrent() throws {
        // The examples' first line points at it; regenerate with `handoff schema > brief.schema.json`.
        let committed = try String(contentsOf: Self.packageRoot.appendingPathComponent(StarterBrief.schemaFile), encoding: .utf8)
        #expect(committed == Self.schema.serialized(), "brief.schema.json is stale: run `handoff schema > brief.schema.json`")
    }

    /// The issue's examples that the old schema let through, each a single-value change.
    static let issueMistakes: [(String, [String: String])] = [
        ("percent past 100", ["segment": "segment: test\ntarget-attainment: 100.5%"]),
        ("percent past 100 on a channel", ["routing": "routing:\n  - name: R\n    assign: pod East\n    target-attainment: 100.5%"]),
        ("after-hours share past 100", ["volume": "volume:\n  leads-per-week: 5\n  after-hours-share: 100.5%\n  handle-time: 15m"]),
        ("shrinkage past 100", ["pods": "pods:\n  - name: East\n    reps: 4\n    shrinkage: 100.5%\n  - name: West\n    reps: 2"]),
        (
            "weight past 100",
            ["routing": "routing:\n  - name: R\n    assign: round-robin East, West\n    weights: East 100.5%, West 0%"]
        ),
        ("negative reps", ["pods": "pods:\n  - name: East\n    reps: -5\n  - name: West\n    reps: 2"]),
        ("abbreviated zone", ["timezone": "timezone: EST"]),
        ("hours past midnight", ["hours": "hours: Mon-Fri 25:00-26:00"]),
        ("wrapping days", ["hours": "hours: Fri-Mon 09:00-17:00"]),
        ("zero SLA", ["response-sla": "response-sla: 0m"]),
        ("unknown assignment", ["routing": "routing:\n  - name: R\n    assign: rotate East"]),
        ("empty title", ["segment": "segment: test\ntitle: \"\""]),
        ("zero max-open", ["pods": "pods:\n  - name: East\n    reps: 4\n    max-open: 0\n  - name: West\n    reps: 2"]),
        ("negative volume", ["volume": "volume:\n  leads-per-week: -5\n  handle-time: 15m"]),
        ("no condition operator", ["routing": "routing:\n  - name: R\n    when: country not [US]\n    assign: pod East"]),
    ]

    @Test func everyMistakeCheckRejectsTheSchemaRejects() throws {
        var cases: [(String, String)] = BriefDecoderTests.badCases.map { ($0.name, TestBriefs.replacing($0.replacements)) }
        cases += AgreementDecoderTests.bad.map { ($0.name, TestBriefs.replacing([$0.key: $0.block])) }
        cases += Self.issueMistakes.map { ($0.0, TestBriefs.replacing($0.1)) }
        var disagreements: [String] = []
        var stale: [String] = []
        for (name, yaml) in cases {
            let document = YAMLLiteParser.parse(text: yaml, file: "t.yml")
            let (_, diagnostics) = BriefDecoder.decode(document)
            #expect(diagnostics.hasErrors, "\(name): check accepts it")
            let errors = document.root.map { Validator.errors(Self.typed($0, yaml, .yaml12), against: Self.schema) } ?? ["no document"]
            if errors.isEmpty, Self.allowed[name] == nil { disagreements.append(name) }
            // An allowed disagreement the schema now catches comes off the list.
            if !errors.isEmpty, Self.allowed[name] != nil { stale.append(name) }
        }
        #expect(disagreements.isEmpty, "check rejects, the schema accepts: \(disagreements)")
        #expect(stale.isEmpty, "no longer disagreements: \(stale)")
        #expect(Set(Self.allowed.keys).isSubset(of: Set(cases.map(\.0))), "an allowed case is gone from the tables")
    }

    @Test(arguments: [
        ("hours", "Mon-Fri 09:00-17:00; Sat 10:00-14:00", true), ("hours", "mon,wed-FRI 08:00-24:00", true),
        ("hours", "Sun-Thu 09:00-17:00", false), ("hours", "Mon-Fri 9:00-17:00", false), ("hours", "Mon-Fri 09:00-24:30", false),
        ("when", "region = EMEA and employees >= 5000 or account.owner is set", true),
        ("when", "email ends with @acme.com", true), ("when", "country not in [US, CA]", true),
        ("when", "arrives during Sat-Sun 00:00-24:00", true), ("when", "region == EMEA", false),
        ("when", "employees >= many", false), ("when", "region is EMEA", false),
        ("assign", "round-robin East, West", true), ("assign", "queue Support", true), ("assign", "pod", false),
        ("weights", "East 60%, West 40%", true), ("weights", "East, West", false),
        ("trigger", "2 breaches in 48h", true), ("trigger", "0 breaches in 48h", false),
    ])
    func valuesAgreeWithTheirParsers(_ key: String, _ value: String, _ valid: Bool) throws {
        // The parser's verdict, then the schema's, on the same value in a routing rule or the brief.
        let yaml: String
        switch key {
        case "hours": yaml = TestBriefs.replacing(["hours": "hours: \(value)"])
        case "trigger": yaml = TestBriefs.replacing(["escalation": "escalation:\n  trigger: \(value)"])
        case "weights":
            yaml = TestBriefs.replacing(["routing": "routing:\n  - name: R\n    assign: round-robin East, West\n    weights: \(value)"])
        default:
            yaml = TestBriefs.replacing([
                "routing": "routing:\n  - name: R\n    \(key): \(value)\n" + (key == "assign" ? "" : "    assign: pod East\n")
            ])
        }
        let document = YAMLLiteParser.parse(text: yaml, file: "t.yml")
        let (_, diagnostics) = BriefDecoder.decode(document)
        let root = try #require(document.root)
        let errors = Validator.errors(Self.typed(root, yaml, .yaml12), against: Self.schema)
        #expect(diagnostics.hasErrors == !valid, "check: \(diagnostics.errors.map(\.headline))")
        #expect(errors.isEmpty == valid, "schema: \(errors)")
    }

    // MARK: - Typing a YAML-lite tree as an editor would

    enum Typing: CustomStringConvertible {
        /// The YAML 1.2 core schema: plain `4` is an integer, `true` a boolean, `~` null.
        case yaml12
        /// Every scalar a string (an empty value is null in both).
        case strings

        var description: String { self == .yaml12 ? "YAML 1.2 types" : "all strings" }
    }

    static func typed(_ node: YAMLNode, _ source: String, _ typing: Typing) -> JSONValue {
        switch node {
        case .mapping(let m): return .object(m.entries.map { ($0.key.value, typed($0.value, source, typing)) })
        case .sequence(let s): return .array(s.items.map { typed($0, source, typing) })
        case .scalar(let s):
            if quoted(s, source) { return .string(s.value) }
            if s.value.isEmpty { return .null }
            return typing == .strings ? .string(s.value) : coreSchema(s.value)
        }
    }

    static func quoted(_ s: YAMLScalar, _ source: String) -> Bool {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard s.location.line >= 1, s.location.line <= lines.count else { return false }
        let line = Array(lines[s.location.line - 1])
        let i = s.location.column - 1
        return i >= 0 && i < line.count && (line[i] == "\"" || line[i] == "'")
    }

    static func coreSchema(_ v: String) -> JSONValue {
        if ["~", "null", "Null", "NULL"].contains(v) { return .null }
        if ["true", "True", "TRUE"].contains(v) { return .bool(true) }
        if ["false", "False", "FALSE"].contains(v) { return .bool(false) }
        if v.wholeMatch(of: /[-+]?[0-9]+/) != nil, let n = Int(v.hasPrefix("+") ? String(v.dropFirst()) : v) { return .integer(n) }
        if v.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil, let d = Double(v) { return .number(d) }
        return .string(v)
    }

    // MARK: - A small JSON Schema validator (the keywords the brief schema uses)

    enum Validator {
        static func errors(_ value: JSONValue, against schema: JSONValue, at path: String = "") -> [String] {
            guard case .object(let pairs) = schema else { return [] }
            let s = Dictionary(pairs, uniquingKeysWith: { a, _ in a })
            var out: [String] = []
            if let type = s["type"] {
                let types: [String] =
                    switch type {
                    case .string(let t): [t]
                    case .array(let ts): ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
                    default: []
                    }
                if !types.contains(where: { has(value, type: $0) }) { return ["\(path): not \(types)"] }
            }
            if case .array(let options)? = s["anyOf"], !options.contains(where: { errors(value, against: $0, at: path).isEmpty }) {
                out.append("\(path): matches no alternative")
            }
            if case .array(let options)? = s["oneOf"], options.filter({ errors(value, against: $0, at: path).isEmpty }).count != 1 {
                out.append("\(path): matches not exactly one alternative")
            }
            if let not = s["not"], errors(value, against: not, at: path).isEmpty { out.append("\(path): matches what it must not") }
            if case .array(let options)? = s["enum"], !options.contains(value) { out.append("\(path): not one of the enum") }
            if case .string(let pattern)? = s["pattern"], case .string(let text) = value {
                let regex = try? NSRegularExpression(pattern: pattern)
                if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    out.append("\(path): '\(text)' does not match \(pattern.prefix(60))")
                }
            }
            if let n = numeric(value) {
                if let m = s["minimum"].flatMap(numeric), n < m { out.append("\(path): \(n) < \(m)") }
                if let m = s["maximum"].flatMap(numeric), n > m { out.append("\(path): \(n) > \(m)") }
            }
            if case .array(let items) = value {
                if let m = s["minItems"].flatMap(numeric), Double(items.count) < m { out.append("\(path): fewer than \(m) items") }
                if let itemSchema = s["items"] {
                    for (i, item) in items.enumerated() { out += errors(item, against: itemSchema, at: "\(path)[\(i)]") }
                }
            }
            if case .object(let members) = value {
                let properties: [String: JSONValue] =
                    if case .object(let p)? = s["properties"] { Dictionary(p, uniquingKeysWith: { a, _ in a }) } else { [:] }
                if case .array(let required)? = s["required"] {
                    for case .string(let key) in required where !members.contains(where: { $0.0 == key }) {
                        out.append("\(path): missing \(key)")
                    }
                }
                for (key, member) in members {
                    if let p = properties[key] {
                        out += errors(member, against: p, at: "\(path).\(key)")
                    } else if let extra = s["additionalProperties"] {
                        if extra == .bool(false) {
                            out.append("\(path): unknown key \(key)")
                        } else {
                            out += errors(member, against: extra, at: "\(path).\(key)")
                        }
                    }
                }
            }
            return out
        }

        static func has(_ value: JSONValue, type: String) -> Bool {
            switch (value, type) {
            case (.string, "string"), (.bool, "boolean"), (.null, "null"), (.array, "array"), (.object, "object"): true
            case (.integer, "integer"), (.integer, "number"), (.number, "number"): true
            case (.number(let d), "integer"): d == d.rounded()
            default: false
            }
        }

        static func numeric(_ v: JSONValue) -> Double? {
            switch v {
            case .integer(let i): Double(i)
            case .number(let d): d
            default: nil
            }
        }
    }
}
