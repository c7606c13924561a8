import Foundation
import HandoffSite

/// The terminal's one line per rebuild: which briefs, what was re-simulated, how long.
enum RebuildLine {
    static func text(_ r: LiveSite.Rebuild, first: Bool = false) -> String {
        var parts: [String] = []
        let names = r.planned.map { ($0 as NSString).lastPathComponent }
        if first {
            parts.append("built \(names.count) brief\(names.count == 1 ? "" : "s")")
        } else if !names.isEmpty {
            parts.append("re-planned \(list(names))")
        }
        if !r.removed.isEmpty { parts.append("removed \(list(r.removed.map { ($0 as NSString).lastPathComponent }))") }
        if r.templatesChanged { parts.append("templates changed") }
        if r.recordsChanged { parts.append("plan records changed") }
        if !names.isEmpty {
            let cached = max(0, names.count - r.simulated)
            if r.simulated == 0 {
                parts.append(first ? "SLA models from the cache" : "no SLA model re-simulated")
            } else {
                let simulated = "\(r.simulated) SLA model\(r.simulated == 1 ? "" : "s") \(first ? "simulated" : "re-simulated")"
                parts.append(cached > 0 ? simulated + ", \(cached) from memory or the cache" : simulated)
            }
        }
        if r.errors > 0 { parts.append("\(r.errors) error\(r.errors == 1 ? "" : "s") (shown on the page)") }
        return parts.joined(separator: "; ") + " in \(String(format: "%.2f", r.seconds)) s"
    }

    static func list(_ names: [String]) -> String {
        names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}
