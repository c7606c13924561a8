/// "What it would take" for a pod short of its target (SPEC §3.3.4): each change applied to
/// today's configuration and evaluated by the same simulation, on the same leads, with the reps
/// it needs and what it costs in FTE against today. Staffing changes — more reps on today's
/// shifts, a new shift where leads arrive and nobody works, reps moved to one, longer days for
/// every rep — and the newest-first policy can be the fix; changes to the promise are tried too,
/// and listed apart.
struct WhatItWouldTake: PodAdvice {
    let sim: GroupSimulator
    let pod: Int
    let today: GroupConfiguration
    let candidates: [GroupConfiguration.Shift]

    var headcount: Int { today.reps(pod) }

    /// Each option and the configuration it was judged in (for the staffing plan).
    typealias Tried = (option: SLAOption, config: GroupConfiguration)

    /// Every change tried, in the order the page lists them.
    func options(
        required: (reps: Int, attainment: Double)?, newest: SimulatedFigures, newestMeets: Bool, achievableMinutes: Double,
        todayLow: Double
    ) -> [Tried] {
        var tried: [Tried] = []
        if let required {
            let config = today.withReps(required.reps, pod: pod)
            tried.append(
                (
                    SLAOption(
                        change: .moreReps, attainment: required.attainment, reps: required.reps, shiftReps: nil, meetsTarget: true,
                        fteChange: fteChange(config)), config
                ))
        }
        // A new shift where leads arrive and nobody works, with the fewest reps that meet the target.
        // A short table (SPEC §3.3.4): the shifts that could be the cheapest to reach the target
        // alone, or, when none does, the one that comes closest; the plan weighs them all.
        // Cheapest first by what their fewest possible reps cost (no fewer keep the pod at most
        // 85% busy), and a shift whose fewest reps cost more than a shift already found is not
        // searched.
        let reach = candidates.map { reachable(adding($0, reps: 1)) }
        let closest = reach.contains { $0.meets } ? nil : reach.indices.max { reach[$0].attainment < reach[$1].attainment }
        let cap = max(4 * headcount, 12)
        let fewest = candidates.map { fewestReps(adding: $0, cap: cap) }
        func floorFTE(_ i: Int) -> Double { Double(fewest[i]) * candidates[i].hours.weeklyHours / contract }
        let order = candidates.indices.filter { reach[$0].meets || $0 == closest }.sorted { floorFTE($0) < floorFTE($1) }
        var cheapest: (fte: Double, reps: Int)?
        var meeting: [Int: (reps: Int, attainment: Double)] = [:]
        var short: [Int] = []
        for i in order {
            if let cheapest, (floorFTE(i), fewest[i]) > (cheapest.fte + 1e-9, cheapest.reps) { continue }
            func with(_ k: Int) -> GroupConfiguration { adding(candidates[i], reps: k) }
            guard reach[i].meets else {
                short.append(i)
                continue
            }
            // No more reps than would cost what the cheapest shift found costs.
            let perRep = candidates[i].hours.weeklyHours / contract
            let affordable = cheapest.map { min(cap, Int(($0.fte + 1e-9) / perRep)) } ?? cap
            guard let needed = search.smallest(above: fewest[i] - 1, first: fewest[i], cap: affordable, with) else {
                if affordable == cap { short.append(i) }
                continue
            }
            meeting[i] = (needed.0, needed.1)
            let cost = (fte: fteChange(with(needed.0)), reps: needed.0)
            if cheapest == nil || (cost.fte, cost.reps) < (cheapest!.fte - 1e-9, cheapest!.reps) { cheapest = cost }
        }
        // A shift that cannot meet the target is shown with a couple of reps; it is listed only
        // when none can meet it, and then only the one that comes closest with them: the rest
        // would be rows of "no". (The search's runs at those reps are kept, so asking is cheap.)
        let few = max(1, min(2, headcount))
        var listed = Set(meeting.keys)
        var shortfall: (shift: Int, attainment: Double)?
        if meeting.isEmpty {
            for i in short {
                let attainment = search.meets(adding(candidates[i], reps: few)).attainment
                if shortfall == nil || (attainment, -i) > (shortfall!.attainment, -shortfall!.shift) { shortfall = (i, attainment) }
            }
            if let shortfall { listed = [shortfall.shift] }
        }
        // Listed in the candidates' own order; the most useful new shift is the one meeting the
        // target with the fewest reps (the first of equals), else the one that comes closest.
        var bestShift: GroupConfiguration.Shift?
        var bestReps = Int.max
        for (i, candidate) in candidates.enumerated() where listed.contains(i) {
            let needed = meeting[i]
            let shown = needed?.reps ?? few
            let attainment = needed?.attainment ?? shortfall?.attainment ?? 0
            let config = adding(candidate, reps: shown)
            tried.append(
                (
                    SLAOption(
                        change: .addShift(name: candidate.name, hours: candidate.hours), attainment: attainment,
                        reps: needed.map { headcount + $0.reps }, shiftReps: shown, meetsTarget: needed != nil,
                        fteChange: fteChange(config)), config
                ))
            if needed == nil || shown < bestReps {
                bestShift = candidate
                bestReps = needed == nil ? Int.max : shown
            }
        }
        // Reps moved from today's largest shift to the most useful new one: no FTE added for
        // the same hours.
        if let target = bestShift,
            let from = today.pods[pod].indices.max(by: { today.pods[pod][$0].reps < today.pods[pod][$1].reps }),
            today.pods[pod][from].reps >= 2
        {
            func moved(_ m: Int) -> GroupConfiguration { adding(target, reps: m).adding(-m, toShift: from, pod: pod) }
            // As many as can move without closing an hour today's staffing works.
            let most = (1..<today.pods[pod][from].reps).last { sim.keepsHours(pod, in: moved($0), of: today) } ?? 0
            if most > 0, canMeet(moved(1)), let found = search.smallest(above: 0, first: 1, cap: most, moved) {
                let config = moved(found.0)
                tried.append(
                    (
                        SLAOption(
                            change: .moveReps(from: today.pods[pod][from].name, to: target.name, hours: target.hours), attainment: found.1,
                            reps: headcount, shiftReps: found.0, meetsTarget: true, fteChange: fteChange(config)), config
                    ))
            }
        }
        // Longer days for every rep, when no other staffing change reaches the target: costed as
        // the longer shift it is for each of them.
        let hours = group.hours(pod, in: today)
        if !tried.contains(where: { $0.option.meetsTarget }), let longer = extendedHours(hours) {
            let config = everyone(working: longer)
            let judged = search.meets(config)
            tried.append(
                (
                    SLAOption(
                        change: .longerDays(hours: longer), attainment: judged.attainment, reps: judged.meets ? headcount : nil,
                        shiftReps: nil, meetsTarget: judged.meets, fteChange: fteChange(config)), config
                ))
        }
        tried.append(
            (
                SLAOption(
                    change: .newestFirst, attainment: newest.attainment, reps: newestMeets ? headcount : nil, shiftReps: nil,
                    meetsTarget: newestMeets, fteChange: 0), today
            ))
        tried += promises(achievableMinutes: achievableMinutes, todayLow: todayLow)
        return tried
    }

    /// Changes to the promise, with today's staffing: the business clock, the SLA today's
    /// staffing keeps, the target it reaches. Never the fix (SPEC §3.3.4).
    func promises(achievableMinutes: Double, todayLow: Double) -> [Tried] {
        var tried: [Tried] = []
        let serving = search.serving(today)
        if serving.contains(where: { !today.businessClock[$0] }) {
            var config = today
            for c in serving { config.businessClock[c] = true }
            let judged = search.meets(config)
            tried.append(
                (
                    SLAOption(
                        change: .businessClock, attainment: judged.attainment, reps: judged.meets ? headcount : nil, shiftReps: nil,
                        meetsTarget: judged.meets, fteChange: 0), config
                ))
        }
        let slas = serving.map { group.channel($0).sla }
        if achievableMinutes.isFinite, let longest = slas.max(by: { $0.calendarSeconds < $1.calendarSeconds }),
            achievableMinutes * 60 > Double(longest.calendarSeconds) + 1
        {
            let sla = Self.tidy(minutes: achievableMinutes)
            var config = today
            config.sla = group.channels.indices.map { serving.contains($0) ? sla : nil }
            let judged = search.meets(config)
            tried.append(
                (
                    SLAOption(
                        change: .longerSLA(sla), attainment: judged.attainment, reps: judged.meets ? headcount : nil, shiftReps: nil,
                        meetsTarget: judged.meets, fteChange: 0), config
                ))
        }
        let lower = Percent(basisPoints: max(0, Int((todayLow * 100).rounded(.down)) * 100))
        if lower.basisPoints > 0 {
            let busy = sim.utilisation(pod, in: today) <= SLAStatus.busyLimit
            tried.append(
                (
                    SLAOption(
                        change: .lowerTarget(lower), attainment: todayLow, reps: busy ? headcount : nil, shiftReps: nil, meetsTarget: busy,
                        fteChange: 0), today
                ))
        }
        return tried
    }

    /// A first-touch time as a promise would be written: 5-minute steps under an hour,
    /// 15-minute steps under 8 hours, whole hours beyond.
    static func tidy(minutes: Double) -> ResponseDuration {
        let m = Int(minutes.rounded(.up))
        let step = m < 60 ? 5 : m < 480 ? 15 : 60
        let total = (m + step - 1) / step * step
        return ResponseDuration(hours: total / 60, minutes: total % 60)
    }

    /// Today's configuration with a new shift of `k` reps (or more reps on it, when it is one
    /// of today's).
    func adding(_ shift: GroupConfiguration.Shift, reps k: Int) -> GroupConfiguration {
        var config = today
        if let i = config.pods[pod].firstIndex(where: { $0.hours == shift.hours }) {
            config.pods[pod][i].reps += k
        } else {
            config.pods[pod].append(GroupConfiguration.Shift(name: shift.name, hours: shift.hours, reps: k))
        }
        return config
    }

    /// The fewest reps on a new shift (at least one) with which the pod is at most 85% busy: no
    /// fewer can meet the target. `cap` when none up to it is.
    func fewestReps(adding shift: GroupConfiguration.Shift, cap: Int) -> Int {
        (1...max(1, cap)).first { sim.utilisation(pod, in: adding(shift, reps: $0)) <= SLAStatus.busyLimit } ?? max(1, cap)
    }

    /// Today's reps, every one working `hours`.
    func everyone(working hours: WeeklyHours) -> GroupConfiguration {
        var config = today
        config.pods[pod] = [GroupConfiguration.Shift(name: "Everyone", hours: hours, reps: headcount)]
        return config
    }

    /// An option's attainment to ±1 point, like every figure the page shows (SPEC §3.3.3): the
    /// search settled it only as far as "meets or not".
    func precise(_ tried: Tried) -> SLAOption {
        guard tried.option.change != .newestFirst else { return tried.option }  // already the newest-first run's figure
        if case .lowerTarget = tried.option.change { return tried.option }  // today's own figure
        var option = tried.option
        option.attainment = sim.run(tried.config, stop: .precise(pod: pod), for: .whatIfFigures).pods[pod].attainment
        return option
    }

    /// Whether any headcount could meet the target in `config`: unlimited reps, wherever the
    /// pod works, reach every channel's target (one replica: unlimited reps leave only the
    /// arrivals to chance, and a yes here only opens the search).
    func canMeet(_ config: GroupConfiguration) -> Bool { reachable(config).meets }

    /// The same, with the pod's attainment under unlimited reps.
    func reachable(_ config: GroupConfiguration) -> (meets: Bool, attainment: Double) {
        let r = Ceiling.run(sim, config, pod: pod, replicas: 1)
        let meets = group.channels.indices.allSatisfy { c in
            let cell = r.cells[c, pod]
            return cell.replicas == 0 || cell.attainment >= group.channel(c).target - 0.005
        }
        return (meets, r.pods[pod].attainment)
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
        guard let widest = candidates.last, canMeet(everyone(working: widest)) else { return nil }
        var (low, high) = (-1, candidates.count - 1)
        while high - low > 1 {
            let mid = (low + high) / 2
            if canMeet(everyone(working: candidates[mid])) { high = mid } else { low = mid }
        }
        return candidates[high]
    }

    /// The fix (SPEC §3.3.4): the staffing or policy change that meets the target with the fewest
    /// FTE added (ties: fewer reps); nil when only a change of promise would.
    static func fix(_ options: [SLAOption]) -> SLAOption? {
        options.filter { $0.kind != .promise && $0.meetsTarget && $0.reps != nil }
            .min { ($0.fteChange, $0.reps ?? .max) < ($1.fteChange, $1.reps ?? .max) }
    }
}
