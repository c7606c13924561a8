/// A view model's field by name, for the templates. A missing optional is no value at all: the
/// mirror hands it over boxed, and Mustache would take the box for a value and print "nil".
enum MirrorField {
    static func value(_ name: String, of model: Any) -> Any? {
        guard let field = Mirror(reflecting: model).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: field)
        guard mirror.displayStyle == .optional else { return field }
        return mirror.children.first?.value
    }
}
