/// The ceiling of SPEC §3.3.4 worked out directly: with unlimited reps, a lead that only pod `p`
/// can take is touched the moment it arrives if the pod is open, else when it next opens. No
/// queue forms, so no events need simulating, and no finite headcount can touch any lead
/// earlier: on the same leads, the ceiling is at or above every headcount's figure.
///
/// Direct only when every channel reaching the pod reaches no other (its own queue, its account
/// owners, or a rotation of its reps alone); a rotation shared with other pods depends on them,
/// and is simulated instead.
extension ReplicatedRun {
    /// Whether pod `p`'s ceiling can be worked out directly.
    static func hasDirectCeiling(_ net: RouterNetwork, pod p: Int) -> Bool {
        net.channels.allSatisfy { channel in
            let pods = channel.routing.pods
            return !pods.contains(p) || pods.allSatisfy { $0 == p }
        }
    }

    /// Pod `p`'s figures with unlimited reps over the first `replicas` replicas, laid out as a
    /// run's result (only pod `p`'s figures and cells filled in); nil when it has no direct
    /// ceiling.
    mutating func unlimitedCeiling(_ net: RouterNetwork, pod p: Int, replicas: Int) -> Result? {
        guard Self.hasDirectCeiling(net, pod: p) else { return nil }
        let pods = net.pods.count
        var cellRates = Array(repeating: [Double](), count: net.channels.count)
        var cellLeads = Array(repeating: 0.0, count: net.channels.count)
        var podRates: [Double] = []
        var podLeads = 0.0
        for r in 0..<max(1, replicas) {
            let leads = arrivals(r)
            var clock = PodClock(net.pods[p].calendar)
            var met = Array(repeating: 0, count: net.channels.count)
            var count = Array(repeating: 0, count: net.channels.count)
            for i in leads.times.indices {
                let c = Int(leads.channels[i])
                guard net.channels[c].routing.pods.first == p else { continue }
                let arrival = leads.times[i]
                // Arrivals come in time order, so the clock's cursor only moves forward.
                let touched = clock.nextOpening(atOrAfter: arrival)
                let due = RouterSimulation.deadline(net.pods[p].calendar, arrival: arrival, channel: net.channels[c])
                count[c] += 1
                if touched <= due + 1e-6 { met[c] += 1 }
            }
            for c in net.channels.indices where count[c] > 0 {
                cellRates[c].append(Double(met[c]) / Double(count[c]))
                cellLeads[c] += Double(count[c])
            }
            let total = count.reduce(0, +)
            if total > 0 { podRates.append(Double(met.reduce(0, +)) / Double(total)) }
            podLeads += Double(total)
        }
        let n = max(1, replicas)
        func figures(_ rates: [Double], _ leads: Double) -> SimulatedFigures {
            Self.summary(rates, leads: leads, replicas: n, reachedCap: false)
        }
        var cells = Array(repeating: SimulatedFigures.none, count: net.channels.count * pods)
        for c in net.channels.indices { cells[c * pods + p] = figures(cellRates[c], cellLeads[c]) }
        var podFigures = Array(repeating: SimulatedFigures.none, count: pods)
        podFigures[p] = figures(podRates, podLeads)
        return Result(channels: [], pods: podFigures, cells: cells, podWaits: [], replicas: n)
    }
}
