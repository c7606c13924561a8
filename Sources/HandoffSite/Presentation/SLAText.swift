import HandoffCore

/// The words for the SLA model: reasons, changes, durations. Written for a VP of Sales: what
/// happens to leads, in hours and reps, no queueing terms.
enum SLAText {
    static func reason(_ reason: SLAReason) -> String {
        switch reason {
        case .queueGrowsWithoutBound(let pod, let utilisation, let more):
            "\(pod) gets \(Format.percent(utilisation)) of the work its reps can do in its hours, so the backlog only grows; it needs \(more) more productive rep\(more == 1 ? "" : "s") just to keep up"
        case .belowTarget(let pod, let rule, let simulated, let target):
            "\(pod)\(rule.map { " (\($0))" } ?? ""): \(Format.percent(simulated)) of leads are touched in time, \(points(target - simulated)) short of the \(Format.percent(target)) target"
        case .uncertain(let pod, let rule, let low, let high, let target):
            "\(pod)\(rule.map { " (\($0))" } ?? ""): between \(Format.percent(low)) and \(Format.percent(high)) of leads are touched in time, so the \(Format.percent(target)) target may be missed"
        case .utilisationAboveLimit(let pod, let utilisation):
            "\(pod) is busy \(Format.percent(utilisation)) of its working hours; above 85% there is no slack for absences or peaks"
        case .noHeadcountReaches(let pod, let rule, let ceiling, let target, let causes):
            (rule.map {
                "no headcount on today's hours gets \(pod) to \(Format.percent(target)) on its \($0) leads: even unlimited reps touch only \(Format.percent(ceiling)) of them in time, because "
            }
                ?? "no headcount on today's hours gets \(pod) to \(Format.percent(target)): even unlimited reps touch only \(Format.percent(ceiling)) in time, because ")
                + causes.map(cause).joined(separator: " and ")
        case .newestFirstHelps(let pod, let newest, let deadline):
            "\(pod): serving the newest lead first reaches \(Format.percent(newest)) against \(Format.percent(deadline)) oldest deadline first"
        case .replicaCap(let pod, let replicas):
            "\(pod): the figures vary from run to run; \(replicas) simulated half-years (the cap) leave the interval wider than ±1 point"
        case .namedOwners(let share):
            "\(Format.percent(share)) of leads go to named owners or queues; their capacity is not modelled"
        case .passedOver(let pod, let takenBy, let cause):
            passedOver(pod, takenBy: takenBy, cause: cause)
        }
    }

    /// What unlimited reps would reach, on the channel the verdict rests on when one is short.
    static func ceiling(_ p: PodSLA) -> String {
        for case .noHeadcountReaches(_, let rule?, let ceiling, _, _) in p.reasons {
            return "unlimited reps would reach \(Format.percent(ceiling)) of \(rule) leads"
        }
        return "unlimited reps would reach \(Format.percent(p.bestAttainment))"
    }

    /// A pod that receives no leads, with its staffing and why.
    static func idle(_ pod: IdlePod) -> String {
        switch pod.cause {
        case .noRule:
            return "\(pod.name) (\(Format.reps(pod.reps))) receives no leads: no reachable routing rule sends it any"
        case .rulesGetNoShare(let rules):
            return
                "\(pod.name) (\(Format.reps(pod.reps))) receives no leads: \(Format.list(rules)) \(rules.count == 1 ? "gets" : "get") 0% of leads, because the shares stated for other rules already sum to 100%"
        case .passedOver(let takenBy, let cause):
            return passedOver(pod.name, takenBy: takenBy, cause: cause)
        }
    }

    static func passedOver(_ pod: String, takenBy: [String], cause: SLAReason.PassOverCause) -> String {
        let taken = "so round-robin passes over it and \(Format.list(takenBy)) \(takenBy.count == 1 ? "takes" : "take") its share"
        switch cause {
        case .noProductiveRep(let reps, let shrinkage, let repsForOne):
            return "\(pod) receives no leads: it has no productive rep (\(Format.reps(reps)) at \(Format.percent(shrinkage)) shrinkage), "
                + taken + (repsForOne.map { "; with \(Format.reps($0)) it would take it" } ?? "")
        case .closedWhenLeadsArrive(let hours, let zone):
            return "\(pod) receives no leads: it is closed whenever its leads arrive (it works \(hours.text), \(zone)), " + taken
        }
    }

    static func cause(_ cause: SLAReason.CeilingCause) -> String {
        switch cause {
        case .closedWhenLeadsArrive(let hours, let zone): "leads arrive while the pod is closed (it works \(hours.text), \(zone))"
        case .calendarClockRunsWhileClosed: "the SLA clock keeps running overnight and at weekends"
        }
    }

    /// A change as a row of "what it would take" names it, with its cost where it has one:
    /// what to hire, when they work, what it costs.
    static func change(_ option: SLAOption, today p: PodSLA) -> String {
        let cost = fte(option.fteChange)
        switch option.change {
        case .moreReps:
            let reps = option.reps ?? p.reps
            return "add \(Format.reps(reps - p.reps)) to today's shifts (\(reps) in all, \(cost))"
        case .addShift(let name, let hours):
            let k = option.shiftReps ?? 0
            return "add \(shiftName(name)), \(hours.text), with \(Format.reps(k)) (\(cost))"
        case .moveReps(let from, let to, let hours):
            let k = option.shiftReps ?? 0
            return
                "move \(Format.reps(k)) from \(from.isEmpty ? "today's hours" : "the \(from) shift") to \(shiftName(to)), \(hours.text) (\(cost))"
        case .longerDays(let hours):
            // Today's reps on duty every one of these hours: what that coverage costs in people.
            let repHours = Double(p.reps) * hours.weeklyHours
            return
                "keep today's \(Format.reps(p.reps)) on duty \(hours.text): \(Format.number(repHours, decimals: 0)) rep-hours a week (\(cost))"
        case .newestFirst: return "serve the newest lead first (no FTE)"
        case .businessClock: return "count the SLA in working hours (business clock)"
        case .longerSLA(let sla): return "promise first touch within \(sla)"
        case .lowerTarget(let target): return "lower the target to \(target)"
        case .staffingPlan: return "the staffing plan below: " + planSteps(p) + " (\(cost))"
        }
    }

    /// What a plan adds, moves or drops, shift by shift: `move 1 rep from the Late shift to the
    /// Early shift`, `add a weekend rota (Sat-Sun 08:00-16:00) with 3 reps`.
    static func planSteps(_ p: PodSLA) -> String {
        guard let plan = p.plan else { return "" }
        func existing(_ s: StaffingPlan.Shift) -> String { s.name.isEmpty ? "today's hours" : "the \(s.name) shift" }
        func new(_ s: StaffingPlan.Shift) -> String { "\(shiftName(s.name)) (\(s.hours.text))" }
        var adds = plan.shifts.filter { $0.reps > $0.repsToday }.map { ($0, $0.reps - $0.repsToday) }
        var drops = plan.shifts.filter { $0.reps < $0.repsToday }.map { ($0, $0.repsToday - $0.reps) }
        var steps: [String] = []
        // Reps taken off one shift and put on another are a move, not a hire and a cut.
        while let (to, up) = adds.first, let (from, down) = drops.first {
            let k = min(up, down)
            steps.append("move \(Format.reps(k)) from \(existing(from)) to \(to.repsToday == 0 ? new(to) : existing(to))")
            if up > k { adds[0].1 -= k } else { adds.removeFirst() }
            if down > k { drops[0].1 -= k } else { drops.removeFirst() }
        }
        let added = adds.map { shift, k in
            shift.repsToday == 0 ? "\(new(shift)) with \(Format.reps(k))" : "\(Format.reps(k)) to \(existing(shift))"
        }
        if !added.isEmpty { steps.append("add " + Format.list(added)) }
        for (shift, k) in drops { steps.append("\(Format.reps(k)) fewer on \(existing(shift))") }
        return Format.list(steps)
    }

    /// A change without its cost (for `packet.json`'s `change` and the diff).
    static func change(_ change: SLAChange) -> String {
        switch change {
        case .moreReps: "more reps on today's shifts"
        case .addShift(let name, let hours): "add \(shiftName(name)), \(hours.text)"
        case .moveReps(let from, let to, let hours):
            "move reps from \(from.isEmpty ? "today's hours" : "the \(from) shift") to \(shiftName(to)), \(hours.text)"
        case .longerDays(let hours): "keep today's reps on duty \(hours.text)"
        case .newestFirst: "serve the newest lead first"
        case .businessClock: "count the SLA in working hours (business clock)"
        case .longerSLA(let sla): "promise first touch within \(sla)"
        case .lowerTarget(let target): "lower the target to \(target)"
        case .staffingPlan: "the staffing plan"
        }
    }

    /// `a late shift`, `a weekend rota`: a shift the advice proposes, by its name.
    static func shiftName(_ name: String) -> String {
        let lower = name.lowercased()
        let words = lower.hasSuffix("rota") || lower.hasSuffix("shift") ? lower : lower + " shift"
        return ("aeiou".contains(words.first ?? "x") ? "an " : "a ") + words
    }

    /// `+2.0 FTE`, `no FTE added`, `−1.5 FTE`.
    static func fte(_ change: Double) -> String {
        if abs(change) < 0.05 { return "no FTE added" }
        return (change > 0 ? "+" : "−") + Format.fte(abs(change)) + " FTE"
    }

    /// A duration of the SLA clock: working time on the business clock, never 24-hour days.
    static func duration(_ minutes: Double, clock: Brief.SLAClock, dayHours: Double) -> String {
        guard minutes.isFinite else { return "never" }
        guard clock == .business else { return Format.minutes(minutes) }
        let day = max(dayHours, 1) * 60
        if minutes >= day {
            let days = minutes / day
            let text = Format.number(days, decimals: days < 10 ? 1 : 0)
            return "\(text) working day\(text == "1" ? "" : "s")"
        }
        let total = Int(minutes.rounded())
        if total < 60 { return "\(total)m working" }
        let m = total % 60
        return "\(total / 60)h\(m == 0 ? "" : " \(m < 10 ? "0" : "")\(m)m") working"
    }

    /// The change to make, in one line: what to hire, when they work, what it costs, what it
    /// buys. Without a staffing or policy change that reaches the target, says so and names the
    /// ceiling; a change of promise is leadership's decision, never the model's fix.
    static func fix(_ p: PodSLA) -> String {
        guard let fix = p.fix else {
            let reach =
                p.plan?.ceiling.map {
                    "even unlimited reps on today's shifts and new ones would touch \(Format.percent($0)) of leads in time"
                }
                ?? ceiling(p)
            return "no staffing change reaches the target; " + reach + ": the promise (SLA, clock or target) needs a decision"
        }
        return "\(change(fix, today: p)): \(Format.percent(fix.attainment)) in time"
    }

    /// `4.2 points`, always with one decimal.
    static func points(_ x: Double) -> String {
        let text = Format.number(x * 100, decimals: 1)
        return (text.contains(".") ? text : text + ".0") + " points"
    }
}
