import Foundation

/// Turns a YAML-lite tree into a typed `Brief` (SPEC §2), reporting every wrong key, missing
/// field and malformed value at its own line and column. Cross-field consistency is the intake
/// check's job (`BriefIntake`), not the decoder's.
public struct BriefDecoder {
    public internal(set) var diagnostics: [Diagnostic] = []
    let file: String
    /// Lines where the parser reported an error: a section touching one is damaged, and
    /// cross-references into it are not checked.
    var syntaxErrorLines: Set<Int> = []
    /// The text of each line the parser reported, to tell what a broken line may have held.
    var syntaxErrorText: [Int: String] = [:]
    /// Where each value's key stands, so a value of the wrong kind (a list where text belongs)
    /// is reported at its key rather than at the first item below it.
    var keyOfValue: [SourceLocation: SourceLocation] = [:]

    init(file: String) { self.file = file }

    /// Decodes a parsed document. The brief is nil when the file has any error. Every
    /// independent mistake is reported in one run: the parser's syntax errors, then the schema
    /// errors of the parts that parsed, then cross-references among the parts that decoded.
    public static func decode(_ document: YAMLDocument) -> (brief: Brief?, diagnostics: [Diagnostic]) {
        var decoder = BriefDecoder(file: document.file)
        let start = SourceLocation(file: document.file, line: 1, column: 1)
        guard let root = document.root else {
            if document.diagnostics.hasErrors { return (nil, document.diagnostics) }
            return (nil, [.error("the brief is empty; start with 'segment:'", at: start)])
        }
        guard case .mapping(let mapping) = root else {
            if document.diagnostics.hasErrors { return (nil, document.diagnostics) }
            return (nil, [.error("a brief is a map of 'key: value' lines, not \(root.kindDescription)", at: root.location)])
        }
        decoder.syntaxErrorLines = Set(document.diagnostics.errors.map(\.location.line))
        for d in document.diagnostics.errors { if let text = d.sourceLine { decoder.syntaxErrorText[d.location.line] = text } }
        let brief = decoder.decodeBrief(mapping, tree: root)
        let all = document.diagnostics + decoder.diagnostics
        return (all.hasErrors ? nil : brief, all)
    }

    // MARK: - Reporting

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    // MARK: - Structure

    /// The entries of a map, checked against its schema: unknown keys (with a suggestion) and
    /// missing required keys are errors.
    mutating func fields(of mapping: YAMLMapping, _ schema: ObjectSchema, in context: String) -> [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        for entry in mapping.entries {
            let key = entry.key.value
            if schema.field(key) == nil {
                error("unknown key '\(key)' in \(context)\(DidYouMean.hint(for: key, among: schema.keys))", at: entry.key.location)
                continue
            }
            result[key] = entry.value
            keyOfValue[entry.value.location] = entry.key.location
        }
        // A map that lost a line to a syntax error may miss a key only because that line broke.
        for field in schema.fields where field.required && result[field.name] == nil && !mapping.isIncomplete {
            if mapping.entries.contains(where: { $0.key.value == field.name }) { continue }
            error("missing required key '\(field.name)' in \(context)", at: mapping.location)
        }
        return result
    }

    mutating func scalar(_ node: YAMLNode?, _ key: String) -> YAMLScalar? {
        guard let node, !node.isInvalid else { return nil }
        guard case .scalar(let s) = node else {
            error("'\(key)' should be a text value, not \(node.kindDescription)", at: keyOfValue[node.location] ?? node.location)
            return nil
        }
        return s
    }

    /// A non-empty text value.
    mutating func text(_ node: YAMLNode?, _ key: String) -> String? {
        guard let s = scalar(node, key) else { return nil }
        let value = s.value.trimmed
        if value.isEmpty {
            error("'\(key)' is empty", at: s.location)
            return nil
        }
        return value
    }

    mutating func mapping(_ node: YAMLNode?, _ key: String) -> YAMLMapping? {
        guard let node, !node.isInvalid else { return nil }
        guard case .mapping(let m) = node else {
            error(
                "'\(key)' should be a map of 'key: value' lines, not \(node.kindDescription)",
                at: keyOfValue[node.location] ?? node.location)
            return nil
        }
        return m
    }

    mutating func sequence(_ node: YAMLNode?, _ key: String) -> YAMLSequence? {
        guard let node, !node.isInvalid else { return nil }
        if case .scalar(let s) = node, s.value.isEmpty { return YAMLSequence(items: [], location: s.location) }
        guard case .sequence(let seq) = node else {
            error(
                "'\(key)' should be a list ('- item' lines or [a, b]), not \(node.kindDescription)",
                at: keyOfValue[node.location] ?? node.location)
            return nil
        }
        return seq
    }

    /// Each item of a list of maps, decoded by `body`.
    mutating func listOfMaps<T>(
        _ node: YAMLNode?, _ key: String, _ schema: ObjectSchema, item: String,
        _ body: (inout BriefDecoder, [String: YAMLNode], SourceLocation) -> T?
    ) -> [T] {
        guard let seq = sequence(node, key) else { return [] }
        var result: [T] = []
        for element in seq.items {
            guard let m = mapping(element, "each item of '\(key)'") else { continue }
            let f = fields(of: m, schema, in: item)
            if let value = body(&self, f, m.location) { result.append(value) }
        }
        return result
    }

    mutating func textList(_ node: YAMLNode?, _ key: String) -> [String]? {
        guard let seq = sequence(node, key) else { return nil }
        var items: [String] = []
        for item in seq.items {
            if let t = text(item, "each item of '\(key)'") { items.append(t) }
        }
        return items
    }

    // MARK: - Typed values

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _ key: String, _: T.Type) -> T?
    where T.RawValue == String {
        guard let s = scalar(node, key) else { return nil }
        if let value = T(rawValue: s.value) { return value }
        let options = T.allCases.map(\.rawValue)
        let hint = DidYouMean.suggestion(for: s.value, among: options).map { "did you mean '\($0)'? " } ?? ""
        error("'\(s.value)' is not a valid \(key); \(hint)expected one of \(options.joined(separator: ", "))", at: s.location)
        return nil
    }

    mutating func duration(_ node: YAMLNode?, _ key: String) -> ResponseDuration? {
        guard let s = scalar(node, key) else { return nil }
        guard let d = ResponseDuration(parsing: s.value) else {
            error("'\(s.value)' is not a duration; write e.g. 30s, 15m, 2h, 1h30m or 1d", at: s.location)
            return nil
        }
        return d
    }

    mutating func percent(_ node: YAMLNode?, _ key: String) -> Percent? {
        guard let s = scalar(node, key) else { return nil }
        guard let p = Percent(parsing: s.value) else {
            error("'\(s.value)' is not a percentage from 0% to 100% (e.g. 85% or 85.5%)", at: s.location)
            return nil
        }
        return p
    }

    mutating func date(_ node: YAMLNode?, _ key: String) -> CalendarDate? {
        guard let s = scalar(node, key) else { return nil }
        guard let d = CalendarDate(parsing: s.value) else {
            error("'\(s.value)' is not a date; write YYYY-MM-DD", at: s.location)
            return nil
        }
        return d
    }

    /// A list of dates (`[2026-12-25, 2027-01-01]` or `- 2026-12-25` lines); empty when absent.
    mutating func dates(_ node: YAMLNode?, _ key: String) -> [CalendarDate] {
        guard let node, let seq = sequence(node, key) else { return [] }
        return seq.items.compactMap { date($0, "each item of '\(key)'") }
    }

    mutating func number(_ node: YAMLNode?, _ key: String) -> Double? {
        guard let s = scalar(node, key) else { return nil }
        guard s.value.range(of: "^-?[0-9]+(\\.[0-9]+)?$", options: .regularExpression) != nil, let n = Double(s.value) else {
            error("'\(s.value)' is not a number", at: s.location)
            return nil
        }
        return n
    }

    mutating func integer(_ node: YAMLNode?, _ key: String) -> Int? {
        guard let s = scalar(node, key) else { return nil }
        guard s.value.count <= 9, s.value.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s.value) else {
            error("'\(s.value)' is not a whole number", at: s.location)
            return nil
        }
        return n
    }

    mutating func boolean(_ node: YAMLNode?, _ key: String) -> Bool? {
        guard let s = scalar(node, key) else { return nil }
        switch s.value.lowercased() {
        case "yes", "true": return true
        case "no", "false": return false
        default:
            error("'\(s.value)' is not yes/no or true/false", at: s.location)
            return nil
        }
    }

    static let knownZones = TimeZone.knownTimeZoneIdentifiers.sorted()

    /// Any zone of the IANA database by its `Area/Location` name, backward-compatible names
    /// included (`Asia/Kolkata` and `Asia/Calcutta` alike), and `UTC`. Abbreviations such as
    /// `EST` are refused: they are not places, and their rules differ from what people mean.
    static func isZone(_ name: String) -> Bool {
        name == "UTC" || (name.contains("/") && TimeZone(identifier: name) != nil)
    }

    /// UTC offsets in January and July, which tell zones apart for suggestions.
    static func offsets(_ zone: TimeZone) -> [Int] {
        [1_799_000_000.0, 1_783_000_000.0].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) }
    }

    mutating func timezone(_ node: YAMLNode?, _ key: String) -> String? {
        guard let s = scalar(node, key) else { return nil }
        guard Self.isZone(s.value) else {
            // An abbreviation that is a zone after all: offer places with the same offsets only.
            var hint = ""
            if let zone = TimeZone(identifier: s.value) {
                let same = Self.knownZones.filter { name in
                    TimeZone(identifier: name).map { Self.offsets($0) == Self.offsets(zone) } ?? false
                }
                let common = [
                    "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Panama",
                    "America/Sao_Paulo", "Europe/London", "Europe/Berlin", "Europe/Helsinki", "Asia/Dubai", "Asia/Kolkata",
                    "Asia/Singapore",
                    "Asia/Tokyo", "Australia/Sydney",
                ]
                let preferred = common.filter { name in TimeZone(identifier: name).map { Self.offsets($0) == Self.offsets(zone) } ?? false }
                let fixed = Set(Self.offsets(zone)).count == 1
                // 'EST' is UTC−5 all year; teams who write it usually mean a place that
                // observes daylight saving with that standard offset.
                let seasonal = common.first { name in
                    guard let z = TimeZone(identifier: name) else { return false }
                    let o = Self.offsets(z)
                    return Set(o).count == 2 && o.min() == Self.offsets(zone).first && name.hasPrefix("America/") == s.value.hasSuffix("ST")
                }
                if fixed, let seasonal, let first = (preferred.isEmpty ? same : preferred).first {
                    let hours = Double(Self.offsets(zone)[0]) / 3600
                    let offset = "UTC" + (hours < 0 ? "−" : "+") + ConditionAtom.format(abs(hours))
                    hint =
                        "; '\(s.value)' is \(offset) all year, without daylight saving: write '\(seasonal)' for its local time with daylight saving, or '\(first)' for \(offset) all year"
                } else if let first = (preferred.isEmpty ? same : preferred).first {
                    hint = "; did you mean '\(first)' (same UTC offsets)?"
                }
            } else {
                hint = DidYouMean.hint(for: s.value, among: Self.knownZones)
            }
            error("'\(s.value)' is not an IANA time zone (e.g. America/New_York, Europe/Berlin, Asia/Kolkata, UTC)\(hint)", at: s.location)
            return nil
        }
        return s.value
    }

    mutating func weeklyHours(_ node: YAMLNode?, _ key: String) -> WeeklyHours? {
        guard let s = scalar(node, key) else { return nil }
        switch WeeklyHours.parse(s.value) {
        case .success(let h): return h
        case .failure(let e):
            error("invalid hours: \(e.message)", at: s.location)
            return nil
        }
    }
}
