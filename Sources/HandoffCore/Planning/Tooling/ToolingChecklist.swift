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

    /// One line of the checklist.
    public struct Item: Sendable, Hashable {
        public enum Category: String, Sendable, Hashable {
            case field, integration, automation
        }

        public var category: Category
        public var name: String
        public var purpose: String
        public var owner: String
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

    struct Requirement {
        var category: Item.Category
        var name: String
        var purpose: String
        var owner: String
        var kinds: [Brief.Dependency.Kind]
        var keywords: [String]
    }

    public static func plan(_ brief: Brief, routing: RoutingBlueprint, asOf: CalendarDate) -> ToolingChecklist {
        var requirements: [Requirement] = routing.enrichmentFields.map { field in
            Requirement(
                category: .field, name: field, purpose: "routing condition and enrichment", owner: "Marketing Ops",
                kinds: [.field, .integration], keywords: [field, field.split(separator: ".").last.map(String.init) ?? field])
        }
        if let scoring = brief.scoring {
            requirements.append(
                Requirement(
                    category: .field, name: "lead_score",
                    purpose: "\(scoring.model ?? "lead score") with threshold \(scoring.threshold.map { Format.number($0) } ?? "unset")",
                    owner: "Marketing Ops", kinds: [.scoring, .field], keywords: ["score", scoring.model ?? "score"]))
        }
        requirements += [
            Requirement(
                category: .field, name: "assigned_at", purpose: "starts the SLA timer", owner: "Sales Ops", kinds: [.field],
                keywords: ["assigned_at", "assigned at", "timestamp"]),
            Requirement(
                category: .field, name: "first_touch_at", purpose: "stops the SLA timer", owner: "Sales Ops", kinds: [.field],
                keywords: ["first_touch_at", "first touch", "timestamp"]),
            Requirement(
                category: .integration, name: "Marketing automation → CRM sync", purpose: "hands MQLs to the CRM with score and source",
                owner: "Marketing Ops", kinds: [.integration, .scoring], keywords: ["sync", "crm", "marketing automation"]),
            Requirement(
                category: .integration, name: "Enrichment provider", purpose: "fills the routing fields before assignment",
                owner: "Marketing Ops", kinds: [.integration, .field], keywords: ["enrich"]),
            Requirement(
                category: .integration, name: "Sales engagement sequences", purpose: "first-touch email and call cadence",
                owner: "Sales Ops", kinds: [.sequence, .integration], keywords: ["sequence", "cadence", "engagement"]),
            Requirement(
                category: .automation, name: "Assignment rule", purpose: "applies the routing matrix in order",
                owner: "RevOps", kinds: [.automation], keywords: ["assignment", "routing", "router"]),
            Requirement(
                category: .automation, name: "SLA timer", purpose: "counts \(brief.responseSLA) on the \(brief.slaClock.rawValue) clock",
                owner: "RevOps", kinds: [.automation], keywords: ["timer", "sla"]),
            Requirement(
                category: .automation, name: "Breach alert", purpose: "alerts the pod lead on a missed first touch",
                owner: "RevOps", kinds: [.automation], keywords: ["alert", "breach"]),
            Requirement(
                category: .automation, name: "Escalation",
                purpose: "\(brief.escalation.trigger) → \(brief.escalation.ladder.first ?? "ladder")",
                owner: "RevOps", kinds: [.automation], keywords: ["escalat"]),
            Requirement(
                category: .automation, name: "Out-of-office re-route", purpose: "skips reps who are away",
                owner: "RevOps", kinds: [.automation], keywords: ["out-of-office", "out of office", "ooo", "re-route", "reroute"]),
            Requirement(
                category: .automation, name: "Routing and SLA dashboard", purpose: "attainment, breaches and backlog by pod",
                owner: "RevOps", kinds: [.dashboard], keywords: ["dashboard"]),
        ]
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
                        category: req.category, name: req.name, purpose: req.purpose, owner: dep.owner ?? req.owner,
                        readiness: readiness(dep, brief: brief, asOf: asOf), due: dep.due, dependency: dep.name))
            } else {
                items.append(
                    Item(
                        category: req.category, name: req.name, purpose: req.purpose, owner: req.owner, readiness: .unconfirmed,
                        due: nil, dependency: nil))
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
                category: category, name: dep.name, purpose: dep.kind?.rawValue ?? "dependency", owner: dep.owner ?? "unassigned",
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
