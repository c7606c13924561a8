/// A lead as routing sees it: attribute name to value. Absent attributes are "not set".
public struct Lead: Sendable, Hashable {
    public var attributes: [String: String]

    public init(_ attributes: [String: String] = [:]) { self.attributes = attributes }

    public subscript(field: String) -> String? {
        get { attributes[field].flatMap { $0.isEmpty ? nil : $0 } }
        set { attributes[field] = newValue }
    }

    /// `region = EMEA, employees = 5000`, fields in name order; "any lead" when empty.
    public var description: String {
        let parts = attributes.keys.sorted().compactMap { key in attributes[key].map { "\(key) = \($0)" } }
        return parts.isEmpty ? "any lead" : parts.joined(separator: ", ")
    }
}
