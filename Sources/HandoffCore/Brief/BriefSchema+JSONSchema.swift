/// `handoff schema`: the brief's JSON Schema (draft 2020-12) for editors such as
/// yaml-language-server. Every scalar is a string in YAML-lite, so value types are string
/// patterns and enumerations.
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
        .object([
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(schema.fields.filter(\.required).map { .string($0.name) })),
            ("properties", .object(schema.fields.map { ($0.name, property($0.shape, description: $0.summary)) })),
        ])
    }

    static func property(_ shape: FieldSchema.Shape, description: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        switch shape {
        case .text:
            pairs = [("type", .string("string"))]
        case .pattern(let regex, let example):
            pairs = [("type", .string("string")), ("pattern", .string(regex)), ("examples", .array([.string(example)]))]
        case .choice(let options):
            pairs = [("type", .string("string")), ("enum", .array(options.map(JSONValue.string)))]
        case .object(let o):
            pairs = objectSchema(o).objectPairs
        case .list(let item):
            pairs = [("type", .string("array")), ("items", property(item, description: nil))]
        case .flowList:
            pairs = [("type", .string("array")), ("items", .object([("type", .string("string"))]))]
        case .map(let value):
            pairs = [("type", .string("object")), ("additionalProperties", property(value, description: nil))]
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
