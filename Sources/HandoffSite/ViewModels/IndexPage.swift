import HandoffCore

/// The portfolio page (`index`), and the counts the packet's cover repeats.
struct IndexPage: Sendable {
    var segments: [SegmentSummary]
    var attention: [AttentionItem]
    /// The same lines, grouped under each segment.
    var attentionGroups: [AttentionGroup]
    var hasAttention: Bool
    var segmentCount: Int
    var oneSegment: Bool
    var readyCount: Int
    var approvedCount: Int
    var blockedCount: Int
    var reapprovalCount: Int
    var hasReapproval: Bool
    var meetsCount: Int
    var atRiskCount: Int
    var breachCount: Int
    /// Staffing over every segment: `42.5 FTE today, 51.0 in the plans`.
    var staffing: String
    var root = ""

    init(_ plans: [HandoffPlan]) {
        segments = plans.map(SegmentSummary.init)
        attentionGroups = AttentionGroup.groups(plans)
        attention = attentionGroups.flatMap(\.items)
        hasAttention = !attention.isEmpty
        segmentCount = plans.count
        oneSegment = plans.count == 1
        let readiness = plans.map(\.approval.readiness)
        readyCount = readiness.filter { $0 == .readyForSignOff }.count
        approvedCount = readiness.filter { $0 == .approved }.count
        blockedCount = readiness.filter { $0 == .blocked }.count
        reapprovalCount = readiness.filter { $0 == .needsReApproval }.count
        hasReapproval = reapprovalCount > 0
        let statuses = plans.map(\.sla.status)
        meetsCount = statuses.filter { $0 == .meets }.count
        atRiskCount = statuses.filter { $0 == .atRisk }.count
        breachCount = statuses.filter { $0 == .breach }.count
        let today = segments.reduce(0) { $0 + $1.fteToday }
        let inPlan = segments.reduce(0) { $0 + $1.fteInPlan }
        staffing =
            abs(inPlan - today) < 0.05
            ? "\(Format.fte(today)) FTE, no staffing change planned"
            : "\(Format.fte(today)) FTE today, \(Format.fte(inPlan)) in the staffing plans"
    }
}
