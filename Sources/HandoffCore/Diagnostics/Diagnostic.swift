/// One finding about a brief, reported in the compiler convention
/// `file:line:col: error: message`, with the offending line and a caret under the column.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Stops the build (exit 1).
        case error
        /// Shown, counted against readiness; fails only under `--strict`.
        case warning
    }

    /// Which stage of the build found it.
    public enum Stage: String, Sendable, Hashable, Codable {
        /// Reading, parsing and decoding the brief (syntax, schema, cross-references).
        case load
        /// Planning: intake, routing, SLA, enablement, tooling, readiness.
        case plan
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// Loading unless planning found it.
    public var stage: Stage = .load
    /// The text of the offending line, when known, for the caret snippet.
    public var sourceLine: String?
    /// A short heading for CI annotations ("SLA breach", "Stale approval"); nil: by severity.
    public var title: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, sourceLine: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line:col: error: message` without the snippet.
    public var headline: String { "\(location): \(severity.rawValue): \(message)" }

    /// The headline followed, when the line is known, by the line and a caret under the column.
    /// A long line is cut to a window of `snippetWidth` characters around the column, so a
    /// 10 MB line never reaches the terminal whole.
    public var description: String {
        guard let sourceLine else { return headline }
        let scalars = Array(sourceLine.replacingTabs().unicodeScalars)
        var column = max(0, location.column - 1)
        var shown = scalars[...]
        var prefix = ""
        var suffix = ""
        if scalars.count > Self.snippetWidth {
            let start = max(0, min(column - Self.snippetWidth / 2, scalars.count - Self.snippetWidth))
            shown = scalars[start..<min(scalars.count, start + Self.snippetWidth)]
            if start > 0 { prefix = "…" }
            if start + Self.snippetWidth < scalars.count { suffix = "…" }
            column = column - start + prefix.count
        }
        let caretPad = String(repeating: " ", count: column)
        let text = prefix + String(String.UnicodeScalarView(shown)) + suffix
        return "\(headline)\n \(text)\n \(caretPad)^"
    }

    /// The most characters of a source line a diagnostic echoes.
    public static let snippetWidth = 200
}

extension String {
    /// Tabs shown as single spaces keep the caret under the right column.
    fileprivate func replacingTabs() -> String {
        String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, so output does not depend on checking order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            a.element.location != b.element.location
                ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
    }
}
