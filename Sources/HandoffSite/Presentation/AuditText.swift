import HandoffCore

/// The words for the audit trail's changes.
public enum AuditText {
    public static func change(_ c: AuditTrail.Change) -> String {
        switch c {
        case .firstRecord(let segment): "first record of segment '\(segment)'"
        case .inputsChanged: "planning inputs changed"
        case .title(let old, let new): "title: \(old) → \(new)"
        case .ruleAdded(let name): "routing rule added: \(name)"
        case .ruleRemoved(let name): "routing rule removed: \(name)"
        case .ruleChanged(let name, let fields): "routing rule changed: \(name) (\(fields.map(field).joined(separator: "; ")))"
        case .rulesReordered: "routing rules reordered"
        case .slaInput(let key, let old, let new): "SLA input \(key): \(old ?? "unset") → \(new ?? "unset")"
        case .pods(let removed, let added): "pods: " + (removed.map { "−\($0)" } + added.map { "+\($0)" }).joined(separator: "; ")
        case .enablement(let removed, let added):
            "enablement: " + (removed.map { "−\($0)" } + added.map { "+\($0)" }).joined(separator: "; ")
        case .otherInputs: "other planning inputs changed"
        }
    }

    static func field(_ f: AuditTrail.RuleField) -> String {
        switch f {
        case .when(let old, let new): "when \(old) → \(new)"
        case .assign(let old, let new): "assign \(old) → \(new)"
        case .share(let old, let new): "share \(old ?? "even") → \(new ?? "even")"
        }
    }
}
