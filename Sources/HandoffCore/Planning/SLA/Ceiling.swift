import HandoffEngine

/// The ceiling of SPEC §3.3.4: a pod's figures with as many reps as its leads could want.
/// Worked out directly where the pod owns its leads (its own queue, its account owners, or a
/// rotation of its reps alone): with unlimited reps such a lead is touched the moment it arrives
/// if the pod is working, else when it next opens, so no events are simulated, and no finite
/// headcount touches any lead earlier. A rotation shared with other pods depends on them, and is
/// simulated with the pod at most 5% busy.
enum Ceiling {
    /// Whether pod `p`'s ceiling can be worked out directly.
    static func isDirect(_ group: PodGroup, pod p: Int) -> Bool {
        group.channels.indices.allSatisfy { c in
            let pods = group.routing(c).pods
            return !pods.contains(p) || pods.allSatisfy { $0 == p }
        }
    }

    /// Pod `p`'s figures with unlimited reps over the first `replicas` replicas (only pod `p`'s
    /// cells and figure are meaningful).
    static func run(_ sim: GroupSimulator, _ config: GroupConfiguration, pod p: Int, replicas: Int) -> GroupFigures {
        var unlimited = config
        unlimited.unlimited = p
        guard isDirect(sim.group, pod: p) else {
            return sim.run(unlimited, stop: .fixed(replicas), for: .ceiling)
        }
        let group = sim.group
        let channels = group.channels.count
        let pods = group.pods.count
        let net = sim.network(unlimited)
        let working = net.pods[p].calendar
        var cells = Grid(channels: channels, pods: pods, repeating: ReplicaEstimate())
        var cellLeads = Grid(channels: channels, pods: pods, repeating: 0.0)
        var pod = ReplicaEstimate()
        var podLeads = 0.0
        for r in 0..<max(1, replicas) {
            let leads = sim.leads(r)
            let x = sim.controls(r, leads)
            var met = Array(repeating: 0, count: channels)
            var count = Array(repeating: 0, count: channels)
            let times = leads.times
            let channelOf = leads.channels
            for i in 0..<leads.count {
                let c = Int(channelOf[i])
                guard group.routing(c).pods.first == p else { continue }
                let arrival = times[i]
                let touched = working.nextOpening(atOrAfter: arrival)
                let due = Simulation.deadline(working, arrival: arrival, sla: net.channels[c].sla)
                count[c] += 1
                if touched.isFinite, touched <= due + 1e-6 { met[c] += 1 }
            }
            for c in 0..<channels where count[c] > 0 {
                cells[c, p].add(Double(met[c]) / Double(count[c]), x)
                cellLeads[c, p] += Double(count[c])
            }
            let total = count.reduce(0, +)
            if total > 0 { pod.add(Double(met.reduce(0, +)) / Double(total), x) }
            podLeads += Double(total)
        }
        let n = max(1, replicas)
        func figures(_ e: ReplicaEstimate, _ leads: Double) -> SimulatedFigures {
            guard e.count > 0 else { return .none }
            let (mean, half) = e.interval
            return SimulatedFigures(
                leads: leads / Double(n), attainment: mean, low: max(0, mean - half), high: min(1, mean + half), replicas: n,
                capped: false, medianMinutes: 0, p90Minutes: 0, overAWeek: 0)
        }
        var cellFigures = Grid(channels: channels, pods: pods, repeating: SimulatedFigures.none)
        for c in 0..<channels { cellFigures[c, p] = figures(cells[c, p], cellLeads[c, p]) }
        var podFigures = Array(repeating: SimulatedFigures.none, count: pods)
        podFigures[p] = figures(pod, podLeads)
        return GroupFigures(
            cells: cellFigures, pods: podFigures, channels: Array(repeating: .none, count: channels), podWaits: [], replicas: n)
    }
}
