/// "What it would take" for a pod short of its target (SPEC §3.3.4): each change applied to
/// today's configuration and evaluated by the same simulation, on the same leads.
struct WhatItWouldTake {
    let sim: GroupSimulator
    let pod: Int
    let today: GroupConfiguration

    var group: PodGroup { sim.group }
    var search: StaffingSearch { StaffingSearch(sim: sim, pod: pod) }
    var reps: Int { today.reps(pod) }

    /// Each change, simulated: the attainment it reaches with today's reps and the reps it needs.
    func options(required: (reps: Int, attainment: Double)?, newest: SimulatedFigures, newestMeets: Bool) -> [SLAOption] {
        var options: [SLAOption] = []
        if let required {
            options.append(SLAOption(change: .moreReps, attainment: required.attainment, reps: required.reps, meetsTarget: true))
        }
        func tryChange(_ change: SLAChange) {
            let variant = apply(change)
            let atToday = search.meets(variant)
            var needed: Int? = atToday.meets ? reps : nil
            if !atToday.meets, canMeet(variant) {
                // Another change rarely needs more reps than today's hours do: try that first.
                needed = search.requiredReps(variant, today: reps, atToday: atToday, hint: required?.reps)?.reps
            }
            options.append(SLAOption(change: change, attainment: atToday.attainment, reps: needed, meetsTarget: atToday.meets))
        }
        let hours = group.hours(pod, in: today)
        let serving = search.serving(today)
        // Pod hours that also cover the arrival windows.
        let covering = serving.reduce(hours) { $0.union(group.channel($1).windowHours) }
        if covering != hours { tryChange(.coverArrivalWindow(hours: covering)) }
        // Weekend coverage.
        if !hours.coversWeekends, hours.withWeekends != hours { tryChange(.weekendCoverage(hours: hours.withWeekends)) }
        // Longer days, every day, when nothing above reaches the target with today's hours.
        if !options.contains(where: \.meetsTarget), let longer = extendedHours(hours) { tryChange(.extendedHours(hours: longer)) }
        // The business clock, when a channel runs on the calendar clock.
        if serving.contains(where: { group.channel($0).clock == .calendar }) { tryChange(.businessClock) }
        options.append(
            SLAOption(change: .newestFirst, attainment: newest.attainment, reps: newestMeets ? reps : nil, meetsTarget: newestMeets))
        return options
    }

    /// Today's configuration with one change made to the pod (more reps: at `reps`).
    func apply(_ change: SLAChange, reps: Int? = nil) -> GroupConfiguration {
        var config = today
        switch change {
        case .moreReps:
            return today.withReps(reps ?? self.reps, pod: pod)
        case .coverArrivalWindow(let hours), .weekendCoverage(let hours), .extendedHours(let hours):
            config.pods[pod] = config.pods[pod].map { GroupConfiguration.Shift(name: $0.name, hours: hours, reps: $0.reps) }
            if let reps { config = config.withReps(reps, pod: pod) }
        case .businessClock:
            for c in group.channels.indices where sim.share(c, pod, in: today) > 0 { config.businessClock[c] = true }
            if let reps { config = config.withReps(reps, pod: pod) }
        case .newestFirst:
            break
        }
        return config
    }

    /// An option's attainment to ±1 point, like every figure the page shows (SPEC §3.3.3): the
    /// search settled it only as far as "meets or not". Hours and clock changes at today's reps,
    /// more reps at the reps it needs.
    func precise(_ option: SLAOption) -> SLAOption {
        guard option.change != .newestFirst else { return option }  // already the newest-first run's figure
        var precise = option
        let variant = apply(option.change, reps: option.change == .moreReps ? option.reps : nil)
        precise.attainment = sim.run(variant, stop: .precise(pod: pod), for: .whatIfFigures).pods[pod].attainment
        return precise
    }

    /// Whether any headcount could meet the target in `config`: unlimited reps reach every
    /// channel's target (two replicas; a yes here only opens the search).
    func canMeet(_ config: GroupConfiguration) -> Bool {
        let r = Ceiling.run(sim, config, pod: pod, replicas: 2)
        return group.channels.indices.allSatisfy { c in
            let cell = r.cells[c, pod]
            return cell.replicas == 0 || cell.attainment >= group.channel(c).target - 0.005
        }
    }

    /// The shortest daily hours on all seven days, widened an hour at a time around today's,
    /// with which unlimited reps would reach every channel's target; nil when none does.
    func extendedHours(_ hours: WeeklyHours) -> WeeklyHours? {
        let open = hours.days.compactMap { $0.first?.start }.min() ?? 9 * 60
        let close = hours.days.compactMap { $0.last?.end }.max() ?? 17 * 60
        var (start, end) = (open, close)
        var candidates: [WeeklyHours] = []
        while start > 0 || end < 1440 {
            // Widen the evening first: inbound arrives later in the day more than before dawn.
            if end < 1440 { end = min(1440, end + 60) }
            if start > 0, end == 1440 || (end - close) > (open - start) * 2 { start = max(0, start - 60) }
            let day = [WeeklyHours.ClosedOpenMinutes(start: start, end: end)]
            candidates.append(WeeklyHours(days: Array(repeating: day, count: 7)))
        }
        // Each candidate contains the one before, so the ceiling only grows along the list: the
        // first that can meet the target is found by bisection.
        func rehoured(_ h: WeeklyHours) -> GroupConfiguration { apply(.extendedHours(hours: h)) }
        guard let widest = candidates.last, canMeet(rehoured(widest)) else { return nil }
        var (low, high) = (-1, candidates.count - 1)
        while high - low > 1 {
            let mid = (low + high) / 2
            if canMeet(rehoured(candidates[mid])) { high = mid } else { low = mid }
        }
        return candidates[high]
    }

    /// The cheapest change that meets the target: one needing no new reps, in the order of
    /// least disruption (serve newest first, business clock, hours, weekends); else the one
    /// needing the fewest reps.
    static func cheapest(_ options: [SLAOption], today: Int) -> SLAOption? {
        func rank(_ change: SLAChange) -> Int {
            switch change {
            case .newestFirst: 0
            case .businessClock: 1
            case .coverArrivalWindow: 2
            case .weekendCoverage: 3
            case .extendedHours: 4
            case .moreReps: 5
            }
        }
        let free = options.filter(\.meetsTarget).filter { ($0.reps ?? .max) <= today }.min { rank($0.change) < rank($1.change) }
        if let free { return free }
        // At the same headcount, more reps alone beat a change that needs as many reps too.
        func bundle(_ change: SLAChange) -> Int { change == .moreReps ? -1 : rank(change) }
        return options.filter { $0.reps != nil }.min { ($0.reps ?? .max, bundle($0.change)) < ($1.reps ?? .max, bundle($1.change)) }
    }
}
