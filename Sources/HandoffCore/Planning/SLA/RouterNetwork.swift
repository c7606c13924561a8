/// The brief's pods and channels as the router sees them (SPEC §3.3.2), laid out on the real
/// calendar and ready to simulate. Staffing is a value here, so the advice can try other
/// headcounts, hours or clocks on the same arrivals.
public struct RouterNetwork: Sendable {
    /// A pod: its productive reps and when they work.
    public struct Pod: Sendable {
        public var name: String
        /// Productive agents: the reps simulated.
        public var agents: Int
        /// The pod's open hours in its zone, without the brief's and its own holidays.
        public var calendar: OpenIntervals
        /// Untouched leads one rep may hold before the rotation skips them.
        public var maxOpen: Int?
    }

    /// How a channel's leads reach reps.
    public enum Routing: Sendable, Hashable {
        /// One queue for the pod; the next free productive rep takes the lead.
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
    }

    /// A routing rule with the SLA its leads get (SPEC §2.3).
    public struct Channel: Sendable {
        public var rule: String
        public var routing: Routing
        public var streams: [Stream]
        public var handleSeconds: Double
        public var sla: ResponseDuration
        public var clock: Brief.SLAClock
        public var target: Double
        /// Leads a week the channel is expected to bring.
        public var leadsPerWeek: Double
    }

    public var pods: [Pod]
    public var channels: [Channel]
    /// Reassignments after a missed SLA (the escalation's retry limit).
    public var retryLimit: Int
    /// Weeks of arrivals.
    public var weeks: Int
}
