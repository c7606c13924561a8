/// The data and tooling checklist (SPEC §3.6): fields, integrations and automation flows the
/// handoff needs, each with an owner and readiness, matched to the brief's dependencies.
public struct ToolingChecklist: Sendable {
    /// Where a checklist item stands.
    public enum Readiness: String, Sendable, Hashable {
        case ready
        case planned
        /// Not ready, and due after launch, overdue, or without a date.
        case atRisk = "at risk"
        /// No dependency in the brief covers it.
        case unconfirmed
    }

    /// What a checklist line is for (presentation names and explains each).
    public enum Requirement: Sendable, Hashable {
        /// A lead field a routing condition reads.
        case enrichmentField(String)
        case leadScore(model: String?, threshold: Double?)
        case assignedAt
        case firstTouchAt
        case automationToCRMSync
        case enrichmentProvider
        case engagementSequences
        case assignmentRule
        case slaTimer(sla: ResponseDuration, clock: Brief.SLAClock)
        case breachAlert
        case escalation(trigger: Brief.EscalationTrigger, firstLevel: String?)
        case outOfOfficeReroute
        case routingDashboard
        // The two-way agreement (SPEC §3.6), with `acceptance` or `delivery-sla`.
        /// When the lead became an MQL (the form fill the delivery SLA counts from).
        case mqlAt
        /// When the MQL reached the CRM, enriched and scored.
        case syncedAt
        case acceptedAt
        case rejectedReason(reasons: [String])
        case recycledAt
        /// Times marketing's delivery from `mql_at` to `synced_at` and alerts past the SLA.
        case deliveryTimer(sla: ResponseDuration)
        /// Times accept-or-reject from assignment and escalates undecided leads.
        case acceptanceTimer(sla: ResponseDuration, clock: Brief.SLAClock)
        /// Sends untouched leads back to nurture and reports them to marketing.
        case recycleToNurture(after: ResponseDuration)
        /// A dependency of the brief that no requirement above covers.
        case otherDependency(name: String, kind: Brief.Dependency.Kind?)
    }

    /// One line of the checklist.
    public struct Item: Sendable, Hashable {
        public enum Category: String, Sendable, Hashable {
            case field, integration, automation
        }

        public var category: Category
        public var requirement: Requirement
        public var owner: String?
        public var readiness: Readiness
        public var due: CalendarDate?
        /// The brief dependency that covers it.
        public var dependency: String?
    }

    public var items: [Item]
    /// Brief dependencies that match no checklist item, with their readiness.
    public var otherDependencies: [Item]
    /// Dependencies not ready by launch.
    public var blockingDependencies: [Brief.Dependency]

    /// A requirement with who owns it by default and how to recognise the dependency covering it.
    struct Need {
        var category: Item.Category
        var requirement: Requirement
        var owner: String
        var kinds: [Brief.Dependency.Kind]
        var keywords: [String]
    }

    public static func plan(_ brief: Brief, routing: RoutingBlueprint, asOf: CalendarDate) -> ToolingChecklist {
        var requirements: [Need] = routing.enrichmentFields.map { field in
            Need(
                category: .field, requirement: .enrichmentField(field), owner: "Marketing Ops", kinds: [.field, .integration],
                keywords: [field, field.split(separator: ".").last.map(String.init) ?? field])
        }
        if let scoring = brief.scoring {
            requirements.append(
                Need(
                    category: .field, requirement: .leadScore(model: scoring.model, threshold: scoring.threshold), owner: "Marketing Ops",
                    kinds: [.scoring, .field], keywords: ["score", scoring.model ?? "score"]))
        }
        requirements += [
            Need(
                category: .field, requirement: .assignedAt, owner: "Sales Ops", kinds: [.field],
                keywords: ["assigned_at", "assigned at", "timestamp"]),
            Need(
                category: .field, requirement: .firstTouchAt, owner: "Sales Ops", kinds: [.field],
                keywords: ["first_touch_at", "first touch", "timestamp"]),
            Need(
                category: .integration, requirement: .automationToCRMSync, owner: "Marketing Ops", kinds: [.integration, .scoring],
                keywords: ["sync", "crm", "marketing automation"]),
            Need(
                category: .integration, requirement: .enrichmentProvider, owner: "Marketing Ops", kinds: [.integration, .field],
                keywords: ["enrich"]),
            Need(
                category: .integration, requirement: .engagementSequences, owner: "Sales Ops", kinds: [.sequence, .integration],
                keywords: ["sequence", "cadence", "engagement"]),
            Need(
                category: .automation, requirement: .assignmentRule, owner: "RevOps", kinds: [.automation],
                keywords: ["assignment", "routing", "router"]),
            Need(
                category: .automation, requirement: .slaTimer(sla: brief.responseSLA, clock: brief.slaClock), owner: "RevOps",
                kinds: [.automation], keywords: ["timer", "sla"]),
            Need(category: .automation, requirement: .breachAlert, owner: "RevOps", kinds: [.automation], keywords: ["alert", "breach"]),
            Need(
                category: .automation,
                requirement: .escalation(trigger: brief.escalation.trigger, firstLevel: brief.escalation.ladder.first),
                owner: "RevOps", kinds: [.automation], keywords: ["escalat"]),
            Need(
                category: .automation, requirement: .outOfOfficeReroute, owner: "RevOps", kinds: [.automation],
                keywords: ["out-of-office", "out of office", "ooo", "re-route", "reroute"]),
            Need(category: .automation, requirement: .routingDashboard, owner: "RevOps", kinds: [.dashboard], keywords: ["dashboard"]),
        ]
        requirements += agreementNeeds(brief)
        var used = Set<Int>()
        var items: [Item] = []
        for req in requirements {
            // One dependency may cover several items ("region and employees enrichment").
            let match = brief.dependencies.indices.first { i in
                let dep = brief.dependencies[i]
                let name = dep.name.lowercased()
                let kindFits = dep.kind.map { req.kinds.contains($0) } ?? true
                return kindFits && req.keywords.contains { name.contains($0.lowercased()) }
            }
            if let match {
                used.insert(match)
                let dep = brief.dependencies[match]
                items.append(
                    Item(
                        category: req.category, requirement: req.requirement, owner: dep.owner ?? req.owner,
                        readiness: readiness(dep, brief: brief, asOf: asOf), due: dep.due, dependency: dep.name))
            } else {
                items.append(
                    Item(
                        category: req.category, requirement: req.requirement, owner: req.owner, readiness: .unconfirmed, due: nil,
                        dependency: nil))
            }
        }
        let others = brief.dependencies.indices.filter { !used.contains($0) }.map { i -> Item in
            let dep = brief.dependencies[i]
            let category: Item.Category =
                switch dep.kind {
                case .field?, .scoring?: .field
                case .automation?, .dashboard?: .automation
                default: .integration
                }
            return Item(
                category: category, requirement: .otherDependency(name: dep.name, kind: dep.kind), owner: dep.owner,
                readiness: readiness(dep, brief: brief, asOf: asOf), due: dep.due, dependency: dep.name)
        }
        let blocking = brief.dependencies.filter { readiness($0, brief: brief, asOf: asOf) == .atRisk }
        return ToolingChecklist(items: items, otherDependencies: others, blockingDependencies: blocking)
    }

    /// Ready; planned (due on or before launch and not yet past); or at risk.
    static func readiness(_ dep: Brief.Dependency, brief: Brief, asOf: CalendarDate) -> Readiness {
        if dep.ready { return .ready }
        guard let due = dep.due, due >= asOf else { return .atRisk }
        if let launch = brief.launch, due > launch { return .atRisk }
        return .planned
    }
}

extension ToolingChecklist {
    /// The fields and flows that time the two-way agreement (SPEC §3.6): only with
    /// `delivery-sla` or `acceptance`.
    static func agreementNeeds(_ brief: Brief) -> [Need] {
        guard brief.deliverySLA != nil || brief.acceptance != nil else { return [] }
        var needs = [
            Need(category: .field, requirement: .mqlAt, owner: "Marketing Ops", kinds: [.field], keywords: ["mql_at", "mql at"]),
            Need(category: .field, requirement: .syncedAt, owner: "Marketing Ops", kinds: [.field], keywords: ["synced_at", "synced at"]),
            Need(
                category: .field, requirement: .acceptedAt, owner: "Sales Ops", kinds: [.field], keywords: ["accepted_at", "accepted at"]),
            Need(
                category: .field, requirement: .rejectedReason(reasons: brief.acceptance?.rejectReasons ?? []), owner: "Sales Ops",
                kinds: [.field], keywords: ["rejected_reason", "reject"]),
            Need(
                category: .field, requirement: .recycledAt, owner: "Marketing Ops", kinds: [.field],
                keywords: ["recycled_at", "recycled at"]),
        ]
        if let sla = brief.deliverySLA {
            needs.append(
                Need(
                    category: .automation, requirement: .deliveryTimer(sla: sla), owner: "Marketing Ops", kinds: [.automation],
                    keywords: ["delivery", "mql timer"]))
        }
        if let sla = brief.acceptance?.acceptSLA {
            needs.append(
                Need(
                    category: .automation, requirement: .acceptanceTimer(sla: sla, clock: brief.slaClock), owner: "RevOps",
                    kinds: [.automation], keywords: ["accept"]))
        }
        if let after = brief.acceptance?.recycleAfter {
            needs.append(
                Need(
                    category: .automation, requirement: .recycleToNurture(after: after), owner: "Marketing Ops", kinds: [.automation],
                    keywords: ["recycle", "nurture"]))
        }
        return needs
    }
}
