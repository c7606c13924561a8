/// Encodes `Encodable` values to a `JSONValue`, keeping keys in the order the type encodes
/// them (declaration order for synthesised conformances), writing `null` for absent optionals
/// rather than dropping the key, and `null` for non-finite numbers. `packet.json` and plan
/// records are documented `Encodable` types that come out byte-stable through it.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        return root.json
    }

    /// A value being built: a leaf, or an object or array of further nodes.
    final class Node {
        enum Kind {
            case empty
            case leaf(JSONValue)
            case object([(String, Node)])
            case array([Node])
        }

        var kind = Kind.empty

        var json: JSONValue {
            switch kind {
            case .empty: .object([])
            case .leaf(let value): value
            case .object(let pairs): .object(pairs.map { ($0.0, $0.1.json) })
            case .array(let items): .array(items.map(\.json))
            }
        }

        func append(_ key: String, _ child: Node) {
            if case .object(var pairs) = kind {
                pairs.append((key, child))
                kind = .object(pairs)
            } else {
                kind = .object([(key, child)])
            }
        }

        func append(_ child: Node) {
            if case .array(var items) = kind {
                items.append(child)
                kind = .array(items)
            } else {
                kind = .array([child])
            }
        }

        static func leaf(_ value: JSONValue) -> Node {
            let node = Node()
            node.kind = .leaf(value)
            return node
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            stringValue = String(intValue)
            self.intValue = intValue
        }
    }

    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<K: CodingKey>(keyedBy type: K.Type) -> KeyedEncodingContainer<K> {
            if case .empty = node.kind { node.kind = .object([]) }
            return KeyedEncodingContainer(Keyed<K>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .empty = node.kind { node.kind = .array([]) }
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    /// The JSON for one value, or nil when it is not a primitive and must encode itself.
    static func primitive<T: Encodable>(_ value: T) -> JSONValue? {
        switch value {
        case let v as String: .string(v)
        case let v as Bool: .bool(v)
        case let v as Int: .integer(v)
        case let v as Double: v.isFinite ? .number(v) : .null
        default: nil
        }
    }

    static func node<T: Encodable>(for value: T, codingPath: [any CodingKey]) throws -> Node {
        if let leaf = primitive(value) { return .leaf(leaf) }
        let child = Node()
        try value.encode(to: NodeEncoder(node: child, codingPath: codingPath))
        return child
    }

    struct Keyed<K: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: K) throws { node.append(key.stringValue, .leaf(.null)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: K) throws {
            node.append(key.stringValue, try JSONValueEncoder.node(for: value, codingPath: codingPath + [key]))
        }

        // Absent optionals are written as null: the documented shape keeps every key.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: K) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: K) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: K) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: K) throws { try encodeOptional(value, key) }

        mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: K) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: K) -> KeyedEncodingContainer<N> {
            let child = Node()
            child.kind = .object([])
            node.append(key.stringValue, child)
            return KeyedEncodingContainer(Keyed<N>(node: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: K) -> any UnkeyedEncodingContainer {
            let child = Node()
            child.kind = .array([])
            node.append(key.stringValue, child)
            return Unkeyed(node: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: K(stringValue: "super")!) }

        mutating func superEncoder(forKey key: K) -> any Encoder {
            let child = Node()
            node.append(key.stringValue, child)
            return NodeEncoder(node: child, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int {
            if case .array(let items) = node.kind { return items.count }
            return 0
        }

        mutating func encodeNil() throws { node.append(.leaf(.null)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            node.append(try JSONValueEncoder.node(for: value, codingPath: codingPath + [Key(intValue: count)]))
        }

        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            let child = Node()
            child.kind = .object([])
            node.append(child)
            return KeyedEncodingContainer(Keyed<N>(node: child, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node()
            child.kind = .array([])
            node.append(child)
            return Unkeyed(node: child, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            let child = Node()
            node.append(child)
            return NodeEncoder(node: child, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.kind = .leaf(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let built = try JSONValueEncoder.node(for: value, codingPath: codingPath)
            node.kind = built.kind
        }
    }
}
