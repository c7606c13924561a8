/// A pod queue whose leads share one SLA, served earliest deadline first, is first come first
/// served: each lead, in arrival order, is taken by the agent who can start it first, and no
/// event needs simulating. In each shift's open time an agent's start is `max(arrival, free)`
/// (work pauses when the shift ends), so a lead's start is the earliest, over the shifts, of that
/// shift's soonest-free agent; ties go to the earlier shift, as the events give them.
enum PodQueueRecursion {
    static func run(_ net: Network, _ leads: Leads, waits collect: Bool) -> Outcome {
        let pods = net.pods.count
        var outcome = Outcome(pods: pods, channels: net.channels.count)
        // Calendars: each pod's (its business clock, twice: arrivals and touches each read it
        // forward), then each shift's (twice: arrivals and starts).
        var calendars: [OpenIntervals] = []
        for pod in net.pods { calendars += [pod.calendar, pod.calendar] }
        var shiftOf: [(pod: Int, agents: Int)] = []
        for (p, pod) in net.pods.enumerated() {
            for shift in pod.shifts where shift.agents > 0 {
                calendars += [shift.calendar, shift.calendar]
                shiftOf.append((p, shift.agents))
            }
        }
        let arena = CalendarArena(calendars)
        var clocks = arena.allClocks
        // Each shift's agents' free times (in the shift's open time) as a min-heap, in one block.
        let shifts = shiftOf.count
        let firstAgent = UnsafeMutablePointer<Int>.allocate(capacity: shifts + 1)
        let podShifts = UnsafeMutablePointer<Int>.allocate(capacity: pods + 1)
        var agents = 0
        var s = 0
        for p in 0..<pods {
            podShifts[p] = s
            while s < shifts, shiftOf[s].pod == p {
                firstAgent[s] = agents
                agents += shiftOf[s].agents
                s += 1
            }
        }
        podShifts[pods] = shifts
        firstAgent[shifts] = agents
        let free = UnsafeMutablePointer<Double>.allocate(capacity: max(1, agents))
        free.initialize(repeating: 0, count: max(1, agents))
        defer {
            free.deallocate()
            firstAgent.deallocate()
            podShifts.deallocate()
            withExtendedLifetime(arena) {}
        }
        let route = net.channels.map { channel -> Int in
            if case .podQueue(let p) = channel.routing { return p }
            return 0
        }
        let slas = net.channels.map(\.sla)
        let dayBased = slas.map { $0.businessClock && $0.days > 0 }
        if collect {
            outcome.home = Array(repeating: -1, count: leads.count)
            outcome.waits = Array(repeating: .infinity, count: leads.count)
        }
        let n = leads.count
        for i in 0..<n {
            let a = leads.time[i]
            let c = Int(leads.channel[i])
            let p = route[c]
            // The agent who can start it first.
            var best = Double.infinity
            var bestShift = -1
            var bestOpen = 0.0
            var shift = podShifts[p]
            while shift < podShifts[p + 1] {
                let first = firstAgent[shift]
                let o = clocks[2 * pods + 2 * shift].openTime(at: a)
                let candidate = max(o, free[first])
                let t = clocks[2 * pods + 2 * shift + 1].instant(atOpenTime: candidate)
                if t < best {
                    best = t
                    bestShift = shift
                    bestOpen = candidate
                }
                shift += 1
            }
            if bestShift >= 0, best.isFinite {
                let first = firstAgent[bestShift]
                Self.replaceTop(free + first, count: firstAgent[bestShift + 1] - first, with: bestOpen + leads.service[i])
            }
            // The deadline on the pod's calendar.
            let sla = slas[c]
            let due: Double
            if !sla.businessClock {
                due = a + sla.calendarSeconds
            } else if dayBased[c] {
                due = Simulation.deadline(net.pods[p].calendar, arrival: a, sla: sla)
            } else {
                due = clocks[2 * p].instant(atOpenTime: clocks[2 * p].openTime(at: a) + sla.clockSeconds)
            }
            let met = best.isFinite && best <= due + 1e-6
            let cell = c * pods + p
            outcome.cellLeads[cell] += 1
            outcome.channelLeads[c] += 1
            if met {
                outcome.cellMet[cell] += 1
                outcome.channelMet[c] += 1
            }
            guard collect else { continue }
            outcome.home[i] = Int32(p)
            if best.isFinite {
                outcome.waits[i] =
                    sla.businessClock
                    ? max(0, clocks[2 * p + 1].openTime(at: best) - clocks[2 * p].openTime(at: a)) : max(0, best - a)
            }
        }
        return outcome
    }

    /// Replaces the smallest of a min-heap of `count` values and restores the order.
    @inline(__always)
    static func replaceTop(_ heap: UnsafeMutablePointer<Double>, count: Int, with value: Double) {
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < count else { break }
            let r = l + 1
            let m = r < count && heap[r] < heap[l] ? r : l
            guard heap[m] < value else { break }
            heap[i] = heap[m]
            i = m
        }
        heap[i] = value
    }
}
