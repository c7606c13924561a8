import HandoffCore
import Mustache

/// A segment's own page (`segment`): its summary, the table of contents and the doc's HTML.
struct SegmentPage: Sendable, MustacheParent {
    var summary: SegmentSummary
    var sections: [SectionLink]
    var body: String
    /// The latest plan record's file name beside the page.
    var planRecord: String?
    var root = "../../"

    func child(named name: String) -> Any? {
        switch name {
        case "sections": sections
        case "body": body
        case "planRecord": planRecord
        case "root": root
        default: MirrorField.value(name, of: summary)
        }
    }
}

/// One segment in the packet: its summary, the doc's HTML and its sign-off lines.
struct PacketSegment: Sendable, MustacheParent {
    /// A sign-off line for this version, with the decision recorded so far and, when that
    /// decision was on an earlier version, what changed since.
    struct SignOff: Sendable {
        var role: String
        var name: String?
        var status: String
        var date: String?
        /// The version the decision was on; nil when pending or not tied to one.
        var decidedVersion: String?
        var stale: Bool
        var unplaced: Bool
        var changes: [String]
        var hasChanges: Bool
    }

    var summary: SegmentSummary
    var body: String
    var approvals: [SignOff]

    init(_ plan: HandoffPlan, body: String) {
        summary = SegmentSummary(plan)
        self.body = body
        approvals = plan.approval.signOffs.map { s in
            let a = s.approval
            let changes = (s.changesSince ?? []).map(AuditText.input)
            return SignOff(
                role: a.role, name: a.name, status: a.status.rawValue, date: a.date?.description, decidedVersion: s.version,
                stale: s.isStale, unplaced: s.isUnplaced, changes: changes, hasChanges: !changes.isEmpty)
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "body": body
        case "approvals": approvals
        default: MirrorField.value(name, of: summary)
        }
    }
}

/// The whole packet (`packet`): the portfolio's counts, then every segment.
struct PacketPage: Sendable, MustacheParent {
    var index: IndexPage
    var segments: [PacketSegment]
    var asOf: String

    func child(named name: String) -> Any? {
        switch name {
        case "segments": segments
        case "asOf": asOf
        default: MirrorField.value(name, of: index)
        }
    }
}

/// The layout around every page.
struct LayoutPage: Sendable {
    var pageTitle: String
    var content: String
    var root: String
    var bodyClass: String
    var asOf: String
    var briefCount: Int
    var oneBrief: Bool
    var canonical: String?
}
