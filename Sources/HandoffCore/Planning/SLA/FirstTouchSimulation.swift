import Foundation

/// The seeded discrete-event simulation of one pod over a 26-week calendar (SPEC §3.3).
///
/// Leads arrive as Poisson processes inside and outside the arrival window; each pod serves
/// them with exponential handle times across its reps during the pod's own hours. The whole
/// queue runs in the pod's open-time coordinates (see `OpenIntervals`): a rep's work pauses at
/// closing and resumes at opening, and leads that arrive after hours all appear at the next
/// opening. That keeps first come first served down to one heap of per-rep free times.
public struct FirstTouchSimulation: Sendable {
    /// Which waiting lead a free rep takes.
    public enum Policy: String, Sendable {
        case firstComeFirstServed = "first come, first served"
        case newestFirst = "newest first"
    }

    /// What the simulation reports for one policy.
    public struct Outcome: Sendable, Hashable {
        /// Leads simulated.
        public var leads: Int
        /// Share of leads first-touched within the SLA, 0 to 1.
        public var attainment: Double
        /// Median time to first touch, minutes of the SLA clock.
        public var medianMinutes: Double
        /// 90th percentile time to first touch, minutes of the SLA clock.
        public var p90Minutes: Double
    }

    /// The simulation's inputs, all values.
    public struct Scenario: Sendable {
        public var seed: String
        public var weeks: Int = 26
        public var firstDay: CalendarDate
        /// Brief hours and zone: the window in which in-hours leads arrive.
        public var arrivalHours: WeeklyHours
        public var arrivalZone: TimeZone
        public var podHours: WeeklyHours
        public var podZone: TimeZone
        public var leadsPerWeek: Double
        public var afterHoursShare: Double
        public var agents: Int
        public var handleMinutes: Double
        public var sla: ResponseDuration
        public var clock: Brief.SLAClock
    }

    /// The laid-out time lines a scenario runs on. Pods of one brief share the arrival window,
    /// and usually the pod hours too, so the planner builds them once and passes them in.
    public struct Calendar: Sendable {
        public var window: OpenIntervals
        public var afterHours: OpenIntervals
        public var pod: OpenIntervals

        /// The arrival window and its complement over the scenario's weeks.
        public static func arrivals(_ s: Scenario) -> (window: OpenIntervals, afterHours: OpenIntervals) {
            let days = s.weeks * 7
            let window = OpenIntervals(hours: s.arrivalHours, zone: s.arrivalZone, firstDay: s.firstDay, days: days)
            let start = OpenIntervals.instant(s.firstDay, minutes: 0, s.arrivalZone)
            let end = OpenIntervals.instant(s.firstDay.adding(days: days), minutes: 0, s.arrivalZone)
            return (window, OpenIntervals(complementOf: window, from: start, to: end))
        }

        /// The pod's hours, from a day early to a few weeks late so the queue drains.
        public static func pod(_ s: Scenario) -> OpenIntervals {
            OpenIntervals(hours: s.podHours, zone: s.podZone, firstDay: s.firstDay.adding(days: -1), days: s.weeks * 7 + 43)
        }

        public init(_ s: Scenario) {
            (window, afterHours) = Self.arrivals(s)
            pod = Self.pod(s)
        }

        public init(window: OpenIntervals, afterHours: OpenIntervals, pod: OpenIntervals) {
            self.window = window
            self.afterHours = afterHours
            self.pod = pod
        }
    }

    public var scenario: Scenario
    public var calendar: Calendar

    public init(_ scenario: Scenario, calendar: Calendar? = nil) {
        self.scenario = scenario
        self.calendar = calendar ?? Calendar(scenario)
    }

    /// Runs both policies on the same arrivals and handle times.
    public func run() -> (fcfs: Outcome, newestFirst: Outcome) {
        let s = scenario
        let window = calendar.window
        let afterHours = calendar.afterHours
        let pod = calendar.pod

        var rng = SplitMix64(seedText: s.seed)
        let weeklyWindow = max(s.arrivalHours.weeklyHours, 1e-9) * 3600
        let inRate = s.leadsPerWeek * (1 - s.afterHoursShare) / weeklyWindow
        let outRate = s.leadsPerWeek * s.afterHoursShare / max(7 * 86_400 - weeklyWindow, 1e-9)
        let arrivals = Self.merge(
            Self.poisson(rate: inRate, over: window, rng: &rng), Self.poisson(rate: outRate, over: afterHours, rng: &rng))
        let handleSeconds = s.handleMinutes * 60
        var services = [Double]()
        services.reserveCapacity(arrivals.count)
        for _ in arrivals { services.append(rng.nextExponential(mean: handleSeconds)) }

        // Arrival instants in the pod's open time; arrivals are sorted, so one forward walk.
        let openArrivals = pod.openTimes(atSorted: arrivals)

        let deadlines = Self.deadlines(arrivals: arrivals, openArrivals: openArrivals, pod: pod, sla: s.sla, clock: s.clock)
        let fcfs = serve(.firstComeFirstServed, arrivals, openArrivals, services, deadlines, pod)
        let lifo = serve(.newestFirst, arrivals, openArrivals, services, deadlines, pod)
        return (fcfs, lifo)
    }

    /// Poisson arrivals at `rate` per open second of `intervals`, as instants.
    static func poisson(rate: Double, over intervals: OpenIntervals, rng: inout SplitMix64) -> [Double] {
        guard rate > 0 else { return [] }
        var result: [Double] = []
        result.reserveCapacity(Int(rate * intervals.total * 1.1) + 16)
        var t = rng.nextExponential(mean: 1 / rate)
        let total = intervals.total
        var cursor = intervals.instantCursor
        while t < total {
            result.append(cursor.instant(atOpenTime: t))
            t += rng.nextExponential(mean: 1 / rate)
        }
        return result
    }

    static func merge(_ a: [Double], _ b: [Double]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] <= b[j]) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        return out
    }

    /// Each lead's deadline: in pod open time under the business clock (`1d` being the open
    /// hours of a working day, starting with the day the clock starts), as an instant under the
    /// calendar clock.
    static func deadlines(arrivals: [Double], openArrivals: [Double], pod: OpenIntervals, sla: ResponseDuration, clock: Brief.SLAClock)
        -> [Double]
    {
        switch clock {
        case .calendar:
            let span = Double(sla.calendarMinutes * 60)
            return arrivals.map { $0 + span }
        case .business:
            let clockPart = Double(sla.clockMinutes * 60)
            guard sla.days > 0 else { return openArrivals.map { $0 + clockPart } }
            return openArrivals.map { t in
                let k = pod.intervalIndex(atOpenTime: t)
                let firstDay = pod.workingDay.isEmpty ? 0 : pod.workingDay[k]
                var span = clockPart
                for d in firstDay..<(firstDay + sla.days) where d < pod.dayOpenSeconds.count {
                    span += pod.dayOpenSeconds[d]
                }
                return t + span
            }
        }
    }

    /// Serves the leads under one policy and scores them against their deadlines.
    func serve(
        _ policy: Policy, _ arrivals: [Double], _ openArrivals: [Double], _ services: [Double], _ deadlines: [Double], _ pod: OpenIntervals
    ) -> Outcome {
        let n = arrivals.count
        guard n > 0 else { return Outcome(leads: 0, attainment: 1, medianMinutes: 0, p90Minutes: 0) }
        guard scenario.agents > 0 else { return Outcome(leads: n, attainment: 0, medianMinutes: .infinity, p90Minutes: .infinity) }
        var reps = MinHeap(repeating: 0, count: scenario.agents)
        var waits = [Double](repeating: 0, count: n)
        var met = 0
        var next = 0  // next lead not yet in the queue
        var head = 0  // FIFO: oldest waiting lead
        var stack: [Int] = []  // newest first: waiting leads
        let business = scenario.clock == .business
        var touch = pod.instantCursor  // decision times never decrease
        var served = 0
        // Decisions happen in time order: a rep idle since earlier decides no earlier than the
        // last decision, since nothing was waiting before then.
        var now = 0.0
        while served < n {
            var t = max(reps.min, now)
            let queueEmpty = policy == .firstComeFirstServed ? head == next : stack.isEmpty
            if queueEmpty { t = max(t, openArrivals[next]) }
            while next < n, openArrivals[next] <= t {
                if policy == .newestFirst { stack.append(next) }
                next += 1
            }
            let lead: Int
            if policy == .firstComeFirstServed {
                lead = head
                head += 1
            } else {
                lead = stack.removeLast()
            }
            now = t
            reps.replaceMin(with: t + services[lead])
            served += 1
            if business {
                waits[lead] = t - openArrivals[lead]
                if t <= deadlines[lead] + 1e-6 { met += 1 }
            } else {
                let touched = touch.instant(atOpenTime: t)
                waits[lead] = max(0, touched - arrivals[lead])
                if touched <= deadlines[lead] + 1e-6 { met += 1 }
            }
        }
        let median = Self.percentile(&waits, 0.5)
        // After selecting the median, everything above it sits to its right.
        let p90 = Self.percentile(&waits, 0.9, from: Self.rank(0.5, waits.count))
        return Outcome(leads: n, attainment: Double(met) / Double(n), medianMinutes: median / 60, p90Minutes: p90 / 60)
    }

    /// The nearest-rank index of percentile `p` among `count` values.
    static func rank(_ p: Double, _ count: Int) -> Int {
        min(count - 1, max(0, Int((p * Double(count)).rounded(.up)) - 1))
    }

    /// Nearest-rank percentile by selection (average linear time; the values get reordered).
    static func percentile(_ values: inout [Double], _ p: Double, from start: Int = 0) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = Self.rank(p, values.count)
        var lo = min(start, rank)
        var hi = values.count - 1
        while lo < hi {
            // Median-of-three pivot keeps sorted or constant runs from going quadratic.
            let mid = (lo + hi) / 2
            let pivot = Swift.max(Swift.min(values[lo], values[mid]), Swift.min(Swift.max(values[lo], values[mid]), values[hi]))
            var i = lo
            var j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
        }
        return values[rank]
    }
}
