/// `handoff schema`: the brief's JSON Schema (draft 2020-12) for editors such as
/// yaml-language-server. Every scalar is text in YAML-lite, but editors type scalars the YAML 1.2
/// way, so numbers and booleans are accepted both typed and as strings.
extension BriefSchema {
    public static func jsonSchema() -> JSONValue {
        var root = objectSchema(brief).objectPairs
        root.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        root.insert(("$id", .string("https://handoff.invalid/brief.schema.json")), at: 1)
        root.insert(("title", .string("Handoff brief")), at: 2)
        root.insert(("description", .string("One marketing-to-sales handoff brief per segment (YAML-lite).")), at: 3)
        return .object(root)
    }

    static func objectSchema(_ schema: ObjectSchema) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(schema.fields.filter(\.required).map { .string($0.name) })),
            ("properties", .object(schema.fields.map { ($0.name, property($0.shape, description: $0.summary)) })),
        ]
        if !schema.exactlyOne.isEmpty {
            pairs.append(("oneOf", .array(schema.exactlyOne.map { .object([("required", .array([.string($0)]))]) })))
        }
        if !schema.notTogether.isEmpty {
            pairs.append(("not", .object([("required", .array(schema.notTogether.map(JSONValue.string)))])))
        }
        return .object(pairs)
    }

    static func property(_ shape: FieldSchema.Shape, description: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        let string: (String, JSONValue) = ("type", .string("string"))
        switch shape {
        case .text:
            // Not blank; YAML 1.2 reads `42` and `true` as a number and a boolean.
            pairs = [("type", .array([.string("string"), .string("number"), .string("boolean")])), ("pattern", .string("\\S"))]
        case .pattern(let regex, let example, let alsoInteger):
            let text: [(String, JSONValue)] = [string, ("pattern", .string(regex)), ("examples", .array([.string(example)]))]
            pairs =
                alsoInteger
                ? [("anyOf", .array([.object(text), .object([("type", .string("integer")), ("minimum", .integer(0))])]))] : text
        case .integer(let minimum):
            pairs = [
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("integer")), ("minimum", .integer(minimum)), ("maximum", .integer(999_999_999))]),
                        .object([string, ("pattern", .string(minimum > 0 ? "^(?!0+$)[0-9]{1,9}$" : "^[0-9]{1,9}$"))]),
                    ])
                )
            ]
        case .number(let minimum):
            var typed: [(String, JSONValue)] = [("type", .string("number"))]
            if let minimum { typed.append(("minimum", .number(minimum))) }
            let pattern = minimum.map { $0 >= 0 } == true ? "^[0-9]+(\\.[0-9]+)?$" : "^-?[0-9]+(\\.[0-9]+)?$"
            pairs = [("anyOf", .array([.object(typed), .object([string, ("pattern", .string(pattern))])]))]
        case .boolean:
            pairs = [
                (
                    "anyOf",
                    .array([
                        .object([("type", .string("boolean"))]),
                        .object([string, ("pattern", .string("^([Yy][Ee][Ss]|[Nn][Oo]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$"))]),
                    ])
                )
            ]
        case .choice(let options):
            pairs = [string, ("enum", .array(options.map(JSONValue.string)))]
        case .object(let o):
            pairs = objectSchema(o).objectPairs
        case .list(let item):
            // An empty `key:` reads as an empty list (YAML 1.2: null).
            pairs = [("type", .array([.string("array"), .string("null")])), ("items", property(item, description: nil))]
        case .flowList:
            pairs = [("type", .array([.string("array"), .string("null")])), ("items", property(.text, description: nil))]
        case .nonEmptyFlowList:
            pairs = [("type", .string("array")), ("minItems", .integer(1)), ("items", property(.text, description: nil))]
        case .map(let value):
            pairs = [("type", .string("object")), ("additionalProperties", property(value, description: nil))]
        case .textOrObject(let o):
            pairs = [("anyOf", .array([property(.text, description: nil), .object(objectSchema(o).objectPairs)]))]
        }
        if let description { pairs.append(("description", .string(description))) }
        return .object(pairs)
    }
}

extension JSONValue {
    var objectPairs: [(String, JSONValue)] {
        if case .object(let pairs) = self { return pairs }
        return []
    }
}
