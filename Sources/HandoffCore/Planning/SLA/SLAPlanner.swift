import Foundation
import HandoffEngine

/// Works out each pod's SLA model (SPEC §3.3): lays the brief out as a network, splits it into
/// groups of pods that share leads, simulates each group over replicas, and from that judges
/// each channel and pod and works out the advice: required reps under the real calendar, the
/// ceiling, the achievable response time and what it would take.
struct SLAPlanner {
    let network: BriefNetwork
    let routing: RoutingBlueprint
    /// Leads the groups' runs routed, by purpose.
    var work = SimulationWork()
    /// Pods without a productive rep whose rotations pass over them (no figures of their own).
    var passedOver: [SLAReason] = []
    /// Each brief pod's share of all leads, as the router splits them.
    var routerShares: [Double]

    var brief: Brief { network.brief }
    var start: CalendarDate { network.start }
    var weeks: Int { network.weeks }

    init(_ brief: Brief, routing: RoutingBlueprint) {
        network = BriefNetwork(brief, routing: routing)
        self.routing = routing
        routerShares = Array(repeating: 0, count: brief.pods.count)
    }

    mutating func plan() -> [PodSLA] {
        var result: [Int: PodSLA] = [:]
        for group in network.groups() {
            let sim = GroupSimulator(group, segment: brief.segment)
            let today = group.today
            for (local, p) in group.pods.enumerated() {
                let leads = group.channels.indices.reduce(0.0) { $0 + group.channel($1).leadsPerWeek * sim.share($1, local, in: today) }
                routerShares[p] = brief.volume.leadsPerWeek > 0 ? leads / brief.volume.leadsPerWeek : 0
            }
            let base = sim.run(today, stop: .verdict, waits: true, for: .verdict)
            let lifo = sim.run(today, order: .newestFirst, stop: .newestFirst, waits: true, for: .newestFirst)
            for (local, p) in group.pods.enumerated() {
                guard let share = routing.podShares.first(where: { $0.pod == brief.pods[p].name })?.share, share > 0 else { continue }
                if let reason = passedOver(sim, local) {
                    passedOver.append(reason)
                    continue
                }
                var pod = PodPlanner(sim: sim, pod: local, today: today, base: base, lifo: lifo)
                result[p] = pod.model(share: routerShares[p])
            }
            var groupWork = sim.work
            groupWork.addOneReplica(leads: sim.oneReplica)
            work.add(groupWork)
        }
        return brief.pods.indices.compactMap { result[$0] }
    }

    /// Why pod `p` (local) receives no leads although channels name it, and who takes them:
    /// every channel naming it is a rotation that passes over it. Nil when it receives leads.
    func passedOver(_ sim: GroupSimulator, _ p: Int) -> SLAReason? {
        let group = sim.group
        let today = group.today
        var partners: [Int] = []
        var named = false
        for c in group.channels.indices {
            let pods = group.routing(c).pods
            guard pods.contains(p) else { continue }
            guard sim.share(c, p, in: today) == 0 else { return nil }
            named = true
            for q in pods where q != p && sim.share(c, q, in: today) > 0 && !partners.contains(q) { partners.append(q) }
        }
        guard named else { return nil }
        let pod = group.pod(p)
        let briefPod = brief.pods[group.pods[p]]
        let cause: SLAReason.PassOverCause =
            sim.agents(p, in: today) == 0
            ? .noProductiveRep(
                reps: briefPod.reps, shrinkage: pod.shrinkage.fraction,
                repsForOne: ErlangC.requiredReps(agents: 1, shrinkage: pod.shrinkage))
            : .closedWhenLeadsArrive(hours: briefPod.hours ?? brief.hours, zone: pod.zone)
        return .passedOver(pod: pod.name, takenBy: partners.map { group.pod($0).name }, cause: cause)
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
            let setup = network.pods[p]
            let shifts = setup.shifts.map { shift in
                let calendar = network.calendars.pod(shift.hours, zone: setup.zone, holidays: setup.holidays)
                let open =
                    calendar.openSeconds(from: network.calendars.startInstant, to: network.calendars.endInstant) / 3600 / Double(weeks)
                let agents = ErlangC.productiveAgents(reps: shift.reps, shrinkage: setup.shrinkage)
                let repHours = Double(shift.reps) * shift.hours.weeklyHours
                return ShiftSLA(
                    name: shift.name, hours: shift.hours, reps: shift.reps, agents: agents, repHoursPerWeek: repHours,
                    fte: network.contractHours > 0 ? repHours / network.contractHours : 0, capacityHoursPerWeek: Double(agents) * open,
                    workloadHoursPerWeek: 0, utilisation: 0)
            }
            return IdlePod(
                name: pod.name, role: pod.role, reps: setup.reps, shrinkage: pod.shrinkage, agents: setup.agents, hours: setup.hours,
                timezone: setup.zone, shifts: shifts, fte: shifts.reduce(0) { $0 + $1.fte },
                capacityHoursPerWeek: shifts.reduce(0) { $0 + $1.capacityHoursPerWeek }, cause: cause)
        }
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
}
