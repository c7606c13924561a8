import HandoffCore

/// The words for the audit trail's changes and for what changed since a sign-off.
public enum AuditText {
    public static func change(_ c: AuditTrail.Change) -> String {
        switch c {
        case .firstRecord(let segment): "first record of segment '\(segment)'"
        case .inputsChanged: "planning inputs changed (an older record does not list them field by field)"
        case .input(let change): input(change)
        }
    }

    /// `response-sla: 1d → 8h`, `routing[Fast lane]: added`.
    public static func input(_ c: InputChange) -> String {
        switch c {
        case .changed(let field, let old, let new): "\(field): \(value(old)) → \(value(new))"
        case .added(let field, let value?): "\(field): added (\(Self.value(value)))"
        case .added(let field, nil): "\(field): added"
        case .removed(let field, let value?): "\(field): removed (was \(Self.value(value)))"
        case .removed(let field, nil): "\(field): removed"
        case .reordered(let list, _, _):
            "\(list): reordered: "
                + c.moves.map { "'\($0.item)' moved from \($0.from) to \($0.to)" }.joined(separator: ", ")
        }
    }

    /// Long values (conditions, definitions) cut so one change stays one line.
    static func value(_ v: String) -> String {
        let flat = v.split(whereSeparator: \.isNewline).joined(separator: " ")
        if flat.isEmpty { return "(empty)" }
        return flat.count > 80 ? String(flat.prefix(77)) + "…" : flat
    }
}
