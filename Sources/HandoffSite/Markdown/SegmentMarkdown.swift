import HandoffCore

/// A segment's handoff design doc as Markdown, plus the SVG figures it references.
public struct SegmentDocument: Sendable {
    public var markdown: String
    /// The figures, in order; the Markdown references each as `figures.svg#<id>`.
    public var figures: [Figure]

    /// All figures in one SVG file, each reachable by its `<view>` fragment, so a segment costs
    /// one figure file rather than one per pod (file creation dominates a large build).
    public var figureSprite: String { Figure.sprite(figures) }
}

/// Renders a plan to the segment's Markdown design doc, sections in workflow order. Pure.
public enum SegmentMarkdown {
    typealias E = MarkdownText

    public static func render(_ plan: HandoffPlan, trail: AuditTrail) -> SegmentDocument {
        var md = ""
        var figures: [Figure] = []
        let b = plan.brief
        md += "# \(E.escape(b.title))\n\n"
        md += summary(plan)
        for section in SegmentSection.sections(of: plan) {
            md += "\n## \(section.title)\n\n"
            switch section {
            case .briefIntake: md += intake(plan)
            case .routingBlueprint: md += routing(plan)
            case .slaModel: md += sla(plan, figures: &figures)
            case .actuals: md += actuals(plan, figures: &figures)
            case .escalationTree: md += escalation(plan, figures: &figures)
            case .enablementKit: md += enablement(plan)
            case .dataAndTooling: md += tooling(plan)
            case .approvalPacket: md += approval(plan)
            case .auditTrail: md += audit(trail)
            }
        }
        md += "\n" + E.badgeDefinitions
        return SegmentDocument(markdown: md, figures: figures)
    }

    static func summary(_ plan: HandoffPlan) -> String {
        let b = plan.brief
        var md = "Segment `\(b.segment)` · goal **\(b.goal.rawValue)** · as of \(plan.asOf)\n\n"
        md += E.table(
            ["Goal", "First-touch SLA", "Target", "Launch", "Owner", "SLA status", "Readiness"],
            [
                [
                    b.goal.rawValue, "\(b.responseSLA) (\(b.slaClock.rawValue) clock)", b.targetAttainment.description,
                    b.launch?.description ?? "not set", E.escape(b.owner ?? "not set"), E.badge(.sla(plan.sla.status)),
                    E.badge(.readiness(plan.approval.readiness)),
                ]
            ])
        md += "\nInbound volume: \(Format.number(b.volume.leadsPerWeek)) leads a week, "
        md += "\(b.volume.afterHoursShare) outside \(E.escape(b.hours.text)) (\(E.escape(b.timezone))), "
        md += "\(b.volume.handleTime) average first-touch work per lead.\n"
        return md
    }

    static func intake(_ plan: HandoffPlan) -> String {
        let b = plan.brief
        var md = ""
        if plan.findings.isEmpty {
            md += "No findings: funnel, qualification and scoring are present and consistent.\n\n"
        } else {
            md += "Findings (warnings count against readiness):\n\n"
            for f in plan.findings {
                md +=
                    "- \(E.badge(Badge(f.severity.rawValue, .of(f.severity)))) line \(f.location.line): \(E.escape(FindingText.message(f.kind)))\n"
            }
            md += "\n"
        }
        md += "### Funnel stages\n\n"
        md += E.table(["Stage", "Definition"], b.funnel.map { [E.escape($0.stage), E.escape($0.definition)] })
        md += "\n### Qualification criteria\n\n"
        md += b.qualification.map { "- \(E.escape($0))\n" }.joined()
        md += "\n### Scoring\n\n"
        if let s = b.scoring {
            md += "\(E.escape(s.model ?? "Unnamed model")): hand-off threshold "
            md += "\(s.threshold.map { Format.number($0) } ?? "not set") of \(s.max.map { Format.number($0) } ?? "no stated maximum").\n"
        } else {
            md += "No scoring model in the brief.\n"
        }
        return md
    }

    static func escalation(_ plan: HandoffPlan, figures: inout [Figure]) -> String {
        let ladder = plan.escalation
        var md = "A missed first touch is reassigned within the pod at most \(ladder.retryLimit) "
        md += "time\(ladder.retryLimit == 1 ? "" : "s"); \(ladder.trigger) escalates one level at a time.\n\n"
        var indent = ""
        for level in ladder.levels {
            let owner = EscalationText.owner(level.owner)
            md += "\(indent)- **Level \(level.number): \(E.escape(owner))**: \(E.escape(EscalationText.action(level.action)))\n"
            md += "\(indent)  - when: \(E.escape(EscalationText.trigger(level.trigger)))\n"
            md += "\(indent)  - substitute: \(E.escape(EscalationText.substitute(level.substitute)))\n"
            indent += "  "
        }
        if let a = ladder.acceptance {
            md += "\n"
            if let after = a.undecidedAfter {
                md +=
                    "- **Not accepted or rejected within \(after)** (\(a.clock.rawValue) clock): escalated the same way, starting with \(E.escape(a.escalatesTo ?? "the ladder's first role")).\n"
            }
            if let after = a.recycleAfter {
                md += "- **No touch after \(after)** (\(a.clock.rawValue) clock): back to marketing nurture, and reported to marketing.\n"
            }
        }
        let figure = EscalationChart.figure(ladder)
        figures.append(figure)
        let owners = ladder.levels.map { E.escape(EscalationText.owner($0.owner)) }
        md += "\n![Escalation tree: \(owners.joined(separator: " → "))](\(figure.reference))\n"
        return md
    }

    static func enablement(_ plan: HandoffPlan) -> String {
        let kit = plan.kit
        var md = "Default kit for goal **\(plan.brief.goal.rawValue)**, merged with the brief's own items. "
        md += "Due dates count back from launch; flags are judged as of \(plan.asOf).\n\n"
        md += "### Request list\n\n"
        md += E.table(
            ["Due", "Asset", "Kind", "Owner", "Pods", "Status", "Flags"],
            kit.items.map { item in
                [
                    item.due?.description ?? "—", E.escape(item.asset), item.kind.label, E.escape(item.owner ?? "—"),
                    item.pods.isEmpty ? "all" : E.escape(item.pods.joined(separator: ", ")), item.status.label,
                    KitText.flags(item).map(E.badge).joined(separator: ", "),
                ]
            })
        md += "\n### By pod\n\n"
        let pods = plan.brief.pods.map(\.name)
        if pods.isEmpty {
            md += "No pods defined; every item serves the whole team.\n"
        } else {
            md += E.table(
                ["Pod", "Items", "Not ready", "Next due"],
                pods.map { pod in
                    let items = kit.items(for: pod)
                    let open = items.filter { $0.status != .ready }
                    return [
                        E.escape(pod), "\(items.count)", "\(open.count)", open.compactMap(\.due).min()?.description ?? "—",
                    ]
                }, align: ["l", "r", "r", "l"])
        }
        return md
    }

    static func tooling(_ plan: HandoffPlan) -> String {
        let t = plan.tooling
        var md = "Fields, integrations and automation flows the handoff needs, matched to the brief's dependencies. "
        md += "*Unconfirmed* means no dependency in the brief covers the item yet.\n\n"
        let rows = t.items.map { item in
            [
                item.category.rawValue, E.escape(ToolingText.name(item.requirement)), E.escape(ToolingText.purpose(item.requirement)),
                E.escape(item.owner ?? "unassigned"), E.badge(Badge(item.readiness.rawValue, .of(item.readiness))),
                item.due?.description ?? "—", E.escape(item.dependency ?? "—"),
            ]
        }
        md += E.table(["Type", "Item", "Purpose", "Owner", "Readiness", "Due", "Brief dependency"], rows)
        if !t.otherDependencies.isEmpty {
            md += "\n### Other dependencies\n\n"
            md += E.table(
                ["Dependency", "Kind", "Owner", "Readiness", "Due"],
                t.otherDependencies.map {
                    [
                        E.escape(ToolingText.name($0.requirement)), E.escape(ToolingText.purpose($0.requirement)),
                        E.escape($0.owner ?? "unassigned"), E.badge(Badge($0.readiness.rawValue, .of($0.readiness))),
                        $0.due?.description ?? "—",
                    ]
                })
        }
        return md
    }

    static func approval(_ plan: HandoffPlan) -> String {
        let a = plan.approval
        var md = "Readiness: \(E.badge(.readiness(a.readiness)))\n\n"
        md +=
            "Version: \(E.code(plan.version, inTable: false)). Sign-offs are bound to it: a decision on another version must be given again.\n\n"
        let reasons = ReadinessText.reasons(plan)
        if reasons.isEmpty {
            md += "Nothing stands in the way of sign-off.\n\n"
        } else {
            md += reasons.map { "- \(E.escape($0))\n" }.joined() + "\n"
        }
        md += "Plan pattern: **\(plan.pattern.rawValue)**: "
        md +=
            plan.pattern.stages.map { $0.steps.map(PlanRecord.stepName).joined(separator: $0.parallel ? " ∥ " : ", then ") }
            .joined(separator: " → ") + ".\n\n"
        if a.usesDefaultApprovers { md += "The brief lists no approvers; the default sign-off is RevOps Director and VP Sales.\n\n" }
        md += E.table(
            ["Role", "Name", "Decision", "Date", "On version"],
            a.signOffs.map { s in
                let o = s.approval
                return [
                    E.escape(o.role), E.escape(o.name ?? "—"), E.badge(Badge(o.status.rawValue, .of(o.status))),
                    o.date?.description ?? "—", signedVersion(s),
                ]
            })
        // One list per earlier version, naming everyone who signed it.
        var versions: [String] = []
        for s in a.staleSignOffs where !versions.contains(s.version ?? "") { versions.append(s.version ?? "") }
        for version in versions {
            let signers = a.staleSignOffs.filter { $0.version == version }
            guard let s = signers.first else { continue }
            let who = signers.map { E.escape($0.approval.role + ($0.approval.name.map { " (\($0))" } ?? "")) }.joined(separator: ", ")
            md += "\n### What changed since version \(version)\n\nDecided on that version by \(who).\n\n"
            if let changes = s.changesSince {
                md +=
                    changes.isEmpty
                    ? "No planning input changed.\n" : changes.map { "- \(E.code(AuditText.input($0), inTable: false))\n" }.joined()
            } else {
                md +=
                    "No plan record holds version \(s.version ?? ""), so the changes cannot be listed; compare the brief's history in version control.\n"
            }
        }
        md += agreement(plan)
        md += governance(plan)
        return md
    }

    /// The version a decision was on, and whether it still counts.
    static func signedVersion(_ s: SignOff) -> String {
        switch s.placement {
        case .pending: return "—"
        case .unplaced: return E.badge(Badge("not tied to a version", .warn))
        case .pinned, .byDate:
            let version = E.code(s.version ?? "", inTable: true)
            return s.isStale
                ? "\(version) \(E.badge(Badge("earlier version", .warn)))" : "\(version) \(E.badge(Badge("this version", .good)))"
        }
    }

    static func audit(_ trail: AuditTrail) -> String {
        guard !trail.entries.isEmpty else {
            return "No plan record yet; `handoff build` or `handoff plan` writes one when the planning inputs change.\n"
        }
        return E.table(
            ["Record", "Created (UTC)", "What changed"],
            trail.entries.reversed().map { e in
                [
                    E.code(e.record.fileName, inTable: true), e.record.createdAt,
                    e.changes.map { E.escape(AuditText.change($0)) }.joined(separator: "; "),
                ]
            })
    }
}
