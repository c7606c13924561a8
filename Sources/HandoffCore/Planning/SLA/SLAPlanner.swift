import Foundation

/// Works out each pod's SLA model (SPEC §3.3): lays the brief out as a `RouterNetwork`, splits it
/// into groups of pods that share leads, simulates each group over replicas, and from that
/// judges each channel and pod and works out the advice: required reps under the real calendar,
/// the ceiling, the achievable response time and what it would take.
struct SLAPlanner {
    let brief: Brief
    let routing: RoutingBlueprint
    let start: CalendarDate
    let weeks = 26
    let startInstant: Double
    let endInstant: Double
    /// The whole brief as the router sees it; pods in the brief's order.
    var network: RouterNetwork
    /// For each network channel, the routing row it comes from.
    var channelRow: [Int] = []
    /// Per channel: the rate (leads an hour) at which its leads arrive inside its arrival
    /// window, for the in-hours reference (SPEC §3.3.1).
    var windowRates: [Double] = []
    /// Per channel: the hours its in-hours leads arrive in, for the hours advice.
    var windowHours: [WeeklyHours] = []
    /// Leads the groups' runs routed, by purpose.
    var work = SimulationWork()
    /// Pods without a productive rep whose rotations pass over them (no figures of their own).
    var passedOver: [SLAReason] = []

    init(_ brief: Brief, routing: RoutingBlueprint) {
        self.brief = brief
        self.routing = routing
        start = brief.launch.map { $0.adding(days: -($0.weekday - 1)) } ?? SLAModel.defaultSimulationStart
        let utc = TimeZone(secondsFromGMT: 0)!
        let briefZone = TimeZone(identifier: brief.timezone) ?? utc
        startInstant = OpenIntervals.instant(start, minutes: 0, briefZone)
        endInstant = OpenIntervals.instant(start.adding(days: weeks * 7), minutes: 0, briefZone)
        var pods: [RouterNetwork.Pod] = []
        for pod in brief.pods {
            let zone = TimeZone(identifier: pod.timezone ?? brief.timezone) ?? briefZone
            let calendar = OpenIntervals(
                hours: pod.hours ?? brief.hours, zone: zone, firstDay: start.adding(days: -1), days: weeks * 7 + 43,
                closed: Set(brief.holidays + pod.holidays))
            pods.append(
                RouterNetwork.Pod(
                    name: pod.name, agents: ErlangC.productiveAgents(reps: pod.reps, shrinkage: pod.shrinkage), calendar: calendar,
                    maxOpen: pod.maxOpen))
        }
        network = RouterNetwork(pods: pods, channels: [], retryLimit: brief.escalation.retryLimit, weeks: weeks)
        for (i, row) in routing.rows.enumerated() where row.share > 0 {
            let rule = brief.routing[i]
            func index(_ name: String) -> Int? { brief.pods.firstIndex { $0.name == name } }
            let route: RouterNetwork.Routing
            switch rule.assignment {
            case .pod(let name):
                guard let p = index(name) else { continue }
                route = .podQueue(pod: p)
            case .roundRobin(let names):
                let indices = names.compactMap(index)
                guard !indices.isEmpty else { continue }
                let weights = names.compactMap { name in index(name).map { _ in row.podShares.first { $0.pod == name }?.share ?? 0 } }
                route = .rotation(pods: indices, weights: weights.allSatisfy { $0 == 0 } ? weights.map { _ in 1 } : weights)
            case .accountOwner(let pod):
                guard let pod, let p = index(pod) else { continue }
                route = .accountOwner(pod: p)
            case .owner, .queue:
                continue
            }
            let c = rule.channel
            let hours = c.arrivals ?? brief.hours
            let zone = TimeZone(identifier: c.timezone ?? brief.timezone) ?? briefZone
            let window = OpenIntervals(hours: hours, zone: zone, firstDay: start, days: weeks * 7)
            let afterHours = OpenIntervals(complementOf: window, from: startInstant, to: endInstant)
            let leadsPerWeek = brief.volume.leadsPerWeek * row.share
            var share = (c.afterHoursShare ?? brief.volume.afterHoursShare).fraction
            // A window with no time outside it: every lead arrives in it (the intake warns).
            if afterHours.total <= 0 { share = 0 }
            let total = leadsPerWeek * Double(weeks)
            // Leads arrive in the rule's window (and outside it, by its after-hours share), only
            // at times its arrival atoms allow and no earlier time-only rule takes (SPEC §2.3).
            var mask = rule.condition.arrivalWindow
            for earlier in brief.routing[..<i] where earlier.condition.isArrivalOnly {
                mask = mask.subtracting(earlier.condition.arrivalWindow)
            }
            var streams: [RouterNetwork.Stream] = []
            var windowRate = 0.0
            let inDensity = window.total > 0 ? (1 - share) / window.total : 0
            let outDensity = share > 0 && afterHours.total > 0 ? share / afterHours.total : 0
            if mask.isFull {
                if window.total > 0 {
                    windowRate = total * inDensity
                    streams.append(.init(intervals: window, ratePerSecond: windowRate))
                }
                if outDensity > 0 { streams.append(.init(intervals: afterHours, ratePerSecond: total * outDensity)) }
            } else {
                let allowed = OpenIntervals(hours: mask.hours, zone: zone, firstDay: start.adding(days: -1), days: weeks * 7 + 2)
                let inside = window.intersection(allowed)
                let outside = afterHours.intersection(allowed)
                let mass = inDensity * inside.total + outDensity * outside.total
                if mass > 0 {
                    if inside.total > 0, inDensity > 0 {
                        windowRate = total * inDensity / mass
                        streams.append(.init(intervals: inside, ratePerSecond: windowRate))
                    }
                    if outside.total > 0, outDensity > 0 {
                        streams.append(.init(intervals: outside, ratePerSecond: total * outDensity / mass))
                    }
                }
            }
            let promise = brief.promise(of: rule)
            network.channels.append(
                RouterNetwork.Channel(
                    rule: rule.name, routing: route, streams: streams,
                    handleSeconds: Double((c.handleTime ?? brief.volume.handleTime).calendarSeconds),
                    sla: promise.sla, clock: promise.clock, target: promise.target.fraction, leadsPerWeek: leadsPerWeek))
            channelRow.append(i)
            windowRates.append(windowRate * 3600)
            // For a time-limited rule, the hours its leads can arrive in are its allowed times.
            windowHours.append(mask.isFull ? hours : mask.hours)
        }
    }

    // MARK: - Groups of pods that share leads

    /// A part of the network simulated on its own: pods linked by channels, and those channels.
    struct Group {
        var pods: [Int]
        var channels: [Int]
        var network: RouterNetwork
        var run: ReplicatedRun
    }

    func groups() -> [Group] {
        var parent = Array(0..<network.pods.count)
        func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]) }
        for channel in network.channels {
            let pods = channel.routing.pods
            for p in pods.dropFirst() { parent[find(p)] = find(pods[0]) }
        }
        var byRoot: [Int: [Int]] = [:]
        for c in network.channels.indices { byRoot[find(network.channels[c].routing.pods[0]), default: []].append(c) }
        return byRoot.keys.sorted().map { root in
            let channels = byRoot[root] ?? []
            let pods = network.pods.indices.filter { find($0) == root }
            var sub = RouterNetwork(pods: pods.map { network.pods[$0] }, channels: [], retryLimit: network.retryLimit, weeks: weeks)
            for c in channels {
                var channel = network.channels[c]
                channel.routing = Self.remap(channel.routing, pods)
                sub.channels.append(channel)
            }
            let seed = "\(brief.segment)/\(pods.map { network.pods[$0].name }.joined(separator: "+"))"
            return Group(pods: pods, channels: channels, network: sub, run: ReplicatedRun(segment: seed, network: sub))
        }
    }

    static func remap(_ routing: RouterNetwork.Routing, _ pods: [Int]) -> RouterNetwork.Routing {
        func local(_ p: Int) -> Int { pods.firstIndex(of: p) ?? 0 }
        switch routing {
        case .podQueue(let p): return .podQueue(pod: local(p))
        case .accountOwner(let p): return .accountOwner(pod: local(p))
        case .rotation(let ps, let w): return .rotation(pods: ps.map(local), weights: w)
        }
    }

    // MARK: - Planning

    mutating func plan() -> [PodSLA] {
        var result: [Int: PodSLA] = [:]
        for var group in groups() {
            let base = group.run.run(group.network, order: .earliestDeadline, stop: .precise, collectWaits: true, for: .verdict)
            // Newest first is advice only for a pod short of its target; where every channel is
            // clear above its target it is a comparison, and the fewest replicas show it.
            let podCount = group.network.pods.count
            let settled = base.cells.indices.allSatisfy { k in
                base.cells[k].replicas == 0 || base.cells[k].low >= group.network.channels[k / podCount].target - 1e-9
            }
            let lifoReplicas = settled ? min(base.replicas, ReplicatedRun.minimumReplicas) : base.replicas
            let lifo = group.run.run(
                group.network, order: .newestFirst, stop: .replicas(lifoReplicas), collectWaits: true, for: .newestFirst)
            for (local, p) in group.pods.enumerated() {
                guard let share = routing.podShares.first(where: { $0.pod == brief.pods[p].name })?.share, share > 0 else { continue }
                if let reason = passedOver(group.network, local) {
                    passedOver.append(reason)
                    continue
                }
                result[p] = podModel(p, local: local, share: routerShare(p), group: &group, base: base, lifo: lifo)
            }
            group.run.work.addOneReplica(leads: group.run.arrivals(0).times.count)
            work.add(group.run.work)
        }
        return brief.pods.indices.compactMap { result[$0] }
    }

    /// Pod `p`'s share of all leads (brief index), as the router splits them (SPEC §3.2).
    func routerShare(_ p: Int) -> Double {
        let total = brief.volume.leadsPerWeek
        guard total > 0 else { return 0 }
        var leads = 0.0
        for c in network.channels.indices {
            guard let k = network.channels[c].routing.pods.firstIndex(of: p) else { continue }
            leads += network.channels[c].leadsPerWeek * network.routerShares(c)[k]
        }
        return leads / total
    }

    /// The pods that receive no leads, with their staffing and why (SPEC §3.3: shown, not dropped).
    func idlePods(modelled: [PodSLA]) -> [IdlePod] {
        brief.pods.indices.compactMap { p in
            let pod = brief.pods[p]
            guard !modelled.contains(where: { $0.name == pod.name }) else { return nil }
            let cause: IdlePod.Cause
            if case .passedOver(_, let takenBy, let why)? = passedOver.first(where: { $0.pod == pod.name }) {
                cause = .passedOver(takenBy: takenBy, cause: why)
            } else {
                let rules = routing.rows.filter { $0.isReachable && $0.assignment.pods.contains(pod.name) }.map(\.name)
                cause = rules.isEmpty ? .noRule : .rulesGetNoShare(rules: rules)
            }
            let agents = network.pods[p].agents
            return IdlePod(
                name: pod.name, role: pod.role, reps: pod.reps, shrinkage: pod.shrinkage, agents: agents, hours: pod.hours ?? brief.hours,
                timezone: pod.timezone ?? brief.timezone, capacityHoursPerWeek: Double(agents) * openHoursPerWeek(network.pods[p]),
                cause: cause)
        }
    }

    /// The share of channel `c`'s leads first assigned to pod `p` (local index in `net`), the
    /// way the router splits them (`RouterNetwork.routerShares`).
    static func fraction(_ net: RouterNetwork, _ c: Int, _ p: Int) -> Double {
        guard let k = net.channels[c].routing.pods.firstIndex(of: p) else { return 0 }
        return net.routerShares(c)[k]
    }

    /// Why pod `p` receives no leads although channels name it, and who takes them: every
    /// channel naming it is a rotation that passes over it. Nil when it receives leads.
    func passedOver(_ net: RouterNetwork, _ p: Int) -> SLAReason? {
        var partners: [Int] = []
        var named = false
        for c in net.channels.indices {
            let pods = net.channels[c].routing.pods
            guard let k = pods.firstIndex(of: p) else { continue }
            // One split per channel: a rotation of pods with different hours is worked out afresh.
            let shares = net.routerShares(c)
            guard shares[k] == 0 else { return nil }
            named = true
            for (j, q) in pods.enumerated() where shares[j] > 0 && !partners.contains(q) { partners.append(q) }
        }
        guard named else { return nil }
        guard let pod = brief.pods.first(where: { $0.name == net.pods[p].name }) else { return nil }
        let cause: SLAReason.PassOverCause =
            net.pods[p].agents == 0
            ? .noProductiveRep(
                reps: pod.reps, shrinkage: pod.shrinkage.fraction, repsForOne: ErlangC.requiredReps(agents: 1, shrinkage: pod.shrinkage))
            : .closedWhenLeadsArrive(hours: pod.hours ?? brief.hours, zone: pod.timezone ?? brief.timezone)
        return .passedOver(pod: pod.name, takenBy: partners.map { net.pods[$0].name }, cause: cause)
    }

    /// Open hours a week of a pod over the simulated weeks (holidays included).
    func openHoursPerWeek(_ pod: RouterNetwork.Pod) -> Double {
        pod.calendar.openSeconds(from: startInstant, to: endInstant) / 3600 / Double(weeks)
    }

    /// Workload hours a week reaching pod `p` (local) of a network.
    static func workload(_ net: RouterNetwork, _ p: Int) -> Double {
        net.channels.indices.reduce(0) { $0 + net.channels[$1].leadsPerWeek * fraction(net, $1, p) * net.channels[$1].handleSeconds / 3600 }
    }

    func utilisation(_ net: RouterNetwork, _ p: Int) -> Double {
        let capacity = Double(net.pods[p].agents) * openHoursPerWeek(net.pods[p])
        let work = Self.workload(net, p)
        return capacity > 0 ? work / capacity : (work > 0 ? .infinity : 0)
    }

    /// Whether every channel serving pod `p` meets its target in a run of `net`, and the pod's
    /// attainment there. A pod more than 85% busy never "meets" (SPEC §3.3.4), so without
    /// `attainment` it is answered without simulating.
    mutating func meets(
        _ net: RouterNetwork, _ p: Int, group: inout Group, order: RouterSimulation.ServiceOrder = .earliestDeadline,
        attainment: Bool = true, staffing: [Int]? = nil
    ) -> (meets: Bool, attainment: Double) {
        let util = utilisation(net, p)
        // Without a productive rep a pod touches nothing (its rotations pass over it).
        guard net.pods[p].agents > 0, util < 1, attainment || util <= SLAStatus.busyLimit else { return (false, 0) }
        let r = group.run.run(net, order: order, stop: .clearOfTargets(pod: p), for: .staffingSearch, staffing: staffing)
        let serving = net.channels.indices.filter { Self.fraction(net, $0, p) > 0 }
        let pods = net.pods.count
        let ok = serving.allSatisfy { c in
            let cell = r.cells[c * pods + p]
            return cell.replicas == 0 || SLAStatus.judge(cell, target: net.channels[c].target, utilisation: util) == .meets
        }
        return (ok, r.pods[p].attainment)
    }

    /// `net` with pod `p` at a headcount.
    func staffed(_ net: RouterNetwork, _ p: Int, reps: Int, shrinkage: Percent) -> RouterNetwork {
        var copy = net
        copy.pods[p].agents = ErlangC.productiveAgents(reps: reps, shrinkage: shrinkage)
        return copy
    }

    /// The smallest headcount of pod `p` that meets the target on every channel it serves, by
    /// bisection (attainment grows with reps), and the attainment there; nil when none up to a
    /// generous cap does.
    /// `atToday`: whether today's headcount meets it, when a run already found out.
    /// `hint`: a headcount likely to meet it (another variant's answer), tried first.
    /// `groupNetwork`: `net` is the group's own network, so runs at a headcount are shared.
    mutating func requiredReps(
        _ net: RouterNetwork, _ p: Int, today: Int, shrinkage: Percent, group: inout Group,
        atToday: (meets: Bool, attainment: Double)? = nil, hint: Int? = nil, groupNetwork: Bool = false
    ) -> (Int, Double)? {
        // Fewer reps than keep the pod at most 85% busy can never meet the target (SPEC §3.3.4).
        guard let fewest = fewestRepsWithinBusyLimit(net, p, shrinkage: shrinkage).map({ max(1, $0) }) else { return nil }
        let cap = max(4 * max(today, fewest), 12, hint ?? 0)
        var low = fewest - 1  // known to fail
        var high = max(today, fewest)
        if let hint, hint > high { high = hint }
        func probe(_ reps: Int) -> (meets: Bool, attainment: Double) {
            if let atToday, reps == today { return atToday }
            let variant = staffed(net, p, reps: reps, shrinkage: shrinkage)
            return meets(variant, p, group: &group, attainment: false, staffing: groupNetwork ? variant.pods.map(\.agents) : nil)
        }
        var found = probe(high)
        while !found.meets {
            low = high
            guard high < cap else { return nil }
            high = min(cap, high * 2)
            found = probe(high)
        }
        var best = (high, found.attainment)
        while high - low > 1 {
            let mid = (low + high) / 2
            let m = probe(mid)
            if m.meets {
                high = mid
                best = (mid, m.attainment)
            } else {
                low = mid
            }
        }
        return best
    }

    /// The fewest reps (with the pod's shrinkage) at which pod `p` is at most 85% busy; nil when
    /// no headcount is (all shrinkage, or hardly any open hours for its workload).
    func fewestRepsWithinBusyLimit(_ net: RouterNetwork, _ p: Int, shrinkage: Percent) -> Int? {
        guard shrinkage.fraction < 1 else { return nil }
        let hours = openHoursPerWeek(net.pods[p])
        let work = Self.workload(net, p)
        guard work > 0 else { return 0 }
        guard hours > 0 else { return nil }
        // A first guess from the rates, then the exact test the verdict uses.
        let guess = work / (hours * SLAStatus.busyLimit) / (1 - shrinkage.fraction)
        guard guess < 100_000 else { return nil }
        var reps = max(0, Int(guess.rounded(.down)) - 1)
        while utilisation(staffed(net, p, reps: reps, shrinkage: shrinkage), p) > SLAStatus.busyLimit { reps += 1 }
        return reps
    }
}
