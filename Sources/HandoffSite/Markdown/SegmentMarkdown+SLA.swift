import HandoffCore

extension SegmentMarkdown {
    static func sla(_ plan: HandoffPlan, figures: inout [Figure]) -> String {
        let s = plan.sla
        let b = plan.brief
        var md = "Segment status: \(E.badge(.sla(s.status))). Target: \(b.targetAttainment) of leads touched within "
        md += "\(b.responseSLA) on the \(b.slaClock.rawValue) clock.\n\n"
        if !s.reasons.isEmpty { md += s.reasons.map { "- \(E.escape(SLAText.reason($0)))\n" }.joined() + "\n" }
        guard !s.pods.isEmpty else {
            return md + "No pod receives leads, so there is no capacity to model.\n"
        }
        md += "### Capacity and load (Erlang C)\n\n"
        md += E.table(
            [
                "Pod", "Reps", "Shrinkage", "Agents", "Leads/hour", "Load (Erlangs)", "Occupancy", "P(wait)", "Erlang C attainment", "ASA",
                "Required reps",
            ],
            s.pods.map { p in
                [
                    E.escape(p.name), "\(p.reps)", p.shrinkage.description, "\(p.agents)", Format.number(p.arrivalsPerHour),
                    Format.number(p.offeredLoad), Format.percent(p.occupancy), Format.percent(p.probabilityOfWait),
                    Format.percent(p.attainment), Format.minutes(p.averageSpeedOfAnswerMinutes),
                    p.requiredReps.map { "\($0)" } ?? "none reach target",
                ]
            }, align: ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"])
        md += "\n### Simulated first touch (26 weeks from \(s.simulationStart))\n\n"
        md += E.table(
            ["Pod", "Hours", "Leads simulated", "Attainment", "Median", "p90", "Newest first", "Status"],
            s.pods.map { p in
                [
                    E.escape(p.name), E.escape("\(p.hours.text) (\(p.timezone))"), "\(p.simulated.leads)",
                    Format.percent(p.simulated.attainment), Format.minutes(p.simulated.medianMinutes),
                    Format.minutes(p.simulated.p90Minutes), Format.percent(p.newestFirst.attainment), E.badge(.sla(p.status)),
                ]
            }, align: ["l", "l", "r", "r", "r", "r", "r", "l"])
        let recommended = s.pods.filter(\.recommendNewestFirst)
        if !recommended.isEmpty {
            md += "\n**Recommendation:** serve the newest lead first in "
            md += recommended.map { E.escape($0.name) }.joined(separator: ", ")
            md += ": first come, first served lets the Monday backlog of after-hours leads starve fresh ones.\n"
        }
        md += "\n### Staffing curves\n\n"
        md += "Erlang C attainment against reps; the dashed line is the target, the marked point today's staffing.\n\n"
        for p in s.pods {
            let figure = StaffingChart.figure(p, target: s.target)
            figures.append(figure)
            md +=
                "![Staffing curve for \(E.escape(p.name)): \(p.reps) reps today, \(p.requiredReps.map { "\($0)" } ?? "no staffing") needed for the target](\(figure.reference))\n\n"
        }
        return md
    }
}
