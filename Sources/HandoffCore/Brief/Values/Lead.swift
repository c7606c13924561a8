/// A lead as routing sees it: attribute name to value. Absent attributes are "not set".
public struct Lead: Sendable, Hashable {
    public var attributes: [String: String]
    /// Fields a synthetic lead deliberately leaves empty, named in its description.
    public var unsetFields: [String] = []

    public init(_ attributes: [String: String] = [:], unsetFields: [String] = []) {
        self.attributes = attributes
        self.unsetFields = unsetFields
    }

    public subscript(field: String) -> String? {
        get { attributes[field].flatMap { $0.isEmpty ? nil : $0 } }
        set { attributes[field] = newValue }
    }
}
