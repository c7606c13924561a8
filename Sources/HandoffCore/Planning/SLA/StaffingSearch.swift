/// The staffing search of SPEC §3.3.4: whether a configuration meets a pod's target on every
/// channel it serves, and the smallest headcount that does. Each question stops as soon as its
/// answer is clear; every headcount tried is kept, so the curve and the advice reuse it.
struct StaffingSearch {
    let sim: GroupSimulator
    /// The pod asked about (local).
    let pod: Int

    var group: PodGroup { sim.group }

    /// The channels that send the pod leads in a configuration.
    func serving(_ config: GroupConfiguration) -> [Int] {
        group.channels.indices.filter { sim.share($0, pod, in: config) > 0 }
    }

    /// Whether every channel serving the pod meets its target in `config`, and the pod's
    /// attainment there. A pod more than 85% busy never "meets" (SPEC §3.3.4), so without
    /// `attainment` it is answered without simulating.
    func meets(
        _ config: GroupConfiguration, attainment: Bool = true, for purpose: SimulationWork.Purpose = .staffingSearch
    ) -> (meets: Bool, attainment: Double) {
        let util = sim.utilisation(pod, in: config)
        // Without a productive rep a pod touches nothing (its rotations pass over it).
        guard sim.agents(pod, in: config) > 0, util < 1, attainment || util <= SLAStatus.busyLimit else { return (false, 0) }
        let r = sim.run(config, stop: .settled(pod: pod), for: purpose)
        let ok = serving(config).allSatisfy { c in
            let cell = r.cells[c, pod]
            return cell.replicas == 0 || SLAStatus.judge(cell, target: group.channel(c).target, utilisation: util) == .meets
        }
        return (ok, r.pods[pod].attainment)
    }

    /// The smallest headcount of the pod (spread over its shifts as today) that meets the target
    /// on every channel it serves, and the attainment there; nil when none up to a generous cap
    /// does. `atToday`: what a run already found at today's headcount. `hint`: a headcount likely
    /// to meet it (another change's answer), tried first.
    func requiredReps(
        _ config: GroupConfiguration, today: Int, atToday: (meets: Bool, attainment: Double)? = nil, hint: Int? = nil
    ) -> (reps: Int, attainment: Double)? {
        // Fewer reps than keep the pod at most 85% busy can never meet the target.
        guard let fewest = fewestRepsWithinBusyLimit(config).map({ max(1, $0) }) else { return nil }
        let cap = max(4 * max(today, fewest), 12, hint ?? 0)
        let found = smallest(
            above: fewest - 1, first: max(today, fewest, hint ?? 0), cap: cap, known: atToday.map { (today, $0) }
        ) { config.withReps($0, pod: pod) }
        return found.map { (reps: $0.0, attainment: $0.1) }
    }

    /// The smallest `k` above `low` (known to fail) and at most `cap` for which `variant(k)`
    /// meets the target, and the attainment there: `first` first, doubling until one meets,
    /// then bisection (attainment grows with reps). Nil when none does, or when doubling gains
    /// nothing on the same leads (the ceiling binds, not headcount). `known`: an answer already
    /// found at one `k`.
    func smallest(
        above low: Int, first: Int, cap: Int, known: (Int, (meets: Bool, attainment: Double))? = nil,
        _ variant: (Int) -> GroupConfiguration
    ) -> (Int, Double)? {
        var low = low
        var high = max(low + 1, first)
        func probe(_ k: Int) -> (meets: Bool, attainment: Double) {
            if let known, known.0 == k { return known.1 }
            return meets(variant(k), attainment: false)
        }
        var found = probe(high)
        while !found.meets {
            low = high
            guard high < cap else { return nil }
            let before = found.attainment
            let next = min(cap, high * 2)
            // On the same leads twice the reps gain nothing, or so little that doubling again up
            // to the cap (each doubling gains less than the one before) cannot reach the lowest
            // target: the ceiling binds, not headcount. One replica shows it (the leads are
            // shared, so the difference is sharp) before the question costs up to 16 replicas.
            if before > 0 {
                let (a, b) = sameLeads(variant(high), variant(next))
                var doublings = 0.0
                var k = next
                while k < cap {
                    k *= 2
                    doublings += 1
                }
                if b - a <= 0.001 || b + (b - a) * doublings < lowestTarget(variant(next)) - 0.01 { return nil }
            }
            high = next
            found = probe(high)
            // Twice the reps on the same leads and no gain: the ceiling binds, not headcount.
            if !found.meets, found.attainment > 0, before > 0, found.attainment <= before + 0.001 { return nil }
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

    /// The pod's attainment in two configurations on the first replica's leads.
    func sameLeads(_ fewer: GroupConfiguration, _ more: GroupConfiguration) -> (Double, Double) {
        let a = sim.run(fewer, stop: .fixed(1), for: .staffingSearch).pods[pod].attainment
        let b = sim.run(more, stop: .fixed(1), for: .staffingSearch).pods[pod].attainment
        return (a, b)
    }

    /// The lowest target of the channels serving the pod: a pod figure below it leaves at least
    /// one channel short.
    func lowestTarget(_ config: GroupConfiguration) -> Double {
        serving(config).map { group.channel($0).target }.min() ?? 0
    }

    /// The fewest reps at which the pod is at most 85% busy; nil when no headcount is (all
    /// shrinkage, or hardly any open hours for its workload).
    func fewestRepsWithinBusyLimit(_ config: GroupConfiguration) -> Int? {
        let pod = group.pod(self.pod)
        guard pod.shrinkage.fraction < 1 else { return nil }
        let work = sim.workload(self.pod, in: config)
        guard work > 0 else { return 0 }
        let hours = sim.openHoursPerWeek(self.pod, group.hours(self.pod, in: config))
        guard hours > 0 else { return nil }
        // A first guess from the rates, then the exact test the verdict uses.
        let guess = work / (hours * SLAStatus.busyLimit) / (1 - pod.shrinkage.fraction)
        guard guess < 100_000 else { return nil }
        var reps = max(0, Int(guess.rounded(.down)) - 1)
        while sim.utilisation(self.pod, in: config.withReps(reps, pod: self.pod)) > SLAStatus.busyLimit {
            reps += 1
            if reps > 200_000 { return nil }
        }
        return reps
    }
}
