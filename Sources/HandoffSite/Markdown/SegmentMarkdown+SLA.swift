import HandoffCore

extension SegmentMarkdown {
    /// The SLA section: the verdict, the reason and the fix first, pod by pod, in words a VP of
    /// Sales reads without a glossary; the textbook figures last, each explained.
    static func sla(_ plan: HandoffPlan, figures: inout [Figure]) -> String {
        let s = plan.sla
        let b = plan.brief
        var md = "**Verdict:** \(E.badge(.sla(s.status))). Target: \(b.targetAttainment) of leads touched within "
        md += "\(b.responseSLA) on the \(b.slaClock.rawValue) clock"
        if s.pods.flatMap(\.channels).contains(where: { $0.responseSLA != b.responseSLA || $0.clock != b.slaClock }) {
            md += ", with channels of their own SLA below"
        }
        md += ". Figures are the mean of simulated half-years of the real calendar from \(s.simulationStart), "
        md += "with 95% intervals.\n\n"
        if s.namedOwnerShare > 0 { md += "- \(E.escape(SLAText.reason(.namedOwners(share: s.namedOwnerShare))))\n\n" }
        for idle in s.idlePods { md += "- \(E.escape(SLAText.idle(idle)))\n\n" }
        guard !s.pods.isEmpty else {
            return md + "No pod receives leads, so there is no capacity to model.\n"
        }
        // Worst pods first: the reader starts with what needs a decision.
        for p in s.pods.sorted(by: { ($0.status, $1.simulated.attainment) > ($1.status, $0.simulated.attainment) }) {
            md += pod(p, figures: &figures)
        }
        md += reference(s, leadsPerWeek: b.volume.leadsPerWeek)
        return md
    }

    static func pod(_ p: PodSLA, figures: inout [Figure]) -> String {
        let dayHours = p.hours.averageDayHours
        func time(_ minutes: Double) -> String { SLAText.duration(minutes, clock: p.clock, dayHours: dayHours) }
        let target = p.channels.map(\.target).max() ?? 0
        var md = "### \(E.escape(p.name)): \(E.badge(.sla(p.status)))\n\n"
        if let why = p.reasons.first { md += "- **Why:** \(E.escape(SLAText.reason(why)))\n" }
        if p.status != .meets { md += "- **Fix:** \(E.escape(SLAText.fix(p)))\n" }
        md +=
            "- **Today:** \(Format.reps(p.reps)) (\(p.agents) productive; \(Format.number(p.shifts.reduce(0) { $0 + $1.repHoursPerWeek }, decimals: 0)) rep-hours a week, \(Format.fte(p.fte)) FTE) \(p.reps == 1 ? "touches" : "touch") \(interval(p.simulated)) of leads in time; "
        md += "\(Format.percent(target)) of leads are touched within \(time(p.achievableFirstTouchMinutes)). "
        md += "They are busy \(Format.percent(min(p.utilisation, 9.99))) of their working hours.\n"
        if let required = p.requiredRepsSimulated {
            md += "- **Staffing:** \(required) rep\(required == 1 ? "" : "s") meet the target under the real calendar"
            md +=
                required < p.reps
                ? " (\(p.reps - required) fewer than today).\n" : required > p.reps ? " (\(required - p.reps) more than today).\n" : ".\n"
        } else {
            md += "- **Staffing:** no headcount meets the target; \(E.escape(SLAText.ceiling(p))).\n"
        }
        for reason in p.reasons.dropFirst() { md += "- \(E.escape(SLAText.reason(reason)))\n" }
        md += "\n"
        if p.channels.count > 1 {
            md += E.table(
                ["Channel", "SLA", "Target", "In time", "Median", "p90", "Status"],
                p.channels.map { c in
                    [
                        E.escape(c.rule), "\(c.responseSLA) (\(c.clock.rawValue))", Format.percent(c.target), interval(c.simulated),
                        E.escape(SLAText.duration(c.simulated.medianMinutes, clock: c.clock, dayHours: dayHours)),
                        E.escape(SLAText.duration(c.simulated.p90Minutes, clock: c.clock, dayHours: dayHours)), E.badge(.sla(c.status)),
                    ]
                }, align: ["l", "l", "r", "r", "r", "r", "l"])
            md += "\n"
        }
        if p.shifts.count > 1 || p.shifts.contains(where: { !$0.name.isEmpty }) { md += shifts(p) }
        if !p.options.isEmpty { md += options(p) }
        if let plan = p.plan { md += self.plan(p, plan, figures: &figures) }
        md += "Serving the newest lead first: \(Format.percent(p.newestFirst.attainment)) in time, "
        md += "median \(time(p.newestFirst.medianMinutes)), p90 \(time(p.newestFirst.p90Minutes))"
        md += p.recommendNewestFirst ? " — recommended.\n\n" : " — not recommended.\n\n"
        let figure = StaffingChart.figure(p, target: target)
        figures.append(figure)
        let needed = p.requiredRepsSimulated.map { "\($0) needed" } ?? "no headcount reaches the target"
        md += "![Staffing curve for \(E.escape(p.name)): \(Format.reps(p.reps)) today, \(needed)](\(figure.reference))\n\n"
        return md
    }

    /// `83.4% (82.6–84.2%)`.
    static func interval(_ f: SimulatedFigures) -> String {
        "\(Format.percent(f.attainment)) (\(Format.percent(f.low))–\(Format.percent(f.high)))"
    }

    /// The figures behind the verdicts, each explained under the table.
    static func reference(_ s: SLAModel, leadsPerWeek: Double) -> String {
        var md = "### The figures behind the verdicts\n\n"
        md += E.table(
            [
                "Pod", "Leads/week", "Work h/wk", "Capacity h/wk", "Busy", "Simulated", "Runs", "Unlimited reps", "Textbook", "P(wait)",
                "ASA", "Textbook reps",
            ],
            s.pods.map { p in
                [
                    E.escape(p.name), Format.leads(p.share * leadsPerWeek),
                    Format.number(p.workloadHoursPerWeek, decimals: 1),
                    Format.number(p.capacityHoursPerWeek, decimals: 1), Format.percent(min(p.utilisation, 9.99)), interval(p.simulated),
                    "\(p.simulated.replicas)", Format.percent(p.bestAttainment), Format.percent(p.attainment),
                    Format.percent(p.probabilityOfWait),
                    Format.minutes(p.averageSpeedOfAnswerMinutes), p.requiredReps.map { "\($0)" } ?? "none",
                ]
            }
                + s.idlePods.map { p in
                    [E.escape(p.name), "0", "0", Format.number(p.capacityHoursPerWeek, decimals: 1), "—", "receives no leads"]
                        + Array(repeating: "—", count: 6)
                }, align: ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"])
        md += "\n- *Work* is every lead a pod receives, in hours or not, times the handle time; *capacity* is its productive reps "
        md += "times its own open hours; *busy* is work over capacity.\n"
        md += "- *Simulated* is the share touched within the SLA over simulated half-years, with the 95% interval; *runs* is how many.\n"
        md += "- *Unlimited reps* is the ceiling: every lead touched the moment its pod is open.\n"
        md += "- *Textbook* is Erlang C (one queue) or the per-rep rotation queue, for leads arriving while the pod is open; "
        md += "it ignores nights, weekends and holidays, so it is a reference, not the verdict. *P(wait)* is the chance a lead "
        md += "waits at all, *ASA* the average wait, *textbook reps* the headcount Erlang C alone would ask for.\n"
        return md
    }

    /// The pod's shifts: hours, reps, what they cost and how busy they are.
    static func shifts(_ p: PodSLA) -> String {
        var md = "Shifts of \(E.escape(p.name)):\n\n"
        md += E.table(
            ["Shift", "Hours", "Reps", "Productive", "Rep-hours a week", "FTE", "Busy"],
            p.shifts.map { s in
                [
                    E.escape(s.name.isEmpty ? "all reps" : s.name), E.escape(s.hours.text), "\(s.reps)", "\(s.agents)",
                    Format.number(s.repHoursPerWeek, decimals: 0), Format.fte(s.fte), Format.percent(min(s.utilisation, 9.99)),
                ]
            }, align: ["l", "l", "r", "r", "r", "r", "r"])
        return md + "\n"
    }

    /// "What it would take": staffing and policy changes, each with its cost, then the changes to
    /// the promise apart; the fix marked.
    static func options(_ p: PodSLA) -> String {
        func rows(_ options: [SLAOption]) -> [[String]] {
            options.map { o in
                [
                    E.escape(SLAText.change(o, today: p)) + (o == p.fix ? " (the fix)" : ""), Format.percent(o.attainment),
                    o.meetsTarget ? "yes" : "no",
                ]
            }
        }
        var md = "What it would take for \(E.escape(p.name)):\n\n"
        let staffing = p.options.filter { $0.kind != .promise }
        md += E.table(["Change", "In time", "Reaches the target"], rows(staffing), align: ["l", "r", "l"]) + "\n"
        let promise = p.options.filter { $0.kind == .promise }
        if !promise.isEmpty {
            md += "Or change the promise (leadership's decision, never the fix), with today's staffing:\n\n"
            md += E.table(["Change", "In time", "Reaches the target"], rows(promise), align: ["l", "r", "l"]) + "\n"
        }
        return md
    }

    /// The staffing plan: its shifts today and in the plan, what it reaches, and the week grid.
    static func plan(_ p: PodSLA, _ plan: StaffingPlan, figures: inout [Figure]) -> String {
        var md = "**Staffing plan for \(E.escape(p.name)):** "
        md +=
            plan.meetsTarget
            ? "\(Format.reps(plan.headcount)), \(Format.fte(plan.fteToday)) → \(Format.fte(plan.fte)) FTE, touch \(interval(plan.simulated)) of leads in time.\n\n"
            : "no plan reaches the target: even unlimited reps on today's shifts and the new ones would touch \(Format.percent(plan.ceiling ?? p.bestAttainment)) of leads in time. The closest plan within twice today's FTE, \(Format.fte(plan.fteToday)) → \(Format.fte(plan.fte)) FTE, touches \(interval(plan.simulated)).\n\n"
        md += E.table(
            ["Shift", "Hours", "Reps today → in the plan", "FTE today → in the plan"],
            plan.shifts.map { s in
                [
                    E.escape(s.name.isEmpty ? "all reps" : s.name) + (s.repsToday == 0 ? " (new)" : ""), E.escape(s.hours.text),
                    s.reps == s.repsToday ? "\(s.reps)" : "\(s.repsToday) → **\(s.reps)**",
                    Format.fte(s.fteToday) + " → " + Format.fte(s.fte),
                ]
            }, align: ["l", "l", "r", "r"])
        let figure = WeekGridChart.figure(p)
        figures.append(figure)
        md += "\n![When leads arrive and who is on in \(E.escape(p.name)), today and in the plan](\(figure.reference))\n\n"
        return md
    }
}
