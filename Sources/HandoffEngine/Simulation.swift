/// One replica of the calendar, routed the way the router routes (SPEC §3.3.2): pod queues served
/// by the next free rep on duty; round-robin and account-owner leads assigned at arrival to one
/// rep, skipping reps off shift and reps at `max-open`, reassigned after a missed SLA up to the
/// retry limit; every queue served earliest deadline first (or newest first, the comparison).
/// Reps work only in their shift's hours; work pauses at the end of a shift.
///
/// The engine's one entry: a network and a replica's leads in, what happened out. Where a pod
/// queue has one SLA, earliest deadline first is first come first served and the run is a
/// recursion in each shift's open time, with no events at all; everything else is simulated
/// event by event. Both give the same result lead by lead (a test holds it).
public enum Simulation {
    /// Which waiting lead a free rep takes.
    public enum Order: Sendable, Hashable {
        case earliestDeadline
        case newestFirst
        /// Oldest lead first, whatever its SLA: the comparison for earliest deadline first.
        case firstComeFirstServed
    }

    /// How a run is carried out.
    public enum Path: Sendable, Hashable {
        /// Pod queues with one SLA each: the open-time recursion.
        case podQueueRecursion
        /// The discrete-event engine.
        case events
    }

    /// Routes and serves one replica's leads. With `waits`, the outcome also holds every lead's
    /// home pod and time to first touch.
    public static func run(_ net: Network, _ leads: Leads, order: Order, waits: Bool = false) -> Outcome {
        run(net, leads, order: order, waits: waits, path: path(net, order: order))
    }

    /// The same run on a path of the caller's choosing, for tests that hold the paths equal; a
    /// path that does not apply falls back to the events.
    public static func run(_ net: Network, _ leads: Leads, order: Order, waits: Bool, path: Path) -> Outcome {
        if path == .podQueueRecursion, Self.path(net, order: order) == .podQueueRecursion {
            return PodQueueRecursion.run(net, leads, waits: waits)
        }
        var engine = EventEngine(net, leads, order)
        defer { engine.free() }
        engine.run()
        return engine.outcome(waits: waits)
    }

    /// The path `run` takes: the recursion where every channel is a pod queue whose pod serves
    /// one SLA (or oldest first), else the events.
    public static func path(_ net: Network, order: Order) -> Path {
        guard order != .newestFirst else { return .events }
        var sla: [Int: Network.SLA] = [:]
        for channel in net.channels {
            guard case .podQueue(let p) = channel.routing else { return .events }
            if order == .earliestDeadline {
                if let other = sla[p], other != channel.sla { return .events }
                sla[p] = channel.sla
            }
        }
        return .podQueueRecursion
    }

    /// A lead's deadline on its pod's calendar, `laps` SLAs after it arrived: the calendar clock
    /// counts every second; the business clock counts the pod's open time, and a day is the
    /// open hours of a working day, starting with the day the clock starts.
    public static func deadline(_ calendar: OpenIntervals, arrival: Double, sla: Network.SLA, laps: Int = 1) -> Double {
        guard sla.businessClock else { return arrival + Double(laps) * sla.calendarSeconds }
        var open = calendar.openTime(at: arrival)
        for _ in 0..<laps {
            var span = sla.clockSeconds
            if sla.days > 0, !calendar.workingDay.isEmpty {
                let k = calendar.intervalIndex(atOpenTime: open)
                let first = calendar.workingDay[min(k, calendar.workingDay.count - 1)]
                for d in first..<(first + sla.days) where d < calendar.dayOpenSeconds.count { span += calendar.dayOpenSeconds[d] }
            }
            open += span
        }
        return calendar.instant(atOpenTime: open)
    }
}
