import Mustache

/// The page templates and assets: the built-in set, overridden file by file by a templates
/// folder. Every name a template can use is listed in `docs/templates.md`.
public struct TemplateSet: Sendable {
    /// File name (relative to the templates folder) → text.
    public let files: [String: String]
    let library: MustacheLibrary

    /// A template failed to parse.
    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): error: \(message)" }
    }

    /// Built-ins with `overrides` (name → text, as read from `folder`) taking precedence.
    public init(overrides: [String: String], folder: String) throws(TemplateError) {
        var files = BuiltInTemplates.files
        for (name, text) in overrides { files[name] = text }
        var library = MustacheLibrary()
        for (name, text) in files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                let shown = overrides[name] != nil ? "\(folder)/\(name)" : "built-in \(name)"
                throw TemplateError(file: shown, message: "template does not parse: \(error)")
            }
        }
        self.files = files
        self.library = library
    }

    /// Assets to copy into `Public/`: everything under `assets/`.
    public var assets: [(path: String, text: String)] {
        files.keys.filter { $0.hasPrefix("assets/") }.sorted().map { ($0, files[$0] ?? "") }
    }

    /// Renders a template; a missing template renders as empty, which `init` rules out for the
    /// built-in names.
    func render(_ name: String, _ context: Any) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
