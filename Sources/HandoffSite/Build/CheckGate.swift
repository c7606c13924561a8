import HandoffCore

/// What `handoff check` fails on besides brief errors (SPEC §4), each as a located diagnostic
/// with a title, so CI shows every reason at its line: with `--require-records`, a brief whose
/// current version has no plan record; with `--strict`, every warning, every pod in SLA breach
/// and every approval of an earlier version.
public struct CheckGate: Sendable {
    public var strict: Bool
    public var requireRecords: Bool
    /// The plans folder, named in the advice.
    public var plansFolder: String

    public init(strict: Bool, requireRecords: Bool, plansFolder: String) {
        self.strict = strict
        self.requireRecords = requireRecords
        self.plansFolder = plansFolder
    }

    /// The report's diagnostics with this gate's reasons added, sorted by place.
    public func diagnostics(_ report: BuildReport) -> [Diagnostic] {
        var out = report.diagnostics.map { d in
            var d = d
            if d.title == nil { d.title = d.severity == .error ? "Brief error" : "Brief warning" }
            guard strict, d.severity == .warning else { return d }
            d.severity = .error
            d.message += " [--strict]"
            return d
        }
        if requireRecords { out += missingRecords(report) }
        if strict { out += report.plans.flatMap(strictReasons) }
        return out.sortedByLocation()
    }

    /// One error per brief whose current version no record holds.
    func missingRecords(_ report: BuildReport) -> [Diagnostic] {
        report.plans.filter { !report.isRecorded($0) }.map { plan in
            var d = Diagnostic.error(
                "version \(plan.version) of segment '\(plan.segment)' has no plan record, so approvals cannot be bound to it; run 'handoff plan' and commit \(plansFolder) with the brief",
                at: plan.brief.segmentLocation)
            d.stage = .plan
            d.title = "No plan record"
            return d
        }
    }

    /// Breaches at their pods and stale approvals at their lines.
    func strictReasons(_ plan: HandoffPlan) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for pod in plan.sla.pods where pod.status == .breach {
            let location = plan.brief.pods.first { $0.name == pod.name }?.location ?? plan.brief.segmentLocation
            let reason = pod.reasons.first.map(SLAText.reason) ?? "\(pod.name) misses its target"
            var d = Diagnostic.error("SLA breach: \(reason). Fix: \(SLAText.fix(pod)) [--strict]", at: location)
            d.stage = .plan
            d.title = "SLA breach: \(pod.name)"
            out.append(d)
        }
        if let actuals = plan.actuals, let location = plan.brief.actuals?.location {
            let from = actuals.weeks.suffix(4).first.map { " (weeks of \($0) to \(actuals.weeks.last ?? $0))" } ?? ""
            for cell in actuals.recentlyBelowTarget {
                let figure = cell.recentAttainment.map(Format.percent) ?? "—"
                var d = Diagnostic.error(
                    "actual attainment in \(cell.pod) (\(cell.rule)) is \(figure) over the last four weeks of the export\(from), below the \(Format.percent(cell.target)) target [--strict]",
                    at: location)
                d.stage = .plan
                d.title = "Actuals below target: \(cell.pod)"
                out.append(d)
            }
        }
        for s in plan.approval.staleSignOffs {
            let a = s.approval
            let changed =
                s.changesSince.map { $0.isEmpty ? "" : "; changed since: " + $0.map(AuditText.input).joined(separator: "; ") } ?? ""
            var d = Diagnostic.error(
                "\(a.role)\(a.name.map { " (\($0))" } ?? "") \(a.status.rawValue) version \(s.version ?? "?"), not the current \(plan.version)\(changed) [--strict]",
                at: a.location)
            d.stage = .plan
            d.title = "Stale approval: \(a.role)"
            out.append(d)
        }
        return out
    }
}
