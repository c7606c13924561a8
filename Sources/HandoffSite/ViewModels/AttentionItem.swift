import HandoffCore

/// One line of the portfolio's "needs attention" list.
struct AttentionItem: Sendable {
    var href: String
    var segmentTitle: String
    var text: String
    var label: String
    var tone: Tone

    /// The section the line links to, as the link's words ("SLA model").
    var section: String {
        for s in [SegmentSection.slaModel, .approvalPacket, .enablementKit] where href.hasSuffix("#" + s.id) { return s.rawValue }
        return "segment page"
    }

    /// What needs attention in a segment: each pod in breach or at risk (linking to the SLA
    /// model), every other blocker and each sign-off on an earlier version (linking to the
    /// approval packet), and each overdue item.
    static func items(for plan: HandoffPlan) -> [AttentionItem] {
        let href = "segments/\(plan.segment)/index.html"
        let title = plan.brief.title
        var items: [AttentionItem] = []
        for pod in plan.sla.pods where pod.status == .breach || pod.status == .atRisk {
            items.append(
                AttentionItem(
                    href: href + "#" + SegmentSection.slaModel.id, segmentTitle: title,
                    text: Format.sentence(pod.reasons.first.map(SLAText.reason) ?? "\(pod.name) \(pod.status.rawValue)") + ". Fix: "
                        + SLAText.fix(pod),
                    label: pod.status.rawValue,
                    tone: .of(pod.status)))
        }
        for blocker in plan.approval.blockers {
            if case .slaBreach = blocker { continue }  // listed per pod above
            items.append(
                AttentionItem(
                    href: href + "#" + SegmentSection.approvalPacket.id, segmentTitle: title,
                    text: ReadinessText.blocker(blocker, plan: plan), label: "blocker", tone: .bad))
        }
        // A sign-off that no longer covers what is shipped is as urgent as a blocker.
        for note in plan.approval.notes {
            let label: String
            switch note {
            case .staleDecision: label = "re-approval"
            case .unplacedDecision: label = "needs version"
            default: continue
            }
            items.append(
                AttentionItem(
                    href: href + "#" + SegmentSection.approvalPacket.id, segmentTitle: title,
                    text: ReadinessText.note(note, plan: plan), label: label, tone: .warn))
        }
        // Overdue kit items as one line: thirteen of them one by one buried the breach above.
        let overdue = plan.kit.overdue
        if let first = overdue.first {
            let text =
                overdue.count == 1
                ? "\(first.asset) was due \(first.due?.description ?? "")\(first.owner.map { " (\($0))" } ?? "")"
                : "\(overdue.count) enablement items overdue, the oldest \(first.asset) (due \(first.due?.description ?? ""))"
            items.append(
                AttentionItem(
                    href: href + "#" + SegmentSection.enablementKit.id, segmentTitle: title, text: text, label: "overdue", tone: .bad))
        }
        return items
    }
}

/// A segment's lines of the "needs attention" list, under its name: breaches and blockers
/// first, then sign-offs, then overdue items.
struct AttentionGroup: Sendable {
    var href: String
    var segmentTitle: String
    var items: [AttentionItem]

    /// One group per segment with anything to attend to, segments with a breach or blocker first.
    static func groups(_ plans: [HandoffPlan]) -> [AttentionGroup] {
        let groups = plans.compactMap { plan -> AttentionGroup? in
            let items = AttentionItem.items(for: plan)
            guard !items.isEmpty else { return nil }
            return AttentionGroup(href: "segments/\(plan.segment)/index.html", segmentTitle: plan.brief.title, items: items)
        }
        func urgent(_ g: AttentionGroup) -> Bool { g.items.contains { $0.label == "breach" || $0.label == "blocker" } }
        return groups.enumerated().sorted { (urgent($0.element) ? 0 : 1, $0.offset) < (urgent($1.element) ? 0 : 1, $1.offset) }
            .map(\.element)
    }
}
