import Foundation

/// What an enablement asset is (SPEC §3.5).
public enum EnablementKind: String, Sendable, CaseIterable, Hashable {
    case contextBrief = "context-brief"
    case talkTrack = "talk-track"
    case sequence
    case collateral
    case systemInstructions = "system-instructions"
    case dashboard
    case feedbackLoop = "feedback-loop"
    case training

    /// For tables: "talk track".
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// Where an enablement asset stands.
public enum EnablementStatus: String, Sendable, CaseIterable, Hashable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case inReview = "in-review"
    case ready
    /// Drops the default kit's item of the same name.
    case notNeeded = "not-needed"

    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// Words teams write for a finished item, read as `ready`.
    public static let readyAliases = ["done", "complete"]

    /// A status as written, aliases included.
    public init?(parsing text: String) {
        if Self.readyAliases.contains(text) {
            self = .ready
        } else {
            self.init(rawValue: text)
        }
    }
}
