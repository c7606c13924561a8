import HandoffCore

/// One segment as the portfolio, the packet's cover and its own page's verdict show it. The
/// names are the template context of `docs/templates.md`.
struct SegmentSummary: Sendable {
    var segment: String
    var title: String
    var goal: String
    var href: String
    var sla: String
    var clock: String
    var target: String
    /// The weakest pod's simulated attainment, which decides the segment's status.
    var attainment: String
    /// What the CRM recorded over the export's last four weeks, weakest pod by name (SPEC §3.8):
    /// `61.2% (East)`, or `—` without an export.
    var actual: String
    var status: Badge
    var readiness: Badge
    /// The brief version being signed (SPEC §3.7).
    var version: String
    /// Why the weakest pod has its verdict, and the change that fixes it, when it does not meet.
    var why: String?
    var fix: String?
    /// The one thing to do next, for the portfolio (and its phone cards): the fix, else the
    /// first readiness reason, else that nothing is left.
    var nextStep: String
    /// Staffing in full-time equivalents: `16.0 FTE`, or `16.0 → 21.4 FTE` when staffing plans
    /// for the pods that miss the target change it (SPEC §3.3.4).
    var fte: String
    var fteToday: Double
    var fteInPlan: Double
    var approvalsGiven: Int
    var approvalsNeeded: Int
    var nextDue: String
    var launch: String
    var owner: String
    var asOf: String

    init(_ plan: HandoffPlan) {
        let b = plan.brief
        segment = b.segment
        title = b.title
        goal = b.goal.rawValue
        href = "segments/\(b.segment)/index.html"
        sla = b.responseSLA.description
        clock = b.slaClock.rawValue
        target = b.targetAttainment.description
        attainment = Self.weakestPod(plan)
        actual = plan.actuals?.weakestRecentPod.flatMap { p in p.recentAttainment.map { "\(Format.percent($0)) (\(p.pod))" } } ?? "—"
        status = .sla(plan.sla.status)
        readiness = .readiness(plan.approval.readiness)
        version = plan.version
        let worst = plan.sla.pods.max { ($0.status, $1.simulated.attainment) < ($1.status, $0.simulated.attainment) }
        if let worst, worst.status != .meets {
            why = worst.reasons.first.map(SLAText.reason)
            fix = SLAText.fix(worst)
        } else if plan.approval.readiness == .needsReApproval {
            (why, fix) = ReadinessText.reApproval(plan)
        }
        nextStep =
            fix.map { "Fix: \($0)" } ?? ReadinessText.reasons(plan).first.map { "Next: \($0)" }
            ?? (plan.approval.readiness == .approved ? "Approved: nothing left to do" : "Next: collect the sign-offs")
        (fteToday, fteInPlan) = Self.staffing(plan)
        fte =
            abs(fteInPlan - fteToday) < 0.05
            ? "\(Format.fte(fteToday)) FTE" : "\(Format.fte(fteToday)) → \(Format.fte(fteInPlan)) FTE"
        approvalsGiven = plan.approval.approvedCount
        approvalsNeeded = plan.approval.approvals.count
        nextDue = plan.kit.nextDue?.description ?? "—"
        launch = b.launch?.description ?? "not set"
        owner = b.owner ?? "not set"
        asOf = plan.asOf.description
    }

    /// Every pod's FTE today, and with each pod that has a staffing plan staffed as its plan.
    static func staffing(_ plan: HandoffPlan) -> (today: Double, inPlan: Double) {
        let today = plan.sla.pods.reduce(0) { $0 + $1.fte } + plan.sla.idlePods.reduce(0) { $0 + $1.fte }
        let change = plan.sla.pods.reduce(0) { $0 + ($1.plan.map { $0.fte - $0.fteToday } ?? 0) }
        return (today, today + change)
    }

    /// An average over pods would hide a pod in breach, so the weakest pod is shown, by name.
    static func weakestPod(_ plan: HandoffPlan) -> String {
        guard let worst = plan.sla.pods.min(by: { $0.simulated.attainment < $1.simulated.attainment }) else {
            return "not modelled"
        }
        let figure = Format.percent(worst.simulated.attainment)
        return plan.sla.pods.count == 1 ? figure : "\(figure) (\(worst.name))"
    }
}
