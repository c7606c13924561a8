import HandoffCore

/// `handoff diff` as Markdown for a pull-request comment or a CI job summary: per changed brief,
/// what it does to readiness and sign-off first, then the SLA figures, the routing and the
/// inputs, field by field.
public enum DiffMarkdown {
    typealias E = MarkdownText

    public static func render(_ comparison: PlanComparison, baseLabel: String, headErrors: Int) -> String {
        let changed = comparison.segments.filter(\.isChanged)
        var md = "## Handoff diff against \(baseLabel)\n\n"
        if headErrors > 0 {
            md +=
                "**The changed briefs have \(headErrors) error\(headErrors == 1 ? "" : "s")**; briefs with errors are left out below. Run `handoff check` for each.\n\n"
        }
        if changed.isEmpty {
            md += "No brief's planning inputs changed.\n"
            return md
        }
        let unchanged = comparison.segments.filter { !$0.isChanged }.map(\.segment)
        md += "\(changed.count) brief\(changed.count == 1 ? "" : "s") changed"
        md += unchanged.isEmpty ? ".\n\n" : "; \(unchanged.count) unchanged (\(unchanged.map { "`\($0)`" }.joined(separator: ", "))).\n\n"
        for segment in changed { md += section(segment) }
        return md
    }

    static func section(_ s: PlanComparison.Segment) -> String {
        let title = s.head?.brief.title ?? s.base?.brief.title ?? s.segment
        guard let head = s.head else {
            return "### \(E.escape(title)) (`\(s.segment)`): removed\n\nThe brief is gone; its pages will no longer be published.\n\n"
        }
        guard let base = s.base else {
            return "### \(E.escape(title)) (`\(s.segment)`): new, version `\(head.version)`\n\n"
                + "Readiness: **\(head.approval.readiness.rawValue)**; SLA: **\(head.sla.status.rawValue)**.\n\n" + pods(s, newOnly: true)
        }
        var md = "### \(E.escape(title)) (`\(s.segment)`): version `\(base.version)` → `\(head.version)`\n\n"
        let rb = base.approval.readiness, rh = head.approval.readiness
        md += rb == rh ? "Readiness stays **\(rh.rawValue)**" : "Readiness: **\(rb.rawValue) → \(rh.rawValue)**"
        md +=
            base.sla.status == head.sla.status
            ? "; SLA stays **\(head.sla.status.rawValue)**.\n\n"
            : "; SLA: **\(base.sla.status.rawValue) → \(head.sla.status.rawValue)**.\n\n"
        md += staffing(SegmentSummary.staffing(base), SegmentSummary.staffing(head))
        if !s.madeStale.isEmpty {
            md += "**Sign-offs this change makes stale** (they approved `\(base.version)`; each must approve `\(head.version)`): "
            md +=
                s.madeStale.map { o in E.escape(o.approval.role + (o.approval.name.map { " (\($0))" } ?? "")) }.joined(separator: ", ")
                + ".\n\n"
        }
        md += pods(s, newOnly: false)
        md += warnings(s)
        if !s.rules.isEmpty {
            md += "**Routing rules**\n\n" + s.rules.map { "- \(rule($0))\n" }.joined() + "\n"
        }
        if !s.sampleMoves.isEmpty, let sample = head.brief.sample {
            let moved = s.sampleMoves.reduce(0) { $0 + $1.count }
            md +=
                "**Historical leads that route differently** (\(moved) of the \(s.sampleRows) leads in \(E.code(sample, inTable: false)))\n\n"
            md += E.table(
                ["Leads", "Before", "After"],
                s.sampleMoves.map { m in
                    ["\(m.count)", owner(m.fromRule, m.fromOwner), owner(m.toRule, m.toOwner)]
                })
            md += "\n"
        }
        md += "**Planning inputs changed**\n\n"
        md += E.table(
            ["Field", "Before", "After"],
            s.inputs.map { c in
                switch c {
                case .changed(let f, let old, let new): [E.code(f, inTable: true), value(old), value(new)]
                case .added(let f, let v): [E.code(f, inTable: true), "—", v.map(value) ?? "added"]
                case .removed(let f, let v): [E.code(f, inTable: true), v.map(value) ?? "present", "—"]
                case .reordered(let list, _, _):
                    [
                        E.code(list, inTable: true), "order before",
                        E.escape(c.moves.map { "\($0.item): \($0.from) → \($0.to)" }.joined(separator: "; ")),
                    ]
                }
            })
        return md + "\n"
    }

    /// Pod and channel rows whose figures changed; an attainment moved only within simulation
    /// noise says so, with both intervals, and is not bold (SPEC §4).
    static func pods(_ s: PlanComparison.Segment, newOnly: Bool) -> String {
        let rows = s.pods.filter { d in
            newOnly || d.before.map(rounded) != d.after.map(rounded) || d.noLeadsBefore != d.noLeadsAfter
        }
        guard !rows.isEmpty else { return newOnly ? "" : "No pod's SLA figures changed.\n\n" }
        var md = "**SLA by pod**\n\n"
        md += E.table(
            ["Pod", "Channel", "Status", "Leads in time (simulated)", "Reps needed", "FTE"],
            rows.map { d in
                [
                    E.escape(d.pod), d.channel.map(E.escape) ?? "all",
                    arrow(status(d.before, idle: d.noLeadsBefore), status(d.after, idle: d.noLeadsAfter)),
                    attainment(d),
                    d.channel == nil
                        ? arrow(
                            d.before.map(reps) ?? d.noLeadsBefore.map(idleReps), d.after.map(reps) ?? d.noLeadsAfter.map(idleReps))
                        : "—",
                    d.channel == nil ? arrow(fte(d.before, idle: d.noLeadsBefore), fte(d.after, idle: d.noLeadsAfter)) : "—",
                ]
            })
        md += "\n"
        // Where a pod's leads went instead: the router passes over it, or its rules get nothing.
        for d in rows where d.channel == nil {
            if let idle = d.noLeadsAfter { md += "- \(E.escape(SLAText.idle(idle)))\n" }
        }
        if rows.contains(where: { $0.channel == nil && $0.noLeadsAfter != nil }) { md += "\n" }
        return md
    }

    /// Staffing in FTE before → after, today and with the staffing plans (when either side has
    /// a plan that changes it).
    static func staffing(_ before: (today: Double, inPlan: Double), _ after: (today: Double, inPlan: Double)) -> String {
        func part(_ a: Double, _ b: Double, _ label: String) -> String {
            Format.fte(a) == Format.fte(b)
                ? "\(Format.fte(b)) FTE \(label) (unchanged)" : "**\(Format.fte(a)) → \(Format.fte(b)) FTE** \(label)"
        }
        var md = "Staffing: " + part(before.today, after.today, "today")
        if Format.fte(before.inPlan) != Format.fte(before.today) || Format.fte(after.inPlan) != Format.fte(after.today) {
            md += "; " + part(before.inPlan, after.inPlan, "with the staffing plans")
        }
        return md + ".\n\n"
    }

    /// A pod's FTE today and in its plan: `4.0`, or `4.0 (plan 8.0)`.
    static func fte(_ f: PlanComparison.Figures?, idle: IdlePod?) -> String? {
        if let idle { return Format.fte(idle.fte) }
        guard let f, let today = f.fte else { return nil }
        let plan = f.fteInPlan ?? today
        return Format.fte(today) == Format.fte(plan) ? Format.fte(today) : "\(Format.fte(today)) (plan \(Format.fte(plan)))"
    }

    /// A side's status: the verdict, "receives no leads", or nothing (not in the brief).
    static func status(_ f: PlanComparison.Figures?, idle: IdlePod?) -> String? {
        f.map { $0.status.rawValue } ?? idle.map { _ in "receives no leads" }
    }

    /// The simulated attainment before → after: bold only beyond simulation noise.
    static func attainment(_ d: PlanComparison.PodDelta) -> String {
        guard let b = d.before, let a = d.after else {
            return arrow(
                d.before.map { Format.percent($0.simulatedAttainment) } ?? d.noLeadsBefore.map { _ in "no leads" },
                d.after.map { Format.percent($0.simulatedAttainment) } ?? d.noLeadsAfter.map { _ in "no leads" })
        }
        let (pb, pa) = (Format.percent(b.simulatedAttainment), Format.percent(a.simulatedAttainment))
        if d.attainmentChanged { return "\(pb) → **\(pa)**" }
        if pb == pa { return pa }
        return "\(pb) → \(pa): no change beyond simulation noise (\(interval(b)) and \(interval(a)))"
    }

    static func interval(_ f: PlanComparison.Figures) -> String { "\(Format.percent(f.low))–\(Format.percent(f.high))" }

    static func rounded(_ f: PlanComparison.Figures) -> String {
        "\(f.status.rawValue) \(Format.percent(f.simulatedAttainment)) \(f.requiredReps.map(String.init) ?? "-") \(f.reps.map(String.init) ?? "-") \(fte(f, idle: nil) ?? "-")"
    }

    /// Warnings the change resolves and introduces.
    static func warnings(_ s: PlanComparison.Segment) -> String {
        var md = ""
        if !s.warningsResolved.isEmpty {
            md += "**Warnings this change resolves**\n\n"
            md += s.warningsResolved.map { "- \(E.escape(FindingText.message($0.kind)))\n" }.joined() + "\n"
        }
        if !s.warningsIntroduced.isEmpty {
            md += "**Warnings this change introduces**\n\n"
            md += s.warningsIntroduced.map { "- line \($0.location.line): \(E.escape(FindingText.message($0.kind)))\n" }.joined() + "\n"
        }
        return md
    }

    static func idleReps(_ pod: IdlePod) -> String { "none needed (\(pod.reps) today)" }

    static func reps(_ f: PlanComparison.Figures) -> String {
        let needed = f.requiredReps.map(String.init) ?? "no headcount reaches the target"
        return f.reps.map { "\(needed) (\($0) today)" } ?? needed
    }

    static func arrow(_ before: String?, _ after: String?) -> String {
        switch (before, after) {
        case (let b?, let a?): b == a ? E.escape(a) : "\(E.escape(b)) → **\(E.escape(a))**"
        case (nil, let a?): "new: \(E.escape(a))"
        case (let b?, nil): "\(E.escape(b)) → removed from the brief"
        case (nil, nil): "—"
        }
    }

    static func rule(_ c: PlanComparison.RuleChange) -> String {
        switch c {
        case .added(let rule, let position): "added **\(E.escape(rule))** at position \(position)"
        case .removed(let rule, let position): "removed **\(E.escape(rule))** (was at position \(position))"
        case .moved(let rule, let from, let to, let passed, let before, let after):
            "moved **\(E.escape(rule))** from position \(from) to \(to): it now sees leads \(to < from ? "before" : "after") "
                + passed.map { "**\(E.escape($0))**" }.joined(separator: ", ") + share(before, after)
        case .changed(let rule, let fields):
            "changed **\(E.escape(rule))**: " + fields.map { E.code(AuditText.input($0), inTable: false) }.joined(separator: ", ")
        }
    }

    /// A moved rule's share when it changed; a rule that now gets nothing is not fixed.
    static func share(_ before: Double?, _ after: Double?) -> String {
        guard let after else { return "" }
        if after == 0 {
            return
                "; it \(before == nil ? "now " : "")gets **0% of leads**: the shares stated for other rules already sum to 100%, so give it a share"
        }
        guard let before, Format.percent(before) != Format.percent(after) else { return "" }
        return "; its share of leads goes from \(Format.percent(before)) to **\(Format.percent(after))**"
    }

    static func owner(_ rule: String?, _ owner: String?) -> String {
        guard let rule else { return "no rule (no owner)" }
        return "\(E.escape(rule)) → \(E.escape(owner ?? "?"))"
    }

    static func value(_ v: String) -> String { E.code(AuditText.value(v), inTable: true) }
}
