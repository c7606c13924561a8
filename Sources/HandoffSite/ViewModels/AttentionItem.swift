import HandoffCore

/// One line of the portfolio's "needs attention" list.
struct AttentionItem: Sendable {
    var href: String
    var segmentTitle: String
    var text: String
    var label: String
    var tone: Tone

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
                    text: (pod.reasons.first.map(SLAText.reason) ?? "\(pod.name) \(pod.status.rawValue)") + ". Fix: " + SLAText.fix(pod),
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
            switch note {
            case .staleDecision, .unplacedDecision:
                items.append(
                    AttentionItem(
                        href: href + "#" + SegmentSection.approvalPacket.id, segmentTitle: title,
                        text: ReadinessText.note(note, plan: plan), label: "re-approval", tone: .warn))
            default: continue
            }
        }
        for item in plan.kit.overdue {
            items.append(
                AttentionItem(
                    href: href + "#" + SegmentSection.enablementKit.id, segmentTitle: title,
                    text: "\(item.asset) was due \(item.due?.description ?? "")\(item.owner.map { " (\($0))" } ?? "")", label: "overdue",
                    tone: .bad))
        }
        return items
    }
}
