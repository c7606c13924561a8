import Foundation

/// One pod's SLA model from its group's runs (SPEC §3.3): the in-hours reference, the verdict
/// per channel and why, the ceiling, the staffing that meets the target under the real calendar,
/// newest first, the achievable response time, what it would take and the staffing curve.
struct PodPlanner {
    let sim: GroupSimulator
    /// The pod (local to the group).
    let pod: Int
    let today: GroupConfiguration
    /// Today's figures, and the newest-first comparison.
    let base: GroupFigures
    let lifo: GroupFigures

    var group: PodGroup { sim.group }
    var setup: BriefNetwork.Pod { group.pod(pod) }
    var search: StaffingSearch { StaffingSearch(sim: sim, pod: pod) }

    mutating func model(share: Double) -> PodSLA {
        let name = setup.name
        let serving = search.serving(today)
        let hours = group.hours(pod, in: today)
        let zone = setup.zone
        let clock: Brief.SLAClock = serving.contains { group.channel($0).clock == .calendar } ? .calendar : .business
        let target = serving.map { group.channel($0).target }.max() ?? group.network.brief.targetAttainment.fraction
        let agents = sim.agents(pod, in: today)

        // The in-hours reference (SPEC §3.3.1).
        let reference = SLAPlanner.inHoursReference(sim, today, pod: pod, channels: serving, agents: agents)

        // Workload against the pod's own hours (SPEC §3.3.4).
        let workload = sim.workload(pod, in: today)
        let openHours = sim.openHoursPerWeek(pod, hours)
        let capacity = sim.capacity(pod, in: today)
        let util = sim.utilisation(pod, in: today)
        // With shifts a productive rep adds the hours of the shift they join: on average,
        // today's capacity over today's productive reps.
        let hoursPerAgent = agents > 0 ? capacity / Double(agents) : openHours
        let moreAgents = util >= 1 && hoursPerAgent > 0 ? Int(((workload - capacity) / hoursPerAgent).rounded(.down)) + 1 : nil

        // Verdict per channel, then the pod's.
        var reasons: [SLAReason] = []
        var channels: [ChannelSLA] = []
        var status = SLAStatus.meets
        for c in serving {
            let channel = group.channel(c)
            let figures = base.cells[c, pod]
            guard figures.replicas > 0 else { continue }
            // This pod's own figures and workload: another pod of a rotation that cannot keep up
            // has its own verdict, and does not make this pod's on-time leads a breach.
            let verdict = SLAStatus.judge(figures, target: channel.target, utilisation: util)
            status = max(status, verdict)
            let ref = reference.channels[c] ?? (0, .pooled)
            channels.append(
                ChannelSLA(
                    rule: channel.rule, responseSLA: channel.sla, clock: channel.clock, target: channel.target, simulated: figures,
                    status: verdict, reference: ref.attainment, referenceModel: ref.model))
            let rule = serving.count > 1 ? channel.rule : nil
            if figures.attainment < channel.target - SLAStatus.tolerance {
                reasons.append(.belowTarget(pod: name, rule: rule, simulated: figures.attainment, target: channel.target))
            } else if figures.low < channel.target - SLAStatus.tolerance {
                reasons.append(.uncertain(pod: name, rule: rule, low: figures.low, high: figures.high, target: channel.target))
            }
        }
        if let moreAgents {
            status = .breach
            reasons.insert(.queueGrowsWithoutBound(pod: name, utilisation: util, moreAgents: moreAgents), at: 0)
        } else if util > SLAStatus.busyLimit {
            reasons.append(.utilisationAboveLimit(pod: name, utilisation: util))
        }
        if serving.contains(where: { base.cells[$0, pod].capped }) {
            reasons.append(.replicaCap(pod: name, replicas: base.replicas))
        }

        // The ceiling: the same router with as many reps in this pod as leads could want.
        let unlimited = Ceiling.run(sim, today, pod: pod, replicas: min(base.replicas, 4))
        // More reps never hurt: the ceiling is at least today's figure (replicas differ).
        let ceiling = max(unlimited.pods[pod].attainment, base.pods[pod].attainment)
        // The channel unlimited reps leave furthest short of its target: the verdict rests on it.
        var limiting: (channel: Int, ceiling: Double, shortfall: Double)?
        for c in serving {
            let cell = unlimited.cells[c, pod]
            guard cell.replicas > 0 else { continue }
            let best = max(cell.attainment, base.cells[c, pod].attainment)
            let shortfall = group.channel(c).target - best
            if shortfall > SLAStatus.tolerance, shortfall > (limiting?.shortfall ?? 0) { limiting = (c, best, shortfall) }
        }
        var required: (reps: Int, attainment: Double)?
        if let limiting {
            // Why the channel the verdict rests on is out of reach of headcount.
            let channel = group.channel(limiting.channel)
            var causes: [SLAReason.CeilingCause] = []
            if channel.windowHours != hours || channel.hasAfterHours || !group.network.brief.holidays.isEmpty {
                causes.append(.closedWhenLeadsArrive(hours: hours, zone: zone))
            }
            if channel.clock == .calendar { causes.append(.calendarClockRunsWhileClosed) }
            reasons.append(
                .noHeadcountReaches(
                    pod: name, rule: serving.count > 1 ? channel.rule : nil, ceiling: limiting.ceiling, target: channel.target,
                    causes: causes))
        } else {
            // Today's headcount was judged on the base run: no probe needed there.
            required = search.requiredReps(today, today: setup.reps, atToday: (status == .meets, base.pods[pod].attainment))
        }

        // Newest first: recommended only when it is safe (SPEC §3.3.4).
        let fcfs = base.pods[pod]
        let newest = lifo.pods[pod]
        let newestMeets = serving.allSatisfy { c in
            let cell = lifo.cells[c, pod]
            return cell.replicas == 0 || cell.attainment >= group.channel(c).target - SLAStatus.tolerance
        }
        let recommend =
            util < 1 && (newestMeets || newest.attainment - fcfs.attainment >= 0.05) && newest.overAWeek <= 0.01 && status != .meets
        if recommend {
            reasons.append(.newestFirstHelps(pod: name, newestFirst: newest.attainment, earliestDeadline: fcfs.attainment))
        }
        reasons = SLAPlanner.leadingFirst(reasons)

        // The response time the target share gets today.
        var waits = base.podWaits.isEmpty ? [] : base.podWaits[pod]
        let achievable = waits.isEmpty ? 0 : Quantile.select(&waits, target) / 60

        // What it would take, and the staffing plan, for a pod that does not meet its target.
        var options: [SLAOption] = []
        var fix: SLAOption?
        var plan: StaffingPlan?
        if status != .meets {
            let candidates = CandidateShifts.candidates(group, pod: pod, today: today)
            let advice = WhatItWouldTake(sim: sim, pod: pod, today: today, candidates: candidates)
            let tried = advice.options(
                required: required, newest: newest, newestMeets: newestMeets, achievableMinutes: achievable,
                todayLow: base.pods[pod].low)
            // Every figure in the table to ±1 point, like the verdict's (SPEC §3.3.3): the search
            // settled each only as far as "meets or not".
            options = tried.map(advice.precise)
            fix = WhatItWouldTake.fix(options)
            // Longer days for every rep are not a shift anyone is hired to: the plan is built from
            // today's shifts and the candidates, each at most a working day.
            let single = tried.filter {
                guard $0.option.kind == .staffing, $0.option.meetsTarget else { return false }
                if case .longerDays = $0.option.change { return false }
                return true
            }.map(\.config)
            let found = StaffingPlanSearch(sim: sim, pod: pod, today: today, candidates: candidates).plan(
                singleChanges: single, coverageShort: limiting != nil || required == nil)
            plan = found
            // The plan is the fix when it meets the target for fewer FTE than any single change.
            let planChange = found.fte - found.fteToday
            if found.meetsTarget, planChange < (fix?.fteChange ?? .infinity) - 0.05 {
                let option = SLAOption(
                    change: .staffingPlan, attainment: found.simulated.attainment, reps: found.headcount, shiftReps: nil, meetsTarget: true,
                    fteChange: planChange)
                options.insert(option, at: 0)
                fix = option
            }
        }

        // Each shift's cost and load (SPEC §2.4).
        let profile = sim.weekProfile(pod, in: today)
        let contract = group.network.contractHours
        let loads = sim.shiftWorkloads(pod, in: today, work: profile.work)
        let shifts = today.pods[pod].enumerated().map { k, shift in
            let agents = group.agents(pod, reps: shift.reps)
            let capacity = Double(agents) * sim.openHoursPerWeek(pod, shift.hours)
            return ShiftSLA(
                name: shift.name, hours: shift.hours, reps: shift.reps, agents: agents,
                repHoursPerWeek: Double(shift.reps) * shift.hours.weeklyHours,
                fte: Double(shift.reps) * shift.hours.weeklyHours / contract, capacityHoursPerWeek: capacity,
                workloadHoursPerWeek: loads[k],
                utilisation: capacity > 0 ? loads[k] / capacity : (loads[k] > 0 ? .infinity : 0))
        }
        let todayAgents = sim.agentsByHour(pod, in: today)
        let grid = WeekGrid(leadsPerHour: profile.leads, agentsToday: todayAgents, agentsInPlan: plan?.grid.agentsInPlan ?? todayAgents)

        let curve = StaffingCurve(sim: sim, pod: pod, today: today).points(
            required: required?.reps, todayFigure: base.pods[pod], reference: reference)
        let briefPod = group.network.brief.pods[group.pods[pod]]
        return PodSLA(
            name: name, role: setup.role, reps: setup.reps, shrinkage: setup.shrinkage, agents: agents,
            shifts: shifts, fte: today.fte(pod, contract: contract), share: share, hours: hours,
            timezone: zone, clock: clock, arrivalsPerHour: reference.arrivalsPerHour, offeredLoad: reference.load,
            occupancy: reference.occupancy, probabilityOfWait: reference.probabilityOfWait, attainment: reference.attainment,
            averageSpeedOfAnswerMinutes: reference.asaMinutes, requiredAgents: reference.requiredAgents,
            requiredReps: reference.requiredAgents.flatMap { ErlangC.requiredReps(agents: $0, shrinkage: briefPod.shrinkage) },
            workloadHoursPerWeek: workload, capacityHoursPerWeek: capacity, utilisation: util, moreAgentsToKeepUp: moreAgents,
            simulated: fcfs, newestFirst: newest, recommendNewestFirst: recommend, requiredRepsSimulated: required?.reps,
            bestAttainment: ceiling, achievableFirstTouchMinutes: achievable, options: options, fix: fix, channels: channels,
            status: status, reasons: reasons, staffingCurve: curve, plan: plan, grid: grid)
    }
}
