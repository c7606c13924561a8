/// The default enablement kit per goal (and extras per segment), kept as plain data: each item
/// is an asset, its kind, the role that usually owns it, and the working lead time in days
/// before launch. A brief item with the same asset name replaces the default.
public enum DefaultKits {
    /// One default kit item.
    public struct Item: Sendable, Hashable {
        public var asset: String
        public var kind: EnablementKind
        public var owner: String
        public var leadTimeDays: Int
    }

    static func item(_ asset: String, _ kind: EnablementKind, _ owner: String, _ days: Int) -> Item {
        Item(asset: asset, kind: kind, owner: owner, leadTimeDays: days)
    }

    /// Every goal's kit starts from these.
    static let common: [Item] = [
        item("Context brief", .contextBrief, "Product Marketing", 15),
        item("CRM workflow and data-entry guide", .systemInstructions, "Sales Ops", 10),
        item("Sequence enrollment instructions", .systemInstructions, "Marketing Ops", 10),
        item("Routing and SLA dashboard", .dashboard, "RevOps", 10),
        item("Funnel conversion dashboard", .dashboard, "RevOps", 10),
        item("Rep feedback loop", .feedbackLoop, "Sales Enablement", 5),
    ]

    static let byGoal: [Brief.Goal: [Item]] = [
        .pipeline: [
            item("Intro talk track", .talkTrack, "Sales Enablement", 10),
            item("Discovery questions", .talkTrack, "Sales Enablement", 10),
            item("Objection handling guide", .talkTrack, "Sales Enablement", 10),
            item("First-touch email and call cadence", .sequence, "Marketing Ops", 12),
            item("Pitch deck", .collateral, "Product Marketing", 15),
            item("One-pager", .collateral, "Product Marketing", 12),
            item("Case studies", .collateral, "Product Marketing", 20),
        ],
        .expansion: [
            item("Expansion talk track", .talkTrack, "Sales Enablement", 10),
            item("Usage review questions", .talkTrack, "Customer Success", 10),
            item("Objection handling guide", .talkTrack, "Sales Enablement", 10),
            item("Account-based upsell cadence", .sequence, "Marketing Ops", 12),
            item("ROI calculator", .collateral, "Product Marketing", 20),
            item("Customer case studies", .collateral, "Product Marketing", 20),
        ],
        .productActivation: [
            item("Activation call talk track", .talkTrack, "Sales Enablement", 8),
            item("Product usage signals guide", .contextBrief, "Product Ops", 10),
            item("Objection handling guide", .talkTrack, "Sales Enablement", 8),
            item("Onboarding nudge email cadence", .sequence, "Lifecycle Marketing", 10),
            item("Getting-started one-pager", .collateral, "Product Marketing", 10),
        ],
        .abmCampaign: [
            item("Account plan template", .contextBrief, "ABM Lead", 15),
            item("Executive intro talk track", .talkTrack, "Sales Enablement", 12),
            item("Discovery questions", .talkTrack, "Sales Enablement", 10),
            item("Objection handling guide", .talkTrack, "Sales Enablement", 10),
            item("Multi-thread outreach cadence", .sequence, "Marketing Ops", 15),
            item("Personalised account deck", .collateral, "Product Marketing", 20),
            item("ROI calculator", .collateral, "Product Marketing", 20),
            item("Case studies", .collateral, "Product Marketing", 20),
        ],
    ]

    /// Extras where a segment's buyers differ.
    static let bySegment: [String: [Item]] = [
        "enterprise": [item("Security and compliance FAQ", .collateral, "Product Marketing", 20)],
        "smb": [item("Self-serve demo video", .collateral, "Product Marketing", 10)],
        "partner": [item("Partner co-selling playbook", .contextBrief, "Partner Marketing", 15)],
    ]

    /// The kit for a goal and segment, defaults first, in a stable order.
    public static func kit(goal: Brief.Goal, segment: String) -> [Item] {
        var items = common.prefix(1) + (byGoal[goal] ?? []) + (bySegment[segment] ?? []) + common.dropFirst()
        var seen = Set<String>()
        items.removeAll { !seen.insert($0.asset).inserted }
        return Array(items)
    }
}
