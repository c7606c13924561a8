import HandoffCore

/// The colour family of a status on the page: `badge-good`, `badge-warn`…
public enum Tone: String, Sendable, Hashable, CaseIterable {
    case good, info, warn, bad, muted

    public static func of(_ status: SLAStatus) -> Tone {
        switch status {
        case .meets: .good
        case .atRisk: .warn
        case .breach: .bad
        case .notModelled: .muted
        }
    }

    public static func of(_ readiness: Readiness) -> Tone {
        switch readiness {
        case .approved: .good
        case .readyForSignOff: .info
        case .needsReApproval: .warn
        case .blocked: .bad
        }
    }

    public static func of(_ readiness: ToolingChecklist.Readiness) -> Tone {
        switch readiness {
        case .ready: .good
        case .planned: .info
        case .atRisk, .unconfirmed: .warn
        }
    }

    public static func of(_ status: Brief.Approval.Status) -> Tone {
        switch status {
        case .approved: .good
        case .pending: .info
        case .rejected: .bad
        }
    }

    public static func of(_ severity: Diagnostic.Severity) -> Tone {
        switch severity {
        case .error: .bad
        case .warning: .warn
        }
    }
}

/// A status word and its tone, as templates and the Markdown render it.
public struct Badge: Sendable, Hashable {
    public var label: String
    public var tone: Tone

    public init(_ label: String, _ tone: Tone) {
        self.label = label
        self.tone = tone
    }

    public static func sla(_ status: SLAStatus) -> Badge { Badge(status.rawValue, .of(status)) }
    public static func readiness(_ readiness: Readiness) -> Badge { Badge(readiness.rawValue, .of(readiness)) }
}
