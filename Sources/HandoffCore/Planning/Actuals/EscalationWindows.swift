/// The escalation trigger evaluated on what happened (SPEC §3.8, §3.4): a pod's breaches in time
/// order; whenever the trigger's count of them falls within its window (`2 breaches in 48h`), the
/// window escalates to the first role of the ladder, or one level higher when the last window of
/// the pod escalated within the trigger's window before it (not resolved), up to the top. Each
/// window's breaches are counted once: the next window needs as many new ones.
enum EscalationWindows {
    /// The windows of every pod; `breaches` holds each pod's breach instants (brief pod order).
    static func find(_ breaches: [[Double]], plan: HandoffPlan) -> [SLAActuals.Escalation] {
        let trigger = plan.escalation.trigger
        let window = Double(trigger.window.calendarSeconds)
        let roles = plan.escalation.levels.compactMap { level -> (Int, String)? in
            if case .role(let name) = level.owner { return (level.number, name) }
            return nil
        }
        guard trigger.breaches > 0, !roles.isEmpty else { return [] }
        var out: [SLAActuals.Escalation] = []
        for (p, times) in breaches.enumerated() {
            let sorted = times.sorted()
            var start = 0
            var step = 0
            var last: Double?
            for i in sorted.indices {
                while sorted[i] - sorted[start] >= window { start += 1 }
                guard i - start + 1 >= trigger.breaches else { continue }
                // Unresolved when the pod escalated within a window before: one level higher.
                step = last.map { sorted[i] - $0 < window } == true ? min(step + 1, roles.count - 1) : 0
                out.append(
                    SLAActuals.Escalation(
                        pod: plan.brief.pods[p].name, start: sorted[start], end: sorted[i], breaches: i - start + 1,
                        level: roles[step].0, owner: roles[step].1, week: 0))
                last = sorted[i]
                start = i + 1
            }
        }
        return out.sorted { ($0.end, $0.pod) < ($1.end, $1.pod) }
    }
}
