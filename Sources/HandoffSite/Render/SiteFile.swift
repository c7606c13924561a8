import HandoffCore

/// One file of the site: a path relative to the output folder and its text.
public struct SiteFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }

    /// An HTML page (what the build's summary counts as pages).
    public var isPage: Bool { path.hasSuffix(".html") }
}

/// What a segment brings to the site besides its plan: its audit trail and latest record.
public struct SegmentExtras: Sendable {
    public var trail: AuditTrail
    /// The latest plan record's file name and text, copied beside the segment page.
    public var latestRecord: (name: String, text: String)?

    public init(trail: AuditTrail, latestRecord: (name: String, text: String)?) {
        self.trail = trail
        self.latestRecord = latestRecord
    }
}
