/// The sections of a segment's design doc, in workflow order. Headings, anchors and the table
/// of contents all come from here; the anchor is the heading's slug, as every other heading's.
public enum SegmentSection: String, CaseIterable, Sendable {
    case briefIntake = "Brief intake"
    case routingBlueprint = "Routing blueprint"
    case slaModel = "SLA model"
    case escalationTree = "Escalation tree"
    case enablementKit = "Enablement kit"
    case dataAndTooling = "Data and tooling"
    case approvalPacket = "Approval packet"
    case auditTrail = "Audit trail"

    public var title: String { rawValue }
    public var id: String { MarkdownText.slug(rawValue) }
}

/// A link in the table of contents.
struct SectionLink: Sendable {
    var id: String
    var title: String

    static let all = SegmentSection.allCases.map { SectionLink(id: $0.id, title: $0.title) }
}
