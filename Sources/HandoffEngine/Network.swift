/// The pods and channels of one group of pods that share leads, as the router sees them (SPEC
/// §3.3.2), laid out on the real calendar. Staffing is a value here, so a planner can try other
/// headcounts, shifts, hours or clocks on the same leads.
public struct Network: Sendable {
    /// Reps who keep the same hours: a pod states its staffing as shifts (SPEC §2.4); a pod with
    /// `reps` and no shifts is one shift.
    public struct Shift: Sendable {
        /// When its reps work, in the pod's zone, without the brief's and the pod's holidays.
        public var calendar: OpenIntervals
        /// Productive agents: the reps simulated.
        public var agents: Int

        public init(calendar: OpenIntervals, agents: Int) {
            self.calendar = calendar
            self.agents = agents
        }
    }

    /// A team working one queue per rep, or one shared queue.
    public struct Pod: Sendable {
        /// When the pod is open: whenever one of its shifts is. The business clock runs on it.
        public var calendar: OpenIntervals
        public var shifts: [Shift]
        /// Untouched leads one rep may hold before a rotation skips them.
        public var maxOpen: Int?

        public init(calendar: OpenIntervals, shifts: [Shift], maxOpen: Int? = nil) {
            self.calendar = calendar
            self.shifts = shifts
            self.maxOpen = maxOpen
        }

        /// A pod whose reps all work its hours.
        public init(calendar: OpenIntervals, agents: Int, maxOpen: Int? = nil) {
            self.init(calendar: calendar, shifts: [Shift(calendar: calendar, agents: agents)], maxOpen: maxOpen)
        }

        /// Productive agents over all shifts.
        public var agents: Int { shifts.reduce(0) { $0 + max(0, $1.agents) } }
    }

    /// How a channel's leads reach reps.
    public enum Routing: Sendable, Hashable {
        /// One queue for the pod; the next free productive rep on duty takes the lead.
        case podQueue(pod: Int)
        /// Assigned at arrival to one rep, in rotation over the named pods' reps, weighted by pod.
        case rotation(pods: [Int], weights: [Double])
        /// Assigned at arrival to one rep of the AEs' pod, at random.
        case accountOwner(pod: Int)

        public var pods: [Int] {
            switch self {
            case .podQueue(let p), .accountOwner(let p): [p]
            case .rotation(let pods, _): pods
            }
        }
    }

    /// Poisson arrivals at a constant rate over some stretches of time.
    public struct Stream: Sendable {
        public var intervals: OpenIntervals
        public var ratePerSecond: Double
        /// Whether these are the channel's in-window leads (else its after-hours ones).
        public var inWindow: Bool

        public init(intervals: OpenIntervals, ratePerSecond: Double, inWindow: Bool) {
            self.intervals = intervals
            self.ratePerSecond = ratePerSecond
            self.inWindow = inWindow
        }

        /// Leads expected over the whole run.
        public var expectedLeads: Double { ratePerSecond * intervals.total }
    }

    /// A first-touch promise as the simulation reads it.
    public struct SLA: Sendable, Hashable {
        /// The calendar clock counts every second; the business clock the pod's open time, and a
        /// day is one of its working days.
        public var businessClock: Bool
        /// Working days (business clock) or whole days of 24 hours (calendar clock).
        public var days: Int
        /// Hours, minutes and seconds beyond the days.
        public var clockSeconds: Double

        public init(businessClock: Bool, days: Int, clockSeconds: Double) {
            self.businessClock = businessClock
            self.days = days
            self.clockSeconds = clockSeconds
        }

        /// The whole promise in seconds of the calendar clock.
        public var calendarSeconds: Double { Double(days) * 86_400 + clockSeconds }
    }

    /// A routing rule's leads and the SLA they get (SPEC §2.3).
    public struct Channel: Sendable {
        public var routing: Routing
        public var streams: [Stream]
        public var handleSeconds: Double
        public var sla: SLA

        public init(routing: Routing, streams: [Stream], handleSeconds: Double, sla: SLA) {
            self.routing = routing
            self.streams = streams
            self.handleSeconds = handleSeconds
            self.sla = sla
        }

        /// Leads expected over the whole run, and those inside the arrival window.
        public var expectedLeads: Double { streams.reduce(0) { $0 + $1.expectedLeads } }
        public var expectedInWindow: Double { streams.filter(\.inWindow).reduce(0) { $0 + $1.expectedLeads } }
    }

    public var pods: [Pod]
    public var channels: [Channel]
    /// Reassignments after a missed SLA (the escalation's retry limit).
    public var retryLimit: Int

    public init(pods: [Pod], channels: [Channel], retryLimit: Int) {
        self.pods = pods
        self.channels = channels
        self.retryLimit = retryLimit
    }
}
