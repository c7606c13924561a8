import Foundation

/// One replica of the 26-week calendar, routed the way the router routes (SPEC §3.3.2): pod
/// queues served by the next free rep; round-robin and account-owner leads assigned at arrival
/// to one rep, skipping closed pods and reps at `max-open`, reassigned after a missed SLA up to
/// the retry limit; every queue served earliest deadline first (or newest first, as the
/// comparison). Reps work only in their pod's open hours; work pauses at closing.
///
/// Arrivals and handle times depend only on the seed and the channels, never on staffing, so
/// runs that differ in reps, hours or order see the same leads (common random numbers).
public enum RouterSimulation {
    /// Which waiting lead a free rep takes.
    public enum ServiceOrder: Sendable, Hashable {
        case earliestDeadline
        case newestFirst
        /// Oldest lead first, whatever its SLA: the comparison for earliest deadline first.
        case firstComeFirstServed
    }

    /// One channel's leads in one replica.
    public struct ChannelOutcome: Sendable {
        public var leads = 0
        public var met = 0
        /// Time to first touch per lead, seconds of the channel's clock (infinity: never).
        public var waits: [Double] = []
    }

    /// The leads of one replica, before any routing: arrival, channel, handle time.
    public struct Arrivals: Sendable {
        public var times: [Double] = []
        public var channels: [Int32] = []
        public var services: [Double] = []
        /// Random draws for the account-owner choice, one per lead.
        public var picks: [Double] = []
    }

    /// Draws a replica's leads.
    public static func arrivals(_ net: RouterNetwork, seed: UInt64) -> Arrivals {
        var rng = SplitMix64(seed: seed)
        var all: [(Double, Int32)] = []
        for (c, channel) in net.channels.enumerated() {
            for stream in channel.streams where stream.ratePerSecond > 0 && stream.intervals.total > 0 {
                var t = rng.nextExponential(mean: 1 / stream.ratePerSecond)
                let total = stream.intervals.total
                var cursor = stream.intervals.instantCursor
                while t < total {
                    all.append((cursor.instant(atOpenTime: t), Int32(c)))
                    t += rng.nextExponential(mean: 1 / stream.ratePerSecond)
                }
            }
        }
        all.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var out = Arrivals()
        out.times = all.map(\.0)
        out.channels = all.map(\.1)
        out.services = all.map { rng.nextExponential(mean: net.channels[Int($0.1)].handleSeconds) }
        out.picks = all.map { _ in rng.nextUnit() }
        return out
    }

    /// One replica's figures by channel and by pod (a lead counts for the pod it was first
    /// assigned to).
    public struct Outcome: Sendable {
        public var channels: [ChannelOutcome]
        public var podLeads: [Int]
        public var podMet: [Int]
        public var podWaits: [[Double]]
        /// Per channel and pod (`c * pods + p`): the channel's leads the pod handled.
        public var cells: [ChannelOutcome]
    }

    /// Routes and serves one replica's leads.
    /// Without `waits`, only counts: no time to first touch per lead.
    public static func run(_ net: RouterNetwork, _ leads: Arrivals, order: ServiceOrder, waits: Bool = true) -> Outcome {
        var engine = Engine(net, leads, order)
        engine.run()
        return engine.outcome(waits: waits)
    }

    /// A lead's deadline on a pod's calendar, `laps` SLAs after it arrived: the calendar clock
    /// counts every second; the business clock counts the pod's open time, and `1d` is the open
    /// hours of a working day, starting with the day the clock starts.
    public static func deadline(_ cal: OpenIntervals, arrival: Double, channel: RouterNetwork.Channel, laps: Int = 1) -> Double {
        let sla = channel.sla
        switch channel.clock {
        case .calendar:
            return arrival + Double(laps * sla.calendarSeconds)
        case .business:
            var open = cal.openTime(at: arrival)
            for _ in 0..<laps {
                var span = Double(sla.clockSeconds)
                if sla.days > 0, !cal.workingDay.isEmpty {
                    let k = cal.intervalIndex(atOpenTime: open)
                    let first = cal.workingDay[min(k, cal.workingDay.count - 1)]
                    for d in first..<(first + sla.days) where d < cal.dayOpenSeconds.count { span += cal.dayOpenSeconds[d] }
                }
                open += span
            }
            return cal.instant(atOpenTime: open)
        }
    }

    /// One lead during a run.
    struct LeadState: Sendable {
        /// When a rep first touched it; infinity: not yet.
        var touched = Double.infinity
        /// When its first SLA runs out.
        var deadline = Double.infinity
        /// The rep it is assigned to (-1: in a pod queue, or none).
        var assigned: Int32 = -1
        /// Bumped at each reassignment: queue entries of an older version are stale.
        var version: Int32 = 0
        /// The pod it was first assigned to (-1: none).
        var home: Int32 = -1
    }

    /// How a channel's leads reach reps, without the rotation's lists (see `Engine`'s rotation).
    enum Route: Sendable {
        case podQueue(Int)
        case rotation
        case accountOwner(Int)
    }

    /// A channel's SLA as the engine reads it.
    struct SLARule: Sendable {
        var calendar: Bool
        /// Calendar seconds (calendar clock) or open seconds of hours and minutes (business).
        var seconds: Double
        /// Working days on the business clock.
        var days: Int
    }

    /// The discrete-event state of one run.
    struct Engine {
        let net: RouterNetwork
        let leads: Arrivals
        let order: ServiceOrder
        // Reps: productive reps of every pod, pod by pod, so pod p's reps are the numbers
        // `firstRep[p] ..< firstRep[p + 1]`. Flat arrays: these are read on every event, and an
        // array of arrays pays a uniqueness check and a retain at each level.
        var repPod: [Int] = []
        var firstRep: [Int] = []
        var busy: [Bool] = []
        /// Reps of each pod not busy: a pod queue's arrival looks for one only when some are.
        var idle: [Int] = []
        var untouched: [Int] = []
        var repQueue: [PriorityQueue] = []
        var podQueue: [PriorityQueue] = []
        var podWakeScheduled: [Bool] = []
        // Rotations: channel c's entries are `rotationStart[c] ..< rotationStart[c + 1]`, one
        // per pod with reps: the pod, its weight, its smooth weighted round-robin credit, and a
        // round-robin pointer within the pod.
        var rotationStart: [Int] = [0]
        var rotationPod: [Int] = []
        var rotationWeight: [Double] = []
        var rotationCredit: [Double] = []
        var rotationPointer: [Int] = []
        /// Where each lead stands, one record per lead: an event reads several of its fields.
        var lead: [LeadState]
        /// Each channel's route and SLA as plain values, read per lead (a channel itself holds
        /// arrays, and reading one through the network retains them).
        let route: [Route]
        let slaRule: [SLARule]
        var events = EventQueue()
        /// First deadlines, which never need the shared event heap (see `DeadlineLanes`).
        var firstDeadlines: DeadlineLanes
        /// Each pod's calendar, read at the current time.
        var clocks: [PodClock]

        init(_ net: RouterNetwork, _ leads: Arrivals, _ order: ServiceOrder) {
            self.net = net
            self.leads = leads
            self.order = order
            clocks = net.pods.map { PodClock($0.calendar) }
            firstDeadlines = DeadlineLanes(lanes: net.channels.count * net.pods.count)
            for (p, pod) in net.pods.enumerated() {
                firstRep.append(repPod.count)
                repPod += repeatElement(p, count: max(0, pod.agents))
                idle.append(max(0, pod.agents))
            }
            firstRep.append(repPod.count)
            busy = Array(repeating: false, count: repPod.count)
            untouched = Array(repeating: 0, count: repPod.count)
            repQueue = Array(repeating: PriorityQueue(), count: repPod.count)
            podQueue = Array(repeating: PriorityQueue(), count: net.pods.count)
            podWakeScheduled = Array(repeating: false, count: net.pods.count)
            for channel in net.channels {
                if case .rotation(let podList, let podWeights) = channel.routing {
                    for (i, p) in podList.enumerated() where firstRep[p] < firstRep[p + 1] {
                        rotationPod.append(p)
                        rotationWeight.append(podWeights[i])
                    }
                }
                rotationStart.append(rotationPod.count)
            }
            rotationCredit = Array(repeating: 0, count: rotationPod.count)
            rotationPointer = Array(repeating: 0, count: rotationPod.count)
            lead = Array(repeating: LeadState(), count: leads.times.count)
            route = net.channels.map { channel in
                switch channel.routing {
                case .podQueue(let p): .podQueue(p)
                case .rotation: .rotation
                case .accountOwner(let p): .accountOwner(p)
                }
            }
            slaRule = net.channels.map { channel in
                channel.clock == .calendar
                    ? SLARule(calendar: true, seconds: Double(channel.sla.calendarSeconds), days: 0)
                    : SLARule(calendar: false, seconds: Double(channel.sla.clockSeconds), days: channel.sla.days)
            }
        }

        // MARK: Time on a pod's calendar

        /// When `seconds` of work started at `start` ends, counting only open time.
        mutating func finish(_ pod: Int, from start: Double, seconds: Double) -> Double {
            clocks[pod].instant(atOpenTime: clocks[pod].openTime(at: start) + seconds)
        }

        mutating func deadline(arrival: Double, channel c: Int, pod: Int, laps: Int = 1) -> Double {
            let rule = slaRule[c]
            if rule.calendar { return arrival + Double(laps) * rule.seconds }
            if rule.days > 0 {
                return RouterSimulation.deadline(net.pods[pod].calendar, arrival: arrival, channel: net.channels[c], laps: laps)
            }
            // The business clock in hours and minutes: open time on, read on the pod's clock.
            let open = clocks[pod].openTime(at: arrival) + Double(laps) * rule.seconds
            return clocks[pod].instant(atOpenTime: open)
        }

        // MARK: The run

        mutating func run() {
            let n = leads.times.count
            var next = 0
            while next < n || !events.isEmpty || !firstDeadlines.isEmpty {
                let eventTime = events.peekTime
                let laneTime = firstDeadlines.peekTime
                if next < n, leads.times[next] <= eventTime, leads.times[next] <= laneTime {
                    arrive(next, at: leads.times[next])
                    next += 1
                    continue
                }
                // Ties go the way one heap would order them: time, then kind (a deadline last),
                // then lead.
                let e: Event
                if laneTime < eventTime
                    || (laneTime == eventTime && (events.peekKind == .deadline && firstDeadlines.peekLead < events.peekID))
                {
                    e = Event(time: laneTime, kind: .deadline, id: firstDeadlines.pop(), lap: 1)
                } else {
                    e = events.pop()
                }
                switch e.kind {
                case .repFree:
                    busy[Int(e.id)] = false
                    idle[repPod[Int(e.id)]] += 1
                    dispatch(rep: Int(e.id), at: e.time)
                case .podOpens:
                    let p = Int(e.id)
                    podWakeScheduled[p] = false
                    for r in firstRep[p]..<firstRep[p + 1] where !busy[r] { dispatch(rep: r, at: e.time) }
                case .deadline:
                    reassign(Int(e.id), at: e.time, lap: Int(e.lap))
                }
            }
        }

        mutating func arrive(_ i: Int, at t: Double) {
            let c = Int(leads.channels[i])
            switch route[c] {
            case .podQueue(let p):
                lead[i].home = Int32(p)
                lead[i].deadline = deadline(arrival: t, channel: c, pod: p)
                guard firstRep[p] < firstRep[p + 1] else { return }
                podQueue[p].push(priority(i), lead: Int32(i), version: 0)
                if idle[p] > 0, let r = (firstRep[p]..<firstRep[p + 1]).first(where: { !busy[$0] }) { dispatch(rep: r, at: t) }
            case .rotation:
                guard let r = pickRotation(c, at: t, excluding: nil) else { return }
                assign(i, to: r, at: t, channel: c, first: true)
            case .accountOwner(let p):
                let count = firstRep[p + 1] - firstRep[p]
                guard count > 0 else {
                    lead[i].home = Int32(p)
                    lead[i].deadline = deadline(arrival: t, channel: c, pod: p)
                    return
                }
                let r = firstRep[p] + min(count - 1, Int(leads.picks[i] * Double(count)))
                assign(i, to: r, at: t, channel: c, first: true)
            }
        }

        mutating func assign(_ i: Int, to r: Int, at t: Double, channel c: Int, first: Bool) {
            let p = repPod[r]
            if first {
                let due = deadline(arrival: leads.times[i], channel: c, pod: p)
                lead[i].home = Int32(p)
                lead[i].deadline = due
                if net.retryLimit > 0, !firstDeadlines.append(Int32(i), at: due, lane: c * net.pods.count + p) {
                    events.push(Event(time: due, kind: .deadline, id: Int32(i), lap: 1))
                }
            }
            lead[i].assigned = Int32(r)
            untouched[r] += 1
            repQueue[r].push(priority(i), lead: Int32(i), version: lead[i].version)
            if !busy[r] { dispatch(rep: r, at: t) }
        }

        /// A missed SLA: the lead moves to the next rep of the rotation, if retries remain.
        mutating func reassign(_ i: Int, at t: Double, lap: Int) {
            guard lead[i].touched == .infinity, lap <= net.retryLimit, lead[i].assigned >= 0 else { return }
            let c = Int(leads.channels[i])
            let current = Int(lead[i].assigned)
            let next: Int?
            switch route[c] {
            case .rotation: next = pickRotation(c, at: t, excluding: current)
            case .accountOwner(let p):
                let count = firstRep[p + 1] - firstRep[p]
                let k = repPod[current] == p ? current - firstRep[p] + 1 : 0
                next = count > 1 ? firstRep[p] + k % count : nil
            case .podQueue: next = nil
            }
            guard let r = next, r != current else { return }
            untouched[current] -= 1
            lead[i].version += 1
            assign(i, to: r, at: t, channel: c, first: false)
            let again = deadline(arrival: leads.times[i], channel: c, pod: Int(lead[i].home), laps: lap + 1)
            events.push(Event(time: again, kind: .deadline, id: Int32(i), lap: Int32(lap + 1)))
        }

        func priority(_ i: Int) -> Double {
            switch order {
            case .earliestDeadline: lead[i].deadline
            case .newestFirst: -leads.times[i]
            case .firstComeFirstServed: leads.times[i]
            }
        }

        /// The next rep of a channel's rotation who can take a lead now: pods by weight (smooth
        /// weighted round robin over the pods that are open), reps in turn within a pod, skipping
        /// reps at `max-open`. When nobody can, the rep whose pod opens first.
        mutating func pickRotation(_ c: Int, at t: Double, excluding: Int?) -> Int? {
            let entries = rotationStart[c]..<rotationStart[c + 1]
            guard !entries.isEmpty else { return nil }
            let first = entries.lowerBound
            // Pods as bits (a rotation names a handful): no allocation per lead.
            let last = min(entries.upperBound, first + 64)
            var eligible: UInt64 = 0
            for k in first..<last where clocks[rotationPod[k]].isOpen(at: t) { eligible |= 1 << UInt64(k - first) }
            var respectLimit = true
            if eligible == 0 {
                // Nobody is open: the pods that open first, in rotation among themselves.
                var opens = Double.infinity
                for k in first..<last { opens = min(opens, clocks[rotationPod[k]].nextOpening(atOrAfter: t)) }
                guard opens.isFinite else { return excluding }
                for k in first..<last where clocks[rotationPod[k]].nextOpening(atOrAfter: t) <= opens + 1 {
                    eligible |= 1 << UInt64(k - first)
                }
                respectLimit = false
            }
            while eligible != 0 {
                var total = 0.0
                var best = -1
                for k in first..<last where eligible & (1 << UInt64(k - first)) != 0 {
                    total += rotationWeight[k]
                    rotationCredit[k] += rotationWeight[k]
                    if best < 0 || rotationCredit[k] > rotationCredit[best] + 1e-12 { best = k }
                }
                rotationCredit[best] -= total
                if let r = nextRep(best, excluding: excluding, respectLimit: respectLimit) { return r }
                eligible &= ~(1 << UInt64(best - first))
                // Everyone open is at max-open: the least loaded open rep takes it.
                if eligible == 0, respectLimit {
                    var chosen: Int?
                    for k in entries where clocks[rotationPod[k]].isOpen(at: t) {
                        let p = rotationPod[k]
                        for r in firstRep[p]..<firstRep[p + 1] where r != excluding && (chosen.map { untouched[r] < untouched[$0] } ?? true)
                        {
                            chosen = r
                        }
                    }
                    if let chosen { return chosen }
                }
            }
            return excluding
        }

        /// The next rep in turn of rotation entry `k`'s pod, skipping `excluding` and reps at
        /// `max-open`.
        mutating func nextRep(_ k: Int, excluding: Int?, respectLimit: Bool) -> Int? {
            let p = rotationPod[k]
            let count = firstRep[p + 1] - firstRep[p]
            let limit = respectLimit ? (net.pods[p].maxOpen ?? Int.max) : Int.max
            var index = rotationPointer[k]
            for _ in 0..<count {
                let r = firstRep[p] + index
                index = index + 1 == count ? 0 : index + 1
                if r != excluding, untouched[r] < limit {
                    rotationPointer[k] = index
                    return r
                }
            }
            return nil
        }

        /// A rep free at `t` takes the most urgent lead of their own queue or their pod's.
        mutating func dispatch(rep r: Int, at t: Double) {
            guard !busy[r] else { return }
            let p = repPod[r]
            if !clocks[p].isOpen(at: t) {
                let opens = clocks[p].nextOpening(atOrAfter: t)
                if opens.isFinite, !podWakeScheduled[p], hasWork(rep: r) {
                    podWakeScheduled[p] = true
                    events.push(Event(time: opens, kind: .podOpens, id: Int32(p), lap: 0))
                }
                return
            }
            dropStale(rep: r)
            let own = repQueue[r].peek
            let shared = podQueue[p].peek
            let taken: Int
            switch (own, shared) {
            case (nil, nil): return
            case (.some, nil): taken = Int(repQueue[r].pop().lead)
            case (nil, .some): taken = Int(podQueue[p].pop().lead)
            case (let a?, let b?):
                taken = a.priority <= b.priority ? Int(repQueue[r].pop().lead) : Int(podQueue[p].pop().lead)
            }
            lead[taken].touched = t
            if lead[taken].assigned >= 0 { untouched[Int(lead[taken].assigned)] -= 1 }
            busy[r] = true
            idle[p] -= 1
            events.push(Event(time: finish(p, from: t, seconds: leads.services[taken]), kind: .repFree, id: Int32(r), lap: 0))
        }

        func hasWork(rep r: Int) -> Bool { !repQueue[r].isEmpty || !podQueue[repPod[r]].isEmpty }

        /// Drops entries of leads that were reassigned away from a rep's queue.
        mutating func dropStale(rep r: Int) {
            while let top = repQueue[r].peek {
                let i = Int(top.lead)
                guard lead[i].version != top.version || lead[i].touched != .infinity else { return }
                _ = repQueue[r].pop()
            }
        }

        func outcome(waits collect: Bool) -> Outcome {
            var out = Array(repeating: ChannelOutcome(), count: net.channels.count)
            var podLeads = Array(repeating: 0, count: net.pods.count)
            var podMet = Array(repeating: 0, count: net.pods.count)
            var podWaits = Array(repeating: [Double](), count: net.pods.count)
            var cells = Array(repeating: ChannelOutcome(), count: net.channels.count * net.pods.count)
            for i in leads.times.indices {
                let c = Int(leads.channels[i])
                let p = Int(lead[i].home)
                let cell = c * net.pods.count + p
                let t = lead[i].touched
                let met = t <= lead[i].deadline + 1e-6
                out[c].leads += 1
                if met { out[c].met += 1 }
                if p >= 0 {
                    podLeads[p] += 1
                    cells[cell].leads += 1
                    if met {
                        podMet[p] += 1
                        cells[cell].met += 1
                    }
                }
                guard collect else { continue }
                let wait: Double
                if t == .infinity {
                    wait = .infinity
                } else if net.channels[c].clock == .business, p >= 0 {
                    let cal = net.pods[p].calendar
                    wait = max(0, cal.openTime(at: t) - cal.openTime(at: leads.times[i]))
                } else {
                    wait = max(0, t - leads.times[i])
                }
                out[c].waits.append(wait)
                if p >= 0 {
                    podWaits[p].append(wait)
                    cells[cell].waits.append(wait)
                }
            }
            return Outcome(channels: out, podLeads: podLeads, podMet: podMet, podWaits: podWaits, cells: cells)
        }
    }
}
