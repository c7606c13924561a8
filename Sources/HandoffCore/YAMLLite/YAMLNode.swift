/// A scalar of a YAML-lite document. Every scalar is a string at this level; types come from
/// the brief schema.
public struct YAMLScalar: Sendable, Hashable {
    public var value: String
    public var location: SourceLocation
    /// A value the parser could not read and has already reported: later stages skip it
    /// silently instead of reporting it again as empty or malformed.
    public var isInvalid = false

    public init(_ value: String, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A block or flow sequence.
public struct YAMLSequence: Sendable, Hashable {
    public var items: [YAMLNode]
    public var location: SourceLocation
}

/// A block mapping, keys in file order.
public struct YAMLMapping: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: YAMLScalar
        public var value: YAMLNode
    }

    public var entries: [Entry]
    public var location: SourceLocation
    /// The parser skipped a line of this map after an error, so a key may be missing only
    /// because its line was broken: later stages do not report missing keys here.
    public var isIncomplete = false

    /// The entry for a key, if present.
    public subscript(key: String) -> YAMLNode? {
        entries.first { $0.key.value == key }?.value
    }
}

/// A node of the YAML-lite tree: a string, a list or a map.
public indirect enum YAMLNode: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    public var location: SourceLocation {
        switch self {
        case .scalar(let s): s.location
        case .sequence(let s): s.location
        case .mapping(let m): m.location
        }
    }

    /// A value the parser could not read (already reported).
    public var isInvalid: Bool {
        if case .scalar(let s) = self { return s.isInvalid }
        return false
    }

    /// The string of a scalar node.
    public var scalarValue: String? {
        if case .scalar(let s) = self { return s.value }
        return nil
    }

    /// What the node is, for messages: "a text value", "a list", "a map".
    public var kindDescription: String {
        switch self {
        case .scalar: "a text value"
        case .sequence: "a list"
        case .mapping: "a map"
        }
    }

    /// The tree as JSON: strings, arrays, objects in file order.
    public var json: JSONValue {
        switch self {
        case .scalar(let s): .string(s.value)
        case .sequence(let s): .array(s.items.map(\.json))
        case .mapping(let m): .object(m.entries.map { ($0.key.value, $0.value.json) })
        }
    }
}

/// A parsed YAML-lite file: its root (nil for a file with no content), the lines for
/// diagnostics' snippets, and every diagnostic the parser found.
public struct YAMLDocument: Sendable {
    public var root: YAMLNode?
    public var file: String
    public var diagnostics: [Diagnostic]
}
