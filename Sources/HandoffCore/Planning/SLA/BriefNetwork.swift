import Foundation
import HandoffEngine

/// The brief as the router sees it (SPEC §3.3.2), ready to simulate: each routing rule that sends
/// leads to modelled capacity is a channel with its arrival streams and promise; each pod keeps
/// its staffing as shifts the planner can change; pods that share leads form groups, each
/// simulated on its own.
struct BriefNetwork: Sendable {
    /// A channel: a routing rule's leads, their promise, and where they go.
    struct Channel: Sendable {
        var rule: String
        /// The routing row it comes from.
        var row: Int
        /// The rule's pods, by brief index, and the router's weights.
        var routing: Network.Routing
        var streams: [Network.Stream]
        var handleSeconds: Double
        var sla: ResponseDuration
        var clock: Brief.SLAClock
        var target: Double
        /// Leads a week the channel is expected to bring.
        var leadsPerWeek: Double
        /// Leads an hour arriving inside its window (SPEC §3.3.1's λ before the pod's share).
        var windowRatePerHour: Double
        /// The hours its in-window leads arrive in, in its zone.
        var windowHours: WeeklyHours
        var windowZone: String
        /// Whether some of its leads arrive outside the window.
        var hasAfterHours: Bool

        /// The channel for the engine, on a clock.
        func engineChannel(routing: Network.Routing, businessClock: Bool) -> Network.Channel {
            Network.Channel(
                routing: routing, streams: streams, handleSeconds: handleSeconds,
                sla: Network.SLA(businessClock: businessClock, days: sla.days, clockSeconds: Double(sla.clockSeconds)))
        }
    }

    /// A pod: who it is, and its staffing today.
    struct Pod: Sendable {
        var name: String
        var role: Brief.Pod.Role
        var shrinkage: Percent
        var hours: WeeklyHours
        var zone: String
        var holidays: [CalendarDate]
        var maxOpen: Int?
        /// Today's shifts: a pod with `reps` is one shift working its hours.
        var shifts: [GroupConfiguration.Shift]

        var reps: Int { shifts.reduce(0) { $0 + $1.reps } }
        var agents: Int { shifts.reduce(0) { $0 + ErlangC.productiveAgents(reps: $1.reps, shrinkage: shrinkage) } }
    }

    let brief: Brief
    let start: CalendarDate
    let weeks = 26
    let calendars: CalendarFactory
    /// A rep's paid hours a week (SPEC §2.4).
    let contractHours: Double
    var channels: [Channel] = []
    var pods: [Pod] = []

    init(_ brief: Brief, routing: RoutingBlueprint) {
        self.brief = brief
        start = brief.launch.map { $0.adding(days: -($0.weekday - 1)) } ?? SLAModel.defaultSimulationStart
        calendars = CalendarFactory(start: start, weeks: weeks, briefZone: brief.timezone, holidays: brief.holidays)
        contractHours = Double(brief.contractHours.clockSeconds) / 3600
        pods = brief.pods.map { pod in
            Pod(
                name: pod.name, role: pod.role, shrinkage: pod.shrinkage, hours: brief.hours(of: pod),
                zone: pod.timezone ?? brief.timezone, holidays: pod.holidays, maxOpen: pod.maxOpen,
                shifts: brief.shifts(of: pod).map { GroupConfiguration.Shift(name: $0.name, hours: $0.hours, reps: $0.reps) })
        }
        for (i, row) in routing.rows.enumerated() where row.share > 0 {
            let rule = brief.routing[i]
            func index(_ name: String) -> Int? { brief.pods.firstIndex { $0.name == name } }
            let route: Network.Routing
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
            channels.append(channel(rule, index: i, share: row.share, routing: route))
        }
    }

    /// A rule's leads: in its own window and zone, the after-hours share outside it, only at the
    /// times its arrival atoms allow and no earlier time-only rule takes (SPEC §2.3).
    func channel(_ rule: Brief.RoutingRule, index i: Int, share ruleShare: Double, routing route: Network.Routing) -> Channel {
        let c = rule.channel
        let hours = c.arrivals ?? brief.hours
        let zone = c.timezone ?? brief.timezone
        let window = calendars.window(hours, zone: zone)
        let afterHours = calendars.afterHours(window)
        let leadsPerWeek = brief.volume.leadsPerWeek * ruleShare
        var share = (c.afterHoursShare ?? brief.volume.afterHoursShare).fraction
        // A window with no time outside it: every lead arrives in it (the intake warns).
        if afterHours.total <= 0 { share = 0 }
        let total = leadsPerWeek * Double(weeks)
        var mask = rule.condition.arrivalWindow
        for earlier in brief.routing[..<i] where earlier.condition.isArrivalOnly {
            mask = mask.subtracting(earlier.condition.arrivalWindow)
        }
        var streams: [Network.Stream] = []
        var windowRate = 0.0
        let inDensity = window.total > 0 ? (1 - share) / window.total : 0
        let outDensity = share > 0 && afterHours.total > 0 ? share / afterHours.total : 0
        if mask.isFull {
            if window.total > 0 {
                windowRate = total * inDensity
                streams.append(.init(intervals: window, ratePerSecond: windowRate, inWindow: true))
            }
            if outDensity > 0 { streams.append(.init(intervals: afterHours, ratePerSecond: total * outDensity, inWindow: false)) }
        } else {
            let allowed = calendars.allowed(mask.hours, zone: zone)
            let inside = window.intersection(allowed)
            let outside = afterHours.intersection(allowed)
            let mass = inDensity * inside.total + outDensity * outside.total
            if mass > 0 {
                if inside.total > 0, inDensity > 0 {
                    windowRate = total * inDensity / mass
                    streams.append(.init(intervals: inside, ratePerSecond: windowRate, inWindow: true))
                }
                if outside.total > 0, outDensity > 0 {
                    streams.append(.init(intervals: outside, ratePerSecond: total * outDensity / mass, inWindow: false))
                }
            }
        }
        let promise = brief.promise(of: rule)
        return Channel(
            rule: rule.name, row: i, routing: route, streams: streams,
            handleSeconds: Double((c.handleTime ?? brief.volume.handleTime).calendarSeconds), sla: promise.sla,
            clock: promise.clock, target: promise.target.fraction, leadsPerWeek: leadsPerWeek, windowRatePerHour: windowRate * 3600,
            // For a time-limited rule, the hours its leads can arrive in are its allowed times.
            windowHours: mask.isFull ? hours : mask.hours, windowZone: zone, hasAfterHours: streams.contains { !$0.inWindow })
    }

    /// Pods linked by channels, and those channels: each group is simulated on its own.
    func groups() -> [PodGroup] {
        var parent = Array(0..<pods.count)
        func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]) }
        for channel in channels {
            let pods = channel.routing.pods
            for p in pods.dropFirst() { parent[find(p)] = find(pods[0]) }
        }
        var byRoot: [Int: [Int]] = [:]
        for c in channels.indices { byRoot[find(channels[c].routing.pods[0]), default: []].append(c) }
        return byRoot.keys.sorted().map { root in
            PodGroup(network: self, pods: pods.indices.filter { find($0) == root }, channels: byRoot[root] ?? [])
        }
    }
}
