import HandoffCore

extension SegmentMarkdown {
    static func routing(_ plan: HandoffPlan) -> String {
        let r = plan.routing
        var md = "Rules run in order; the first whose condition holds owns the lead.\n\n"
        md += "### Routing matrix\n\n"
        // Channels (rules with an SLA of their own) get a column saying what they promise.
        let b = plan.brief
        let channels = b.routing.contains { $0.channel.isSet }
        md += E.table(
            ["#", "Rule", "Condition", "Method", "Owners / pods", "Share"] + (channels ? ["First-touch SLA"] : [])
                + ["Enrichment needed", "Fallback"],
            r.rows.map { row in
                let rule = b.routing[row.order - 1]
                let p = b.promise(of: rule)
                let sla = "\(p.sla) (\(p.clock.rawValue)), \(p.target)"
                return [
                    "\(row.order)", E.escape(row.name), E.escape(row.condition.description), row.assignment.method,
                    E.escape(RoutingText.owners(row.assignment)), RoutingText.share(row),
                ] + (channels ? [sla] : []) + [
                    row.enrichment.isEmpty ? "—" : E.escape(row.enrichment.joined(separator: ", ")),
                    E.escape(RoutingText.fallback(row.fallback)),
                ]
            }, align: ["r", "l", "l", "l", "l", "r"] + (channels ? ["l"] : []) + ["l", "l"])
        md += "\n### Path test\n\n"
        md +=
            "A synthetic lead for every rule: it meets the rule's condition and misses every earlier rule, and running it through the rules in order lands it on that rule.\n\n"
        md += E.table(
            ["#", "Rule", "Synthetic lead", "Owner", "Result"],
            r.rows.map { row in
                guard let lead = row.syntheticLead else {
                    return [
                        "\(row.order)", E.escape(row.name), "none exists", "—",
                        "\(E.badge(Badge("unreachable", .bad))): \(E.escape(RoutingText.unreachable(row)))",
                    ]
                }
                return [
                    "\(row.order)", E.escape(row.name), E.escape(LeadText.description(lead)), E.escape(RoutingText.owners(row.assignment)),
                    row.pathTestPasses
                        ? "reaches it"
                        : "\(E.badge(Badge("check failed", .bad))): the rules send it to rule \(row.syntheticLeadRoutesTo.map(String.init) ?? "none")",
                ]
            }, align: ["r", "l", "l", "l", "l"])
        md += "\n### Analysis\n\n"
        var notes: [String] = []
        if let lead = r.uncaughtLead {
            notes.append(
                "\(E.badge(Badge("No catch-all rule", .bad))): a lead such as \(E.code(LeadText.description(lead))) matches no rule and has no owner."
            )
        } else {
            notes.append("Every lead has an owner: the rules cover all leads.")
        }
        let unreachable = r.rows.filter { !$0.isReachable }
        if !unreachable.isEmpty {
            notes.append("Unreachable: " + unreachable.map { E.escape($0.name) }.joined(separator: ", ") + ".")
        }
        if !r.idlePods.isEmpty {
            notes.append("Idle pods (no rule sends them leads): " + r.idlePods.map(E.escape).joined(separator: ", ") + ".")
        }
        if r.namedOwnerShare > 0 {
            notes.append("\(Format.percent(r.namedOwnerShare)) of leads go to named owners; their SLA capacity is not modelled.")
        }
        for q in r.queueShares where q.share > 0 {
            notes.append(
                "\(Format.percent(q.share)) of leads go to the \(E.escape(q.queue)) queue outside sales: counted in the shares, with no first-touch SLA."
            )
        }
        if r.unassignedShare > 0.0005 {
            notes.append("\(Format.percent(r.unassignedShare)) of leads are not accounted for by any rule's share.")
        }
        md += notes.map { "- \($0)\n" }.joined()
        md += "\n### Lead shares by pod\n\n"
        md += podShares(plan)
        md += "\n### Required enrichment data\n\n"
        md += r.enrichmentFields.isEmpty ? "None: no rule reads lead fields.\n" : r.enrichmentFields.map { "- \(E.code($0))\n" }.joined()
        if let s = r.sample {
            md += "\n### Sample replay\n\n"
            md += "\(s.rows) leads from \(E.code(s.file)) routed through the rules; shares above come from these counts.\n\n"
            md += E.table(
                ["Rule", "Rows", "Share"],
                r.rows.indices.map { i in
                    [
                        E.escape(r.rows[i].name), "\(s.matches[i])",
                        s.rows == 0 ? "—" : Format.percent(Double(s.matches[i]) / Double(s.rows)),
                    ]
                } + [["no rule", "\(s.unmatchedCount)", s.rows == 0 ? "—" : Format.percent(Double(s.unmatchedCount) / Double(s.rows))]],
                align: ["l", "r", "r"])
            if !s.unmatched.isEmpty {
                md +=
                    "\nRows no rule matched\(s.unmatchedCount > s.unmatched.count ? " (first \(s.unmatched.count) of \(s.unmatchedCount))" : ""):\n\n"
                md += E.table(
                    ["Row", "Lead"], s.unmatched.map { ["\($0.row)", E.escape(LeadText.description($0.lead))] }, align: ["r", "l"])
            }
        }
        return md
    }

    /// Each pod's share as the router splits it (SPEC §3.2), with the rules' nominal split beside
    /// it only where the two differ, and why they differ.
    static func podShares(_ plan: HandoffPlan) -> String {
        let nominal = plan.routing.podShares
        let router = plan.sla.podShares.isEmpty ? nominal : plan.sla.podShares
        func nominalShare(_ pod: String) -> Double { nominal.first { $0.pod == pod }?.share ?? 0 }
        let differs = router.contains { abs($0.share - nominalShare($0.pod)) >= 0.0005 }
        let perWeek = plan.brief.volume.leadsPerWeek
        var md = E.table(
            ["Pod", "Share of leads", "Leads a week"] + (differs ? ["Rules' split"] : []),
            router.map { ps in
                [E.escape(ps.pod), Format.percent(ps.share), Format.leads(ps.share * perWeek)]
                    + (differs ? [Format.percent(nominalShare(ps.pod))] : [])
            }, align: ["l", "r", "r"] + (differs ? ["r"] : []))
        if differs {
            md += "\nThe shares are where the router sends leads. Round-robin gives each lead to a pod that is open when it "
            md += "arrives and has a productive rep, so they differ from the rules' split"
            let passed = plan.sla.reasons.filter { if case .passedOver = $0 { true } else { false } }
            md += passed.isEmpty ? ".\n" : ":\n\n" + passed.map { "- \(E.escape(SLAText.reason($0)))\n" }.joined()
        }
        return md
    }
}
