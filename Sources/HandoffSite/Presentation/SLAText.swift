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
                "no headcount gets \(pod) to \(Format.percent(target)) on its \($0) leads: even unlimited reps touch only \(Format.percent(ceiling)) of them in time, because "
            }
                ?? "no headcount gets \(pod) to \(Format.percent(target)): even unlimited reps touch only \(Format.percent(ceiling)) in time, because ")
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

    static func change(_ change: SLAChange) -> String {
        switch change {
        case .moreReps: "more reps"
        case .coverArrivalWindow(let hours): "work when leads arrive: \(hours.text)"
        case .weekendCoverage(let hours): "weekend coverage: \(hours.text)"
        case .extendedHours(let hours): "longer days, every day: \(hours.text)"
        case .businessClock: "count the SLA in working hours (business clock)"
        case .newestFirst: "serve the newest lead first"
        }
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

    /// The change to make, in one line.
    static func fix(_ p: PodSLA) -> String {
        guard let fix = p.fix else { return "none of the changes tried meets the target; the SLA or the target needs a decision" }
        let text = change(fix.change)
        switch fix.change {
        case .moreReps:
            let reps = fix.reps ?? p.reps
            return "add \(Format.reps(reps - p.reps)) (\(reps) in all): \(Format.percent(fix.attainment)) in time"
        default:
            if let reps = fix.reps, reps > p.reps {
                return "\(text), with \(Format.reps(reps)) (\(reps - p.reps) more)"
            }
            return "\(text): \(Format.percent(fix.attainment)) in time with today's reps"
        }
    }

    /// `4.2 points`, always with one decimal.
    static func points(_ x: Double) -> String {
        let text = Format.number(x * 100, decimals: 1)
        return (text.contains(".") ? text : text + ".0") + " points"
    }
}
