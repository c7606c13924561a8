import HandoffCore

/// The handoff as the two-way agreement it is (SPEC §3.4) and the governance block (§3.7),
/// both in the approval packet section.
extension SegmentMarkdown {
    static func agreement(_ plan: HandoffPlan) -> String {
        let b = plan.brief
        let clock = "\(b.slaClock.rawValue) clock"
        var rows: [[String]] = []
        rows.append([
            "Marketing", "Delivers each MQL to the CRM, enriched and scored",
            b.deliverySLA.map { "\($0)" } ?? "not agreed: add `delivery-sla`", b.deliverySLA == nil ? "" : "from the form fill",
        ])
        for promise in AgreementText.firstTouchPromises(b) {
            rows.append(["Sales", E.escape(promise.what), "\(promise.sla)", promise.clock])
        }
        if let a = b.acceptance, a.acceptSLA != nil || !a.rejectReasons.isEmpty {
            let reasons =
                a.rejectReasons.isEmpty ? "" : "; a rejection names one of: " + a.rejectReasons.map(E.escape).joined(separator: ", ")
            rows.append(["Sales", "Accepts or rejects each lead\(reasons)", a.acceptSLA.map { "\($0)" } ?? "no time agreed", clock])
        } else {
            rows.append(["Sales", "Accepts or rejects each lead", "not agreed: add `acceptance`", ""])
        }
        if let recycle = b.acceptance?.recycleAfter {
            rows.append(["Marketing", "Takes leads nobody touched back into nurture", "after \(recycle)", clock])
        } else {
            rows.append(["Marketing", "Takes leads nobody touched back into nurture", "not agreed: add `acceptance.recycle-after`", ""])
        }
        var md = "\n### Two-way agreement\n\n"
        md += "What each side commits to. Sign-off is on both sides.\n\n"
        md += E.table(["Side", "Commitment", "Within", "Clock"], rows)
        return md
    }

    static func governance(_ plan: HandoffPlan) -> String {
        guard let g = plan.governance else {
            return
                "\n### Governance\n\nNot set: add `governance` to say who owns the design, how often it is reviewed and who must approve a change.\n"
        }
        var md = "\n### Governance\n\n"
        var lines: [String] = []
        if let review = g.review { lines.append("Reviewed \(AgreementText.cadence(review)).") }
        if let next = g.nextReview {
            lines.append(
                g.reviewOverdue
                    ? "Next review was due \(next): \(E.badge(Badge("review overdue", .warn)))" : "Next review: \(next).")
        }
        if !g.changeApprovers.isEmpty {
            lines.append(
                "A change needs approval from "
                    + g.changeApprovers.map { a in E.escape(a.role + (a.person.map { " (\($0))" } ?? "")) }.joined(separator: ", ") + ".")
        }
        md += lines.map { "- \($0)\n" }.joined()
        if !g.owners.isEmpty {
            md += "\n" + E.table(["Role", "Owner"], g.owners.map { [E.escape($0.role), E.escape($0.person)] })
        }
        return md
    }
}
