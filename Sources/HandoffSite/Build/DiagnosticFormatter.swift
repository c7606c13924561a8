import Foundation
import HandoffCore

/// Prints diagnostics for people (compiler style), GitHub Actions, or machines.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, github, json

    /// Diagnostics as lines, or (JSON) the `CheckJSON` document of the run they came from.
    public func render(_ diagnostics: [Diagnostic], report: BuildReport = BuildReport(), strict: Bool = false) -> String {
        switch self {
        case .text:
            return diagnostics.map { $0.description + "\n" }.joined()
        case .github:
            return diagnostics.map { d in
                let kind = d.severity == .error ? "error" : "warning"
                let title = d.title.map { ",title=\(escapeProperty($0))" } ?? ""
                return
                    "::\(kind) file=\(escapeProperty(d.location.file)),line=\(d.location.line),col=\(d.location.column)\(title)::\(escapeData(d.message))\n"
            }.joined()
        case .json:
            return CheckJSON(diagnostics: diagnostics, report: report, strict: strict).serialized()
        }
    }

    /// GitHub workflow-command escaping.
    /// "2 errors while loading (a.yml, b.yml), 1 while planning (c.yml)": where a run stopped.
    public static func stoppedSummary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var parts: [String] = []
        for (stage, doing) in [(Diagnostic.Stage.load, "loading"), (.plan, "planning")] {
            let here = errors.filter { $0.stage == stage }
            guard !here.isEmpty else { continue }
            var files: [String] = []
            for d in here where !files.contains(d.location.file) { files.append(d.location.file) }
            let count = parts.isEmpty ? "\(here.count) error\(here.count == 1 ? "" : "s")" : "\(here.count)"
            parts.append("\(count) while \(doing) (\(files.joined(separator: ", ")))")
        }
        return parts.joined(separator: ", ")
    }

    func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
