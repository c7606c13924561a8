import Foundation

extension SLAPlanner {
    /// One pod's SLA model from its group's runs.
    mutating func podModel(
        _ p: Int, local: Int, share: Double, group: inout Group, base: ReplicatedRun.Result, lifo: ReplicatedRun.Result
    ) -> PodSLA {
        let pod = brief.pods[p]
        let net = group.network
        let simPod = net.pods[local]
        let hours = pod.hours ?? brief.hours
        let zone = pod.timezone ?? brief.timezone
        let serving = net.channels.indices.filter { Self.fraction(net, $0, local) > 0 }
        let clock: Brief.SLAClock = serving.contains { net.channels[$0].clock == .calendar } ? .calendar : .business
        let target = serving.map { net.channels[$0].target }.max() ?? brief.targetAttainment.fraction

        // The in-hours reference (SPEC §3.3.1).
        let reference = inHoursReference(local, group: group, channels: serving, agents: simPod.agents)

        // Workload against the pod's own hours (SPEC §3.3.4).
        let workload = Self.workload(net, local)
        let openHours = openHoursPerWeek(simPod)
        let capacity = Double(simPod.agents) * openHours
        let util = utilisation(net, local)
        let moreAgents = util >= 1 && openHours > 0 ? Int((workload / openHours).rounded(.down)) + 1 - simPod.agents : nil

        // Verdict per channel, then the pod's.
        var reasons: [SLAReason] = []
        var channels: [ChannelSLA] = []
        var status = SLAStatus.meets
        for c in serving {
            let channel = net.channels[c]
            let figures = base.cells[c * net.pods.count + local]
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
            if figures.attainment < channel.target - 1e-9 {
                reasons.append(.belowTarget(pod: pod.name, rule: rule, simulated: figures.attainment, target: channel.target))
            } else if figures.low < channel.target - 1e-9 {
                reasons.append(.uncertain(pod: pod.name, rule: rule, low: figures.low, high: figures.high, target: channel.target))
            }
        }
        if let moreAgents {
            status = .breach
            reasons.insert(.queueGrowsWithoutBound(pod: pod.name, utilisation: util, moreAgents: moreAgents), at: 0)
        } else if util > SLAStatus.busyLimit {
            reasons.append(.utilisationAboveLimit(pod: pod.name, utilisation: util))
        }
        if serving.contains(where: { base.cells[$0 * net.pods.count + local].capped }) {
            reasons.append(.replicaCap(pod: pod.name, replicas: base.replicas))
        }

        // The ceiling and the staffing that meets the target under the real calendar.
        // The ceiling: the same router with as many reps in this pod as leads could want.
        let unlimited = unlimitedRun(net, local, group: &group, replicas: min(base.replicas, 4), groupNetwork: true)
        // More reps never hurt: the ceiling is at least today's figure (replicas differ).
        let ceiling = max(unlimited.pods[local].attainment, base.pods[local].attainment)
        // The channel unlimited reps leave furthest short of its target: the verdict rests on it.
        var limiting: (channel: Int, ceiling: Double, shortfall: Double)?
        for c in serving {
            let cell = unlimited.cells[c * net.pods.count + local]
            let today = base.cells[c * net.pods.count + local]
            guard cell.replicas > 0 else { continue }
            let best = max(cell.attainment, today.attainment)
            let shortfall = net.channels[c].target - best
            if shortfall > 1e-9, shortfall > (limiting?.shortfall ?? 0) { limiting = (c, best, shortfall) }
        }
        var required: (Int, Double)?
        if let limiting {
            // Why the channel the verdict rests on is out of reach of headcount.
            let c = limiting.channel
            let channel = net.channels[c]
            var causes: [SLAReason.CeilingCause] = []
            if windowHours[group.channels[c]] != hours || channel.streams.count > 1 || !brief.holidays.isEmpty {
                causes.append(.closedWhenLeadsArrive(hours: hours, zone: zone))
            }
            if channel.clock == .calendar { causes.append(.calendarClockRunsWhileClosed) }
            reasons.append(
                .noHeadcountReaches(
                    pod: pod.name, rule: serving.count > 1 ? channel.rule : nil, ceiling: limiting.ceiling, target: channel.target,
                    causes: causes))
        } else {
            // Today's headcount was judged on the base run: no probe needed there.
            required = requiredReps(
                net, local, today: pod.reps, shrinkage: pod.shrinkage, group: &group,
                atToday: (status == .meets, base.pods[local].attainment), groupNetwork: true)
        }

        // Newest first: recommended only when it is safe (SPEC §3.3.4).
        let fcfs = base.pods[local]
        let newest = lifo.pods[local]
        let newestMeets = serving.allSatisfy { c in
            let cell = lifo.cells[c * net.pods.count + local]
            return cell.replicas == 0 || cell.attainment >= net.channels[c].target - 1e-9
        }
        let recommend =
            util < 1 && (newestMeets || newest.attainment - fcfs.attainment >= 0.05) && newest.overAWeek <= 0.01
            && status != .meets
        if recommend {
            reasons.append(.newestFirstHelps(pod: pod.name, newestFirst: newest.attainment, earliestDeadline: fcfs.attainment))
        }

        reasons = Self.leadingFirst(reasons)

        // The response time the target share gets today.
        var waits = base.podWaits.isEmpty ? [] : base.podWaits[local]
        let achievable = waits.isEmpty ? 0 : Quantile.select(&waits, target) / 60

        // What it would take, for a pod that does not meet its target.
        var options: [SLAOption] = []
        var fix: SLAOption?
        if status != .meets {
            options = whatItWouldTake(
                local, group: &group, pod: pod, hours: hours, required: required, newest: newest, newestMeets: newestMeets)
            let cheapest = Self.cheapest(options, today: pod.reps).flatMap { options.firstIndex(of: $0) }
            // Every figure in the table to ±1 point, like the verdict's (SPEC §3.3.3): the search
            // settled each only as far as "meets or not".
            for i in options.indices { options[i] = precise(options[i], local, group: &group, pod: pod) }
            fix = cheapest.map { options[$0] }
        }

        return PodSLA(
            name: pod.name, role: pod.role, reps: pod.reps, shrinkage: pod.shrinkage, agents: simPod.agents, share: share, hours: hours,
            timezone: zone, clock: clock, arrivalsPerHour: reference.arrivalsPerHour, offeredLoad: reference.load,
            occupancy: reference.occupancy, probabilityOfWait: reference.probabilityOfWait, attainment: reference.attainment,
            averageSpeedOfAnswerMinutes: reference.asaMinutes, requiredAgents: reference.requiredAgents,
            requiredReps: reference.requiredAgents.flatMap { ErlangC.requiredReps(agents: $0, shrinkage: pod.shrinkage) },
            workloadHoursPerWeek: workload, capacityHoursPerWeek: capacity, utilisation: util, moreAgentsToKeepUp: moreAgents,
            simulated: fcfs, newestFirst: newest, recommendNewestFirst: recommend, requiredRepsSimulated: required?.0,
            bestAttainment: ceiling, achievableFirstTouchMinutes: achievable, options: options, fix: fix, channels: channels,
            status: status, reasons: reasons,
            staffingCurve: staffingCurve(
                local, group: &group, pod: pod, required: required?.0, today: base.pods[local].attainment, reference: reference))
    }

    /// The reasons with the one that explains the verdict and its fix first (the page's "Why"):
    /// a queue that cannot keep up; then a target no headcount reaches (so the fix is not reps);
    /// then the channel furthest short; the rest after, each kind in the order found.
    static func leadingFirst(_ reasons: [SLAReason]) -> [SLAReason] {
        func rank(_ reason: SLAReason) -> (Int, Double) {
            switch reason {
            case .queueGrowsWithoutBound: (0, 0)
            case .noHeadcountReaches: (1, 0)
            case .belowTarget(_, _, let simulated, _): (2, simulated)
            case .uncertain(_, _, let low, _, _): (3, low)
            case .utilisationAboveLimit: (4, 0)
            case .newestFirstHelps: (5, 0)
            case .replicaCap: (6, 0)
            case .namedOwners: (7, 0)
            case .passedOver: (8, 0)
            }
        }
        return reasons.enumerated().sorted { a, b in
            let (x, y) = (rank(a.element), rank(b.element))
            return (x.0, x.1, a.offset) < (y.0, y.1, b.offset)
        }.map(\.element)
    }

    /// Each change, simulated: the attainment it reaches with today's reps and the reps it needs.
    mutating func whatItWouldTake(
        _ p: Int, group: inout Group, pod: Brief.Pod, hours: WeeklyHours, required: (Int, Double)?, newest: SimulatedFigures,
        newestMeets: Bool
    ) -> [SLAOption] {
        let net = group.network
        var options: [SLAOption] = []
        if let required {
            options.append(SLAOption(change: .moreReps, attainment: required.1, reps: required.0, meetsTarget: true))
        }
        func tryChange(_ change: SLAChange) {
            let variant = network(net, p, with: change, pod: pod)
            let today = meets(variant, p, group: &group)
            var reps: Int? = today.meets ? pod.reps : nil
            if !today.meets, canMeet(variant, p, group: &group) {
                // Another change rarely needs more reps than today's hours do: try that first.
                reps =
                    requiredReps(
                        variant, p, today: pod.reps, shrinkage: pod.shrinkage, group: &group, atToday: today, hint: required?.0)?.0
            }
            options.append(SLAOption(change: change, attainment: today.attainment, reps: reps, meetsTarget: today.meets))
        }
        let serving = net.channels.indices.filter { Self.fraction(net, $0, p) > 0 }
        // Pod hours that also cover the arrival windows.
        let covering = serving.reduce(hours) { $0.union(windowHours[group.channels[$1]]) }
        if covering != hours { tryChange(.coverArrivalWindow(hours: covering)) }
        // Weekend coverage.
        if !hours.coversWeekends, hours.withWeekends != hours { tryChange(.weekendCoverage(hours: hours.withWeekends)) }
        // Longer days, every day, when nothing above reaches the target with today's hours.
        if !options.contains(where: \.meetsTarget), let longer = extendedHours(net, p, hours: hours, group: &group, pod: pod) {
            tryChange(.extendedHours(hours: longer))
        }
        // The business clock, when a channel runs on the calendar clock.
        if serving.contains(where: { net.channels[$0].clock == .calendar }) { tryChange(.businessClock) }
        options.append(
            SLAOption(change: .newestFirst, attainment: newest.attainment, reps: newestMeets ? pod.reps : nil, meetsTarget: newestMeets))
        return options
    }

    /// `net` with one change made to pod `p`, at today's headcount (more reps: at the option's).
    func network(_ net: RouterNetwork, _ p: Int, with change: SLAChange, pod: Brief.Pod, reps: Int? = nil) -> RouterNetwork {
        switch change {
        case .moreReps:
            return staffed(net, p, reps: reps ?? pod.reps, shrinkage: pod.shrinkage)
        case .coverArrivalWindow(let hours), .weekendCoverage(let hours), .extendedHours(let hours):
            return rehoured(net, p, hours, pod)
        case .businessClock:
            var variant = net
            for c in net.channels.indices where Self.fraction(net, c, p) > 0 { variant.channels[c].clock = .business }
            return variant
        case .newestFirst:
            return net
        }
    }

    /// An option's attainment to ±1 point, like every figure the page shows (SPEC §3.3.3): the
    /// search settled it only as far as "meets or not". Hours and clock changes at today's reps,
    /// more reps at the reps it needs.
    mutating func precise(_ option: SLAOption, _ p: Int, group: inout Group, pod: Brief.Pod) -> SLAOption {
        guard option.change != .newestFirst else { return option }  // already the newest-first run's figure
        var precise = option
        let variant = network(group.network, p, with: option.change, pod: pod, reps: option.reps)
        // More reps is the group's own network at another headcount: its replicas are shared.
        let staffing = option.change == .moreReps ? variant.pods.map(\.agents) : nil
        precise.attainment =
            group.run.run(variant, order: .earliestDeadline, stop: .preciseAt(pod: p), for: .whatIfFigures, staffing: staffing)
            .pods[p].attainment
        return precise
    }

    /// Whether any headcount could meet the target in `net`: unlimited reps reach every
    /// channel's target (two replicas; a yes here only opens the search).
    mutating func canMeet(_ net: RouterNetwork, _ p: Int, group: inout Group) -> Bool {
        let r = unlimitedRun(net, p, group: &group, replicas: 2)
        return net.channels.indices.allSatisfy { c in
            let cell = r.cells[c * net.pods.count + p]
            return cell.replicas == 0 || cell.attainment >= net.channels[c].target - 0.005
        }
    }

    /// The group's figures with pod `p` never short of reps: worked out directly where only
    /// this pod takes its leads; else simulated with the pod at most 5% busy.
    /// `groupNetwork`: `net` is the group's own network, so its runs are shared.
    mutating func unlimitedRun(_ net: RouterNetwork, _ p: Int, group: inout Group, replicas: Int, groupNetwork: Bool = false)
        -> ReplicatedRun.Result
    {
        if let direct = group.run.unlimitedCeiling(net, pod: p, replicas: replicas) { return direct }
        let variant = unlimited(net, p)
        return group.run.run(
            variant, order: .earliestDeadline, stop: .replicas(replicas), for: .ceiling,
            staffing: groupNetwork ? variant.pods.map(\.agents) : nil)
    }

    /// `net` with pod `p` staffed so it is never short of reps: at most 5% busy.
    func unlimited(_ net: RouterNetwork, _ p: Int) -> RouterNetwork {
        var copy = net
        let hours = max(openHoursPerWeek(net.pods[p]), 1e-9)
        copy.pods[p].agents = min(2_000, max(net.pods[p].agents, Int((Self.workload(net, p) / hours * 20).rounded(.up)) + 1))
        return copy
    }

    /// The shortest daily hours on all seven days, widened an hour at a time around today's,
    /// with which unlimited reps would reach every channel's target; nil when none does.
    mutating func extendedHours(_ net: RouterNetwork, _ p: Int, hours: WeeklyHours, group: inout Group, pod: Brief.Pod)
        -> WeeklyHours?
    {
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
        guard let widest = candidates.last, canMeet(rehoured(net, p, widest, pod), p, group: &group) else { return nil }
        var (low, high) = (-1, candidates.count - 1)
        while high - low > 1 {
            let mid = (low + high) / 2
            if canMeet(rehoured(net, p, candidates[mid], pod), p, group: &group) { high = mid } else { low = mid }
        }
        return candidates[high]
    }

    /// `net` with pod `p` working other hours.
    func rehoured(_ net: RouterNetwork, _ p: Int, _ hours: WeeklyHours, _ pod: Brief.Pod) -> RouterNetwork {
        var copy = net
        let zone = TimeZone(identifier: pod.timezone ?? brief.timezone) ?? TimeZone(secondsFromGMT: 0)!
        copy.pods[p].calendar = OpenIntervals(
            hours: hours, zone: zone, firstDay: start.adding(days: -1), days: weeks * 7 + 43, closed: Set(brief.holidays + pod.holidays))
        return copy
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

    /// Simulated attainment against reps, with the in-hours reference beside it.
    mutating func staffingCurve(
        _ p: Int, group: inout Group, pod: Brief.Pod, required: Int?, today: Double, reference: Reference
    ) -> [StaffingPoint] {
        let top = max(2 * (required ?? pod.reps), 2 * pod.reps, 2)
        let step = max(1, (top + 5) / 6)
        var points: [StaffingPoint] = []
        var reps = 1
        while reps <= top {
            // Today's headcount is the verdict's own run: the curve passes through the figure the
            // page leads with. Elsewhere each point is simulated to ±1 point; the arrivals are
            // shared, so the curve is smooth.
            let agents = ErlangC.productiveAgents(reps: reps, shrinkage: pod.shrinkage)
            let simulated: Double
            if agents == 0 {
                simulated = 0  // no productive rep: nothing is touched
            } else if reps == pod.reps {
                simulated = today
            } else {
                let variant = staffed(group.network, p, reps: reps, shrinkage: pod.shrinkage)
                simulated =
                    group.run.run(
                        variant, order: .earliestDeadline, stop: .chartPoint(pod: p), for: .staffingCurve,
                        staffing: variant.pods.map(\.agents)
                    ).pods[p].attainment
            }
            points.append(StaffingPoint(reps: reps, simulated: simulated, erlang: reference.attainment(agents: agents)))
            reps += reps < pod.reps && reps + step > pod.reps ? pod.reps - reps : step
        }
        return points
    }
}
