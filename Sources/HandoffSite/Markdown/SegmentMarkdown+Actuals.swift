import HandoffCore

extension SegmentMarkdown {
    /// The Actuals section (SPEC §3.8): what the CRM recorded, the verdict per channel and pod
    /// first, then the weekly charts, the model against the export, volume, acceptance, the
    /// escalation trigger on the data, and the rows that could not be used.
    static func actuals(_ plan: HandoffPlan, figures: inout [Figure]) -> String {
        guard let a = plan.actuals else { return "" }
        let zone = plan.brief.timezone
        var md = ""
        guard let first = a.weeks.first, let last = a.weeks.last else {
            md += "The export \(E.code(a.file)) holds \(Format.count(a.rows)) rows, none of which could be used.\n"
            return md + badRows(a)
        }
        let weeks = a.weeks.count
        md +=
            "What the CRM recorded: \(E.code(a.file)), \(Format.count(a.rows)) leads from the week of \(first) to the week ending \(last.adding(days: 6)) (\(weeks) week\(weeks == 1 ? "" : "s")), "
        md +=
            "\(Format.leads(a.leadsPerWeek)) a week, \(Format.percent(a.afterHoursShare)) outside \(E.escape(plan.brief.hours.text)) (the brief: \(Format.leads(plan.brief.volume.leadsPerWeek)) and \(plan.brief.volume.afterHoursShare)). "
        md += "Each lead is judged on its channel's SLA and clock and its pod's calendar, holidays included; "
        md += "intervals are 95%.\n\n"
        let behind = a.recentlyBelowTarget
        if a.cells.isEmpty {
            md += "No lead in the export reached a pod with a first-touch SLA.\n\n"
        } else if behind.isEmpty {
            md += "**Last four weeks:** every channel met its target.\n\n"
        } else {
            let names = behind.map { "\(E.escape($0.pod)) (\(E.escape($0.rule)))" }
            md += "**Last four weeks:** below target in \(Format.list(names)).\n\n"
        }
        for cell in a.cells {
            let tone: Tone = cell.attainment.map { $0 >= cell.target - SLAStatus.tolerance ? .good : .bad } ?? .muted
            let word = tone == .good ? "met" : tone == .bad ? "missed" : "open"
            md +=
                "- \(E.badge(Badge(word, tone))) **\(E.escape(cell.pod)) (\(E.escape(cell.rule)))**: \(E.escape(ActualsText.verdict(cell))).\n"
        }
        md += "\n"
        for pod in a.pods {
            let figure = ActualsChart.figure(pod)
            figures.append(figure)
            md += "![Actual attainment by week in \(E.escape(pod.pod)) against the target and the model](\(figure.reference))\n\n"
        }
        md += "### By channel and pod\n\n"
        md += E.table(
            [
                "Channel", "Pod", "SLA", "Leads", "In time (actual)", "Model, over this period", "Median", "p90", "Untouched",
                "Last 4 weeks",
            ],
            a.cells.map { c in
                let dayHours = plan.brief.pods.first { $0.name == c.pod }.map { plan.brief.hours(of: $0).averageDayHours } ?? 8
                func time(_ m: Double) -> String { SLAText.duration(m, clock: c.clock, dayHours: dayHours) }
                return [
                    E.escape(c.rule), E.escape(c.pod), "\(c.responseSLA) (\(c.clock.rawValue))", Format.count(c.leads),
                    c.attainment.map { "\(Format.percent($0)) (\(Format.percent(c.low))–\(Format.percent(c.high)))" } ?? "—",
                    c.model.map {
                        "\(Format.percent($0.simulated.attainment)) (\(Format.percent($0.expectedLow))–\(Format.percent($0.expectedHigh)))"
                    }
                        ?? "—",
                    c.leads > c.open ? time(c.medianMinutes) : "—", c.leads > c.open ? time(c.p90Minutes) : "—",
                    c.untouched == 0 ? "0" : "\(Format.count(c.untouched))", c.recentAttainment.map(Format.percent) ?? "—",
                ]
            }, align: ["l", "l", "l", "r", "r", "r", "r", "r", "r", "r"])
        md += "\n*Model, over this period*: the simulated figure and the range an export of \(weeks) week\(weeks == 1 ? "" : "s") "
        md += "shows 95% of the time if the model is right. *Untouched*: never touched although the SLA ran out. "
        md += "Leads whose SLA was still running when the export ends are left out of the shares.\n\n"
        md += volume(a, plan: plan)
        md += acceptance(a)
        md += escalations(a, plan: plan, zone: zone)
        md += badRows(a)
        return md
    }

    static func volume(_ a: SLAActuals, plan: HandoffPlan) -> String {
        var md = "### Volume: the export against the brief\n\n"
        let rows = a.channels.map { c in
            [
                E.escape(c.rule), Format.leads(c.leadsPerWeek), Format.leads(c.briefLeadsPerWeek), Format.percent(c.afterHoursShare),
                Format.percent(c.briefAfterHoursShare),
            ]
        }
        md += E.table(
            ["Channel", "Leads a week (export)", "Brief", "After hours (export)", "Brief"], rows, align: ["l", "r", "r", "r", "r"])
        md += "\nBusiest hours (\(E.escape(plan.brief.timezone))): \(ActualsText.busiest(a.hourOfWeek)). "
        if a.unmatched > 0 { md += "\(Format.count(a.unmatched)) rows matched no routing rule. " }
        if a.outsideSLA > 0 { md += "\(Format.count(a.outsideSLA)) went to named owners or queues without a first-touch SLA. " }
        return md + "\n\n"
    }

    static func acceptance(_ a: SLAActuals) -> String {
        let x = a.acceptance
        guard x.leads > 0 else { return "" }
        var md = "### What sales did with them\n\n"
        let n = Double(x.leads)
        md +=
            "Of \(Format.count(x.leads)) leads, sales accepted \(Format.percent(Double(x.accepted) / n)) and rejected \(Format.percent(Double(x.rejected) / n)); "
        md += "\(Format.percent(Double(x.recycled) / n)) went back to marketing (recycled).\n\n"
        if !x.reasons.isEmpty {
            md += E.table(
                ["Rejection reason", "Leads", "Of rejected"],
                x.reasons.map {
                    [E.escape($0.reason), Format.count($0.count), Format.percent(Double($0.count) / Double(max(x.rejected, 1)))]
                },
                align: ["l", "r", "r"])
            md += "\n"
        }
        return md
    }

    static func escalations(_ a: SLAActuals, plan: HandoffPlan, zone: String) -> String {
        let trigger = plan.escalation.trigger
        var md = "### The escalation trigger on the data\n\n"
        guard !a.escalations.isEmpty else {
            return md + "Breaches never reached the trigger (\(trigger)): nothing would have escalated.\n\n"
        }
        let top = a.escalations.map(\.level).max() ?? 1
        let highest = a.escalations.first { $0.level == top }?.owner ?? ""
        md +=
            "Breaches reached the trigger (\(trigger)) \(Format.count(a.escalations.count)) time\(a.escalations.count == 1 ? "" : "s"), reaching \(E.escape(highest)) (level \(top)) at most.\n\n"
        var rows: [[String]] = []
        for w in a.weeks.indices {
            let those = a.escalations.filter { $0.week == w }
            guard !those.isEmpty else { continue }
            let pods = Dictionary(grouping: those, by: \.pod).sorted { $0.key < $1.key }.map { "\(E.escape($0.key)) \($0.value.count)" }
            let level = those.map(\.level).max() ?? 1
            rows.append([
                "\(a.weeks[w])", "\(those.count)", pods.joined(separator: ", "),
                "\(E.escape(those.first { $0.level == level }?.owner ?? "")) (level \(level))",
            ])
        }
        md += E.table(["Week of", "Escalations", "By pod", "Highest level"], rows, align: ["l", "r", "l", "l"])
        let listed = a.escalations.prefix(12)
        md += "\n\(listed.count == a.escalations.count ? "Every window" : "The first \(listed.count) windows"):\n\n"
        md += E.table(
            ["Pod", "First breach", "Breach that triggered", "Breaches", "Escalated to"],
            listed.map { e in
                [
                    E.escape(e.pod), ActualsText.instant(e.start, zone: zone), ActualsText.instant(e.end, zone: zone), "\(e.breaches)",
                    "\(E.escape(e.owner)) (level \(e.level))",
                ]
            }, align: ["l", "l", "l", "r", "l"])
        return md + "\n"
    }

    static func badRows(_ a: SLAActuals) -> String {
        guard a.badRowCount > 0 else { return "" }
        var md = "### Rows that could not be used\n\n"
        md +=
            "\(Format.count(a.badRowCount)) row\(a.badRowCount == 1 ? "" : "s") of \(Format.count(a.rows)) left out: "
        md += Format.list(a.badCounts.map { "\(Format.count($0.count)) with \(ActualsText.badRow($0.kind))" }) + ".\n\n"
        md += E.table(
            ["Line", "Problem", "Value"],
            a.badRows.map { ["\($0.line)", ActualsText.badRow($0.kind), E.code($0.value, inTable: true)] }, align: ["r", "l", "l"])
        if a.badRows.count < a.badRowCount { md += "\nThe first \(a.badRows.count) are listed.\n" }
        return md
    }
}
