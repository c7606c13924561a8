import HandoffCore

/// The words for the SLA model's reasons.
enum SLAText {
    static func reason(_ reason: SLAReason) -> String {
        switch reason {
        case .queueGrowsWithoutBound(let pod, let load, let agents):
            "\(pod): \(Format.number(load)) Erlangs of offered load on \(agents) productive agent\(agents == 1 ? "" : "s"); the queue grows without bound"
        case .belowTarget(let pod, let simulated, let target):
            "\(pod): simulated attainment \(Format.percent(simulated)) is \(points(target - simulated)) below the \(Format.percent(target)) target"
        case .occupancyAboveLimit(let pod, let occupancy):
            "\(pod): occupancy \(Format.percent(occupancy)) is above 85%; no slack for absences or peaks"
        case .simulationBelowReference(let pod, let erlang, let simulated, let causes):
            "\(pod): Erlang C gives \(Format.percent(erlang)) in hours, the calendar simulation \(Format.percent(simulated)): "
                + causes.map(cause).joined(separator: "; ")
        case .newestFirstHelps(let pod, let newest, let fcfs):
            "\(pod): serving the newest lead first would reach \(Format.percent(newest)) against \(Format.percent(fcfs)) first come, first served"
        case .namedOwners(let share):
            "\(Format.percent(share)) of leads go to named owners; their SLA capacity is not modelled"
        }
    }

    static func cause(_ cause: SLAReason.GapCause) -> String {
        switch cause {
        case .afterHoursArrivals(let share, let window): "\(share) of leads arrive outside \(window.text) and queue until the pod opens"
        case .podHoursDifferFromArrivals(let hours, let zone): "the pod works \(hours.text) (\(zone)) rather than the arrival window"
        case .calendarClockRunsWhileClosed: "the calendar clock keeps running overnight and at weekends"
        case .queuesCarryOver: "queues carried over between working days"
        }
    }

    /// `4.2 points`, always with one decimal.
    static func points(_ x: Double) -> String {
        let text = Format.number(x * 100, decimals: 1)
        return (text.contains(".") ? text : text + ".0") + " points"
    }
}
