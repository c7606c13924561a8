import HandoffCore

/// The sections of a segment's design doc, in workflow order. Headings, anchors and the table
/// of contents all come from here; the anchor is the heading's slug, as every other heading's.
public enum SegmentSection: String, CaseIterable, Sendable {
    case briefIntake = "Brief intake"
    case routingBlueprint = "Routing blueprint"
    case slaModel = "SLA model"
    /// Only when the brief names an export (SPEC §3.8).
    case actuals = "Actuals"
    case escalationTree = "Escalation tree"
    case enablementKit = "Enablement kit"
    case dataAndTooling = "Data and tooling"
    case approvalPacket = "Approval packet"
    case auditTrail = "Audit trail"

    public var title: String { rawValue }
    public var id: String { MarkdownText.slug(rawValue) }

    /// The sections a plan's page has: Actuals only with an export.
    public static func sections(of plan: HandoffPlan) -> [SegmentSection] {
        allCases.filter { $0 != .actuals || plan.actuals != nil }
    }
}

/// A link in the table of contents.
struct SectionLink: Sendable {
    var id: String
    var title: String

    static func all(_ plan: HandoffPlan) -> [SectionLink] {
        SegmentSection.sections(of: plan).map { SectionLink(id: $0.id, title: $0.title) }
    }
}
