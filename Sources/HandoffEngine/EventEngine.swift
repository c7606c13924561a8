/// The discrete-event run of one replica: every case the recursion does not cover (rotations,
/// account owners, several SLAs on one queue, newest first). Its state is flat and manually
/// managed, so the loop over events pays no retain, release or uniqueness check; `free()`
/// releases it.
struct EventEngine {
    let leads: Leads
    let order: Simulation.Order
    let pods: Int
    let channels: Int
    let retryLimit: Int
    let arena: CalendarArena

    // Reps, pod by pod and within a pod shift by shift: pod p's reps are `podFirstRep[p] ..<
    // podFirstRep[p + 1]`, shift s's `shiftFirstRep[s] ..< shiftFirstRep[s + 1]`.
    let reps: Int
    let repPod: UnsafeMutablePointer<Int32>
    let repShift: UnsafeMutablePointer<Int32>
    let busy: UnsafeMutablePointer<Bool>
    let untouched: UnsafeMutablePointer<Int32>
    let podFirstRep: UnsafeMutablePointer<Int>
    let podFirstShift: UnsafeMutablePointer<Int>
    let podMaxOpen: UnsafeMutablePointer<Int>
    let shifts: Int
    let shiftFirstRep: UnsafeMutablePointer<Int>
    /// Idle reps of each shift: an arrival looks for one only where some are.
    let shiftIdle: UnsafeMutablePointer<Int32>
    let shiftWake: UnsafeMutablePointer<Bool>
    /// Clocks: each pod's calendar (its business clock) then each shift's.
    var clocks: UnsafeMutablePointer<Clock>
    // Queues: one per rep, then one per pod.
    var queues: QueueSet
    var events: EventHeap
    var firstDeadlines: DeadlineLanes
    // Each lead's state.
    let touched: UnsafeMutablePointer<Double>
    let deadline: UnsafeMutablePointer<Double>
    let assigned: UnsafeMutablePointer<Int32>
    let version: UnsafeMutablePointer<Int32>
    let home: UnsafeMutablePointer<Int32>
    // Each channel's route: 0 pod queue, 1 rotation, 2 account owner; the pod for 0 and 2.
    let routeKind: UnsafeMutablePointer<UInt8>
    let routePod: UnsafeMutablePointer<Int32>
    let slaCalendar: UnsafeMutablePointer<Bool>
    let slaSeconds: UnsafeMutablePointer<Double>
    let slaDays: UnsafeMutablePointer<Int>
    let podCalendars: [OpenIntervals]
    let slas: [Network.SLA]
    // Rotations: channel c's entries are `rotationStart[c] ..< rotationStart[c + 1]`, one per
    // pod with reps: the pod, its weight, its smooth weighted round-robin credit, and a
    // round-robin pointer within the pod.
    let rotationStart: UnsafeMutablePointer<Int>
    let rotationPod: UnsafeMutablePointer<Int>
    let rotationWeight: UnsafeMutablePointer<Double>
    let rotationCredit: UnsafeMutablePointer<Double>
    let rotationPointer: UnsafeMutablePointer<Int>

    init(_ net: Network, _ leads: Leads, _ order: Simulation.Order) {
        self.leads = leads
        self.order = order
        pods = net.pods.count
        channels = net.channels.count
        retryLimit = net.retryLimit
        podCalendars = net.pods.map(\.calendar)
        slas = net.channels.map(\.sla)
        let shiftList = net.pods.flatMap { $0.shifts }
        shifts = shiftList.count
        reps = net.pods.reduce(0) { $0 + $1.agents }
        arena = CalendarArena(net.pods.map(\.calendar) + shiftList.map(\.calendar))
        let all = arena.allClocks
        clocks = .allocate(capacity: max(1, all.count))
        clocks.initialize(from: all, count: all.count)

        repPod = .allocate(capacity: max(1, reps))
        repShift = .allocate(capacity: max(1, reps))
        busy = .allocate(capacity: max(1, reps))
        busy.initialize(repeating: false, count: max(1, reps))
        untouched = .allocate(capacity: max(1, reps))
        untouched.initialize(repeating: 0, count: max(1, reps))
        podFirstRep = .allocate(capacity: pods + 1)
        podFirstShift = .allocate(capacity: pods + 1)
        podMaxOpen = .allocate(capacity: max(1, pods))
        shiftFirstRep = .allocate(capacity: shifts + 1)
        shiftIdle = .allocate(capacity: max(1, shifts))
        shiftWake = .allocate(capacity: max(1, shifts))
        shiftWake.initialize(repeating: false, count: max(1, shifts))
        var r = 0
        var s = 0
        for (p, pod) in net.pods.enumerated() {
            podFirstRep[p] = r
            podFirstShift[p] = s
            podMaxOpen[p] = pod.maxOpen ?? Int.max
            for shift in pod.shifts {
                shiftFirstRep[s] = r
                let count = max(0, shift.agents)
                shiftIdle[s] = Int32(count)
                for _ in 0..<count {
                    repPod[r] = Int32(p)
                    repShift[r] = Int32(s)
                    r += 1
                }
                s += 1
            }
        }
        podFirstRep[pods] = r
        podFirstShift[pods] = s
        shiftFirstRep[shifts] = r

        queues = QueueSet(queues: reps + pods)
        events = EventHeap(capacity: 64 + reps * 2)
        var laneCapacity: [Int] = []
        for c in 0..<net.channels.count {
            let count = c < leads.channelLeads.count ? leads.channelLeads[c] : leads.count
            laneCapacity += Array(repeating: count, count: pods)
        }
        firstDeadlines = DeadlineLanes(capacity: laneCapacity)

        let n = max(1, leads.count)
        touched = .allocate(capacity: n)
        touched.initialize(repeating: .infinity, count: n)
        deadline = .allocate(capacity: n)
        deadline.initialize(repeating: .infinity, count: n)
        assigned = .allocate(capacity: n)
        assigned.initialize(repeating: -1, count: n)
        version = .allocate(capacity: n)
        version.initialize(repeating: 0, count: n)
        home = .allocate(capacity: n)
        home.initialize(repeating: -1, count: n)

        let cs = max(1, net.channels.count)
        routeKind = .allocate(capacity: cs)
        routePod = .allocate(capacity: cs)
        slaCalendar = .allocate(capacity: cs)
        slaSeconds = .allocate(capacity: cs)
        slaDays = .allocate(capacity: cs)
        rotationStart = .allocate(capacity: net.channels.count + 1)
        var rotation: [(pod: Int, weight: Double)] = []
        for (c, channel) in net.channels.enumerated() {
            rotationStart[c] = rotation.count
            switch channel.routing {
            case .podQueue(let p):
                routeKind[c] = 0
                routePod[c] = Int32(p)
            case .rotation(let list, let weights):
                routeKind[c] = 1
                routePod[c] = -1
                for (k, p) in list.enumerated() where podFirstRep[p] < podFirstRep[p + 1] {
                    rotation.append((p, k < weights.count ? weights[k] : 1))
                }
            case .accountOwner(let p):
                routeKind[c] = 2
                routePod[c] = Int32(p)
            }
            slaCalendar[c] = !channel.sla.businessClock
            slaSeconds[c] = channel.sla.businessClock ? channel.sla.clockSeconds : channel.sla.calendarSeconds
            slaDays[c] = channel.sla.businessClock ? channel.sla.days : 0
        }
        rotationStart[net.channels.count] = rotation.count
        let rs = max(1, rotation.count)
        rotationPod = .allocate(capacity: rs)
        rotationWeight = .allocate(capacity: rs)
        rotationCredit = .allocate(capacity: rs)
        rotationCredit.initialize(repeating: 0, count: rs)
        rotationPointer = .allocate(capacity: rs)
        rotationPointer.initialize(repeating: 0, count: rs)
        for (k, entry) in rotation.enumerated() {
            rotationPod[k] = entry.pod
            rotationWeight[k] = entry.weight
        }
    }

    func free() {
        clocks.deallocate()
        repPod.deallocate()
        repShift.deallocate()
        busy.deallocate()
        untouched.deallocate()
        podFirstRep.deallocate()
        podFirstShift.deallocate()
        podMaxOpen.deallocate()
        shiftFirstRep.deallocate()
        shiftIdle.deallocate()
        shiftWake.deallocate()
        queues.free()
        events.free()
        firstDeadlines.free()
        touched.deallocate()
        deadline.deallocate()
        assigned.deallocate()
        version.deallocate()
        home.deallocate()
        routeKind.deallocate()
        routePod.deallocate()
        slaCalendar.deallocate()
        slaSeconds.deallocate()
        slaDays.deallocate()
        rotationStart.deallocate()
        rotationPod.deallocate()
        rotationWeight.deallocate()
        rotationCredit.deallocate()
        rotationPointer.deallocate()
        withExtendedLifetime(arena) {}
    }

    // MARK: Time on the calendars

    @inline(__always) func shiftClock(_ s: Int) -> UnsafeMutablePointer<Clock> { clocks + pods + s }
    @inline(__always) func podClock(_ p: Int) -> UnsafeMutablePointer<Clock> { clocks + p }

    /// A lead's deadline on pod `p`'s calendar, `laps` SLAs after it arrived.
    @inline(__always)
    func deadline(arrival: Double, channel c: Int, pod p: Int, laps: Int = 1) -> Double {
        if slaCalendar[c] { return arrival + Double(laps) * slaSeconds[c] }
        if slaDays[c] > 0 { return Simulation.deadline(podCalendars[p], arrival: arrival, sla: slas[c], laps: laps) }
        let clock = podClock(p)
        return clock.pointee.instant(atOpenTime: clock.pointee.openTime(at: arrival) + Double(laps) * slaSeconds[c])
    }

    // MARK: The run

    mutating func run() {
        let n = leads.count
        var next = 0
        while next < n || !events.isEmpty || !firstDeadlines.isEmpty {
            let eventTime = events.peekTime
            let laneTime = firstDeadlines.peekTime
            if next < n, leads.time[next] <= eventTime, leads.time[next] <= laneTime {
                arrive(next, at: leads.time[next])
                next += 1
                continue
            }
            // Ties go the way one heap would order them: time, then kind (a deadline last),
            // then lead.
            // Either may be empty here (a deadline past the calendar's end is at infinity, and
            // so is the event beside it): an empty one is never chosen.
            let fromLane =
                !firstDeadlines.isEmpty
                && (events.isEmpty || laneTime < eventTime
                    || (laneTime == eventTime && events.peek.kind == Event.deadline && firstDeadlines.peekLead < events.peek.id))
            let e: Event
            if fromLane {
                e = Event(time: laneTime, kind: Event.deadline, id: firstDeadlines.pop(), lap: 1)
            } else {
                e = events.pop()
            }
            switch e.kind {
            case Event.repFree:
                let r = Int(e.id)
                busy[r] = false
                shiftIdle[Int(repShift[r])] += 1
                dispatch(rep: r, at: e.time)
            case Event.shiftOpens:
                let s = Int(e.id)
                shiftWake[s] = false
                // Only reps with work of their own, or while the pod's queue lasts.
                let pod = reps + Int(repPod[shiftFirstRep[s]])
                var r = shiftFirstRep[s]
                while r < shiftFirstRep[s + 1] {
                    if !busy[r], !queues.isEmpty(r) || !queues.isEmpty(pod) { dispatch(rep: r, at: e.time) }
                    r += 1
                }
            default:
                reassign(Int(e.id), at: e.time, lap: Int(e.lap))
            }
        }
    }

    mutating func arrive(_ i: Int, at t: Double) {
        let c = Int(leads.channel[i])
        switch routeKind[c] {
        case 0:
            let p = Int(routePod[c])
            home[i] = Int32(p)
            deadline[i] = deadline(arrival: t, channel: c, pod: p)
            guard podFirstRep[p] < podFirstRep[p + 1] else { return }
            queues.push(reps + p, QueueEntry(priority: priority(i), lead: Int32(i), version: 0))
            // The first idle rep on duty, shifts in order; idle reps off duty are woken when
            // their shift opens.
            var s = podFirstShift[p]
            while s < podFirstShift[p + 1] {
                if shiftIdle[s] > 0 {
                    let clock = shiftClock(s)
                    if clock.pointee.isOpen(at: t) {
                        var r = shiftFirstRep[s]
                        while r < shiftFirstRep[s + 1], busy[r] { r += 1 }
                        if r < shiftFirstRep[s + 1] {
                            dispatch(rep: r, at: t)
                            return
                        }
                    } else if !shiftWake[s] {
                        let opens = clock.pointee.nextOpening(atOrAfter: t)
                        if opens.isFinite {
                            shiftWake[s] = true
                            events.push(Event(time: opens, kind: Event.shiftOpens, id: Int32(s), lap: 0))
                        }
                    }
                }
                s += 1
            }
        case 1:
            guard let r = pickRotation(c, at: t, excluding: -1) else { return }
            assign(i, to: r, at: t, channel: c, first: true)
        default:
            let p = Int(routePod[c])
            let count = podFirstRep[p + 1] - podFirstRep[p]
            guard count > 0 else {
                home[i] = Int32(p)
                deadline[i] = deadline(arrival: t, channel: c, pod: p)
                return
            }
            let r = podFirstRep[p] + min(count - 1, Int(leads.pick[i] * Double(count)))
            assign(i, to: r, at: t, channel: c, first: true)
        }
    }

    mutating func assign(_ i: Int, to r: Int, at t: Double, channel c: Int, first: Bool) {
        let p = Int(repPod[r])
        if first {
            let due = deadline(arrival: leads.time[i], channel: c, pod: p)
            home[i] = Int32(p)
            deadline[i] = due
            if retryLimit > 0, !firstDeadlines.append(Int32(i), at: due, lane: c * pods + p) {
                events.push(Event(time: due, kind: Event.deadline, id: Int32(i), lap: 1))
            }
        }
        assigned[i] = Int32(r)
        untouched[r] += 1
        queues.push(r, QueueEntry(priority: priority(i), lead: Int32(i), version: version[i]))
        if !busy[r] { dispatch(rep: r, at: t) }
    }

    /// A missed SLA: the lead moves to the next rep of the rotation, if retries remain.
    mutating func reassign(_ i: Int, at t: Double, lap: Int) {
        guard touched[i] == .infinity, lap <= retryLimit, assigned[i] >= 0 else { return }
        let c = Int(leads.channel[i])
        let current = Int(assigned[i])
        var next = -1
        switch routeKind[c] {
        case 1: next = pickRotation(c, at: t, excluding: current) ?? -1
        case 2:
            let p = Int(routePod[c])
            let count = podFirstRep[p + 1] - podFirstRep[p]
            let k = Int(repPod[current]) == p ? current - podFirstRep[p] + 1 : 0
            next = count > 1 ? podFirstRep[p] + k % count : -1
        default: break
        }
        guard next >= 0, next != current else { return }
        untouched[current] -= 1
        version[i] += 1
        assign(i, to: next, at: t, channel: c, first: false)
        let again = deadline(arrival: leads.time[i], channel: c, pod: Int(home[i]), laps: lap + 1)
        events.push(Event(time: again, kind: Event.deadline, id: Int32(i), lap: Int32(lap + 1)))
    }

    @inline(__always)
    func priority(_ i: Int) -> Double {
        switch order {
        case .earliestDeadline: deadline[i]
        case .newestFirst: -leads.time[i]
        case .firstComeFirstServed: leads.time[i]
        }
    }

    /// Whether pod `p` has a productive rep on duty at `t`.
    @inline(__always)
    func onDuty(_ p: Int, at t: Double) -> Bool {
        var s = podFirstShift[p]
        while s < podFirstShift[p + 1] {
            if shiftFirstRep[s] < shiftFirstRep[s + 1], shiftClock(s).pointee.isOpen(at: t) { return true }
            s += 1
        }
        return false
    }

    /// The next rep of a channel's rotation who can take a lead now: pods by weight (smooth
    /// weighted round robin over the pods with a rep on duty), reps in turn within a pod,
    /// skipping reps off shift and reps at `max-open`. When nobody is on, the rep whose shift
    /// starts first.
    mutating func pickRotation(_ c: Int, at t: Double, excluding: Int) -> Int? {
        let first = rotationStart[c]
        let end = rotationStart[c + 1]
        guard first < end else { return nil }
        // Pods as bits (a rotation names a handful): no allocation per lead.
        let last = min(end, first + 64)
        var eligible: UInt64 = 0
        for k in first..<last where onDuty(rotationPod[k], at: t) { eligible |= 1 << UInt64(k - first) }
        var opening = Double.infinity
        if eligible == 0 {
            // Nobody on duty: the pods with a shift that starts first, its reps only.
            for k in first..<last { opening = min(opening, earliestShift(rotationPod[k], after: t)) }
            guard opening.isFinite else { return excluding >= 0 ? excluding : nil }
            for k in first..<last where earliestShift(rotationPod[k], after: t) <= opening + 1 { eligible |= 1 << UInt64(k - first) }
        }
        let respectLimit = !opening.isFinite
        while eligible != 0 {
            var total = 0.0
            var best = -1
            for k in first..<last where eligible & (1 << UInt64(k - first)) != 0 {
                total += rotationWeight[k]
                rotationCredit[k] += rotationWeight[k]
                if best < 0 || rotationCredit[k] > rotationCredit[best] + 1e-12 { best = k }
            }
            rotationCredit[best] -= total
            if let r = nextRep(best, at: t, excluding: excluding, respectLimit: respectLimit, opening: opening) { return r }
            eligible &= ~(1 << UInt64(best - first))
            // Everyone on duty is at max-open: the least loaded rep on duty takes it.
            if eligible == 0, respectLimit {
                var chosen = -1
                for k in first..<end {
                    let p = rotationPod[k]
                    for r in podFirstRep[p]..<podFirstRep[p + 1]
                    where r != excluding && shiftClock(Int(repShift[r])).pointee.isOpen(at: t)
                        && (chosen < 0 || untouched[r] < untouched[chosen])
                    {
                        chosen = r
                    }
                }
                if chosen >= 0 { return chosen }
            }
        }
        return excluding >= 0 ? excluding : nil
    }

    /// When pod `p`'s first productive shift opens at or after `t`.
    @inline(__always)
    func earliestShift(_ p: Int, after t: Double) -> Double {
        var opens = Double.infinity
        var s = podFirstShift[p]
        while s < podFirstShift[p + 1] {
            if shiftFirstRep[s] < shiftFirstRep[s + 1] { opens = min(opens, shiftClock(s).pointee.nextOpening(atOrAfter: t)) }
            s += 1
        }
        return opens
    }

    /// The next rep in turn of rotation entry `k`'s pod who is on duty (or, when nobody is, whose
    /// shift opens at `opening`), skipping `excluding` and reps at `max-open`.
    mutating func nextRep(_ k: Int, at t: Double, excluding: Int, respectLimit: Bool, opening: Double) -> Int? {
        let p = rotationPod[k]
        let count = podFirstRep[p + 1] - podFirstRep[p]
        let limit = respectLimit ? podMaxOpen[p] : Int.max
        var index = rotationPointer[k]
        for _ in 0..<count {
            let r = podFirstRep[p] + index
            index = index + 1 == count ? 0 : index + 1
            guard r != excluding, Int(untouched[r]) < limit else { continue }
            let clock = shiftClock(Int(repShift[r]))
            let available =
                respectLimit ? clock.pointee.isOpen(at: t) : clock.pointee.nextOpening(atOrAfter: t) <= opening + 1
            if available {
                rotationPointer[k] = index
                return r
            }
        }
        return nil
    }

    /// A rep free at `t` takes the most urgent lead of their own queue or their pod's.
    mutating func dispatch(rep r: Int, at t: Double) {
        guard !busy[r] else { return }
        let p = Int(repPod[r])
        let s = Int(repShift[r])
        let clock = shiftClock(s)
        if !clock.pointee.isOpen(at: t) {
            let opens = clock.pointee.nextOpening(atOrAfter: t)
            if opens.isFinite, !shiftWake[s], hasWork(rep: r) {
                shiftWake[s] = true
                events.push(Event(time: opens, kind: Event.shiftOpens, id: Int32(s), lap: 0))
            }
            return
        }
        dropStale(rep: r)
        let ownEmpty = queues.isEmpty(r)
        let podEmpty = queues.isEmpty(reps + p)
        let taken: Int
        if ownEmpty, podEmpty {
            return
        } else if podEmpty {
            taken = Int(queues.pop(r).lead)
        } else if ownEmpty {
            taken = Int(queues.pop(reps + p).lead)
        } else {
            // A tie goes to the rep's own lead.
            taken = queues.peek(reps + p).priority < queues.peek(r).priority ? Int(queues.pop(reps + p).lead) : Int(queues.pop(r).lead)
        }
        touched[taken] = t
        if assigned[taken] >= 0 { untouched[Int(assigned[taken])] -= 1 }
        busy[r] = true
        shiftIdle[s] -= 1
        let finish = clock.pointee.instant(atOpenTime: clock.pointee.openTime(at: t) + leads.service[taken])
        events.push(Event(time: finish, kind: Event.repFree, id: Int32(r), lap: 0))
    }

    @inline(__always)
    func hasWork(rep r: Int) -> Bool { !queues.isEmpty(r) || !queues.isEmpty(reps + Int(repPod[r])) }

    /// Drops entries of leads that were reassigned away from a rep's queue, or touched.
    @inline(__always)
    mutating func dropStale(rep r: Int) {
        while !queues.isEmpty(r) {
            let top = queues.peek(r)
            let i = Int(top.lead)
            guard version[i] != top.version || touched[i] != .infinity else { return }
            _ = queues.pop(r)
        }
    }

    func outcome(waits collect: Bool) -> Outcome {
        var out = Outcome(pods: pods, channels: channels)
        if collect {
            out.home = Array(repeating: -1, count: leads.count)
            out.waits = Array(repeating: .infinity, count: leads.count)
        }
        let arena = collect ? CalendarArena(podCalendars) : nil
        var waitClocks = arena?.allClocks ?? []
        for i in 0..<leads.count {
            let c = Int(leads.channel[i])
            let p = Int(home[i])
            let t = touched[i]
            let met = t.isFinite && t <= deadline[i] + 1e-6
            out.channelLeads[c] += 1
            if met { out.channelMet[c] += 1 }
            if p >= 0 {
                out.cellLeads[c * pods + p] += 1
                if met { out.cellMet[c * pods + p] += 1 }
            }
            guard collect else { continue }
            out.home[i] = Int32(p)
            guard t.isFinite else { continue }
            if !slaCalendar[c], p >= 0 {
                out.waits[i] = max(0, waitClocks[p].openTime(at: t) - waitClocks[p].openTime(at: leads.time[i]))
            } else {
                out.waits[i] = max(0, t - leads.time[i])
            }
        }
        withExtendedLifetime(arena) {}
        return out
    }
}
