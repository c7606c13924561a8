/// What the CRM recorded after go-live, beside what the model predicted (SPEC §3.8). Instants
/// are seconds since 1970 UTC; weeks start on Monday in the brief's zone.
public struct SLAActuals: Sendable, Codable {
    /// One week of a channel at a pod, by the week its leads arrived.
    public struct Week: Sendable, Codable, Hashable {
        public var start: CalendarDate
        public var leads: Int
        public var met: Int
        /// Leads whose SLA has run out by the end of the export: met, or missed.
        public var decided: Int

        public var attainment: Double? { decided > 0 ? Double(met) / Double(decided) : nil }
    }

    /// A channel (routing rule) at a pod, against its own SLA and target.
    public struct Cell: Sendable, Codable {
        public var rule: String
        public var pod: String
        public var responseSLA: ResponseDuration
        public var clock: Brief.SLAClock
        public var target: Double
        public var leads: Int
        public var met: Int
        public var missed: Int
        /// Not touched, and their SLA still running when the export ends.
        public var open: Int
        /// Missed and never touched.
        public var untouched: Int
        /// Met over met and missed, with its 95% (Wilson) interval; nil without such leads.
        public var attainment: Double?
        public var low: Double
        public var high: Double
        /// Minutes of the channel's clock (working minutes on the business clock); infinity:
        /// never touched.
        public var medianMinutes: Double
        public var p90Minutes: Double
        public var weeks: [Week]
        public var leadsPerWeek: Double
        /// Leads arriving outside the channel's arrival window.
        public var afterHoursShare: Double
        /// The last four weeks of the export.
        public var recentMet: Int
        public var recentDecided: Int
        /// The model beside it, when the model has this channel at this pod.
        public var model: Comparison?

        public var recentAttainment: Double? { recentDecided > 0 ? Double(recentMet) / Double(recentDecided) : nil }
    }

    /// A pod's leads over every channel it serves, each judged on its own SLA: the weekly chart.
    public struct PodActuals: Sendable, Codable {
        public var pod: String
        /// The strictest target of its channels.
        public var target: Double
        public var leads: Int
        public var met: Int
        public var decided: Int
        public var weeks: [Week]
        public var recentMet: Int
        public var recentDecided: Int
        /// The model's mean for the pod, and the range one week's figure falls in 95% of the time
        /// if the model is right; nil when the model has no figure for the pod.
        public var modelMean: Double?
        public var weekLow: Double?
        public var weekHigh: Double?

        public var attainment: Double? { decided > 0 ? Double(met) / Double(decided) : nil }
        public var recentAttainment: Double? { recentDecided > 0 ? Double(recentMet) / Double(recentDecided) : nil }
    }

    /// A channel's volume as the export shows it, beside what the brief says (all its pods).
    public struct ChannelVolume: Sendable, Codable {
        public var rule: String
        public var leadsPerWeek: Double
        /// Leads arriving outside the channel's window.
        public var afterHoursShare: Double
        /// The brief's: the router's share of its leads a week, and the channel's stated share.
        public var briefLeadsPerWeek: Double
        public var briefAfterHoursShare: Double
    }

    /// The model's figure against the actual one: the simulated mean and interval, and the range
    /// an export of this length would show if the model were right (replicas are 26 weeks; a
    /// shorter period varies more).
    public struct Comparison: Sendable, Codable {
        public var simulated: SimulatedFigures
        public var expectedLow: Double
        public var expectedHigh: Double
        /// The actual interval and the expected range overlap.
        public var agrees: Bool
        /// Where they do not: the inputs the export contradicts.
        public var contradictions: [Contradiction]
        /// The simulated figure with the export's volume and after-hours share instead of the
        /// brief's; nil when the model agrees.
        public var withObservedInputs: SimulatedFigures?
    }

    /// A planning input the export contradicts.
    public enum Contradiction: Sendable, Codable, Hashable {
        /// The channel's leads a week: the export's against the brief's.
        case volume(observed: Double, brief: Double)
        /// The channel's share of leads arriving outside its window.
        case afterHours(observed: Double, brief: Double)
    }

    /// A window in which a pod's breaches reached the escalation trigger, and the level it
    /// escalates to (SPEC §3.4): the first, then one higher while the last is unresolved.
    public struct Escalation: Sendable, Codable, Hashable {
        public var pod: String
        /// The first and the last breach of the window.
        public var start: Double
        public var end: Double
        public var breaches: Int
        public var level: Int
        public var owner: String
        /// The week (index into `weeks`) of its last breach.
        public var week: Int
    }

    /// What sales did with the leads.
    public struct Acceptance: Sendable, Codable, Hashable {
        public struct Reason: Sendable, Codable, Hashable {
            public var reason: String
            public var count: Int
        }
        public var leads: Int
        public var accepted: Int
        public var rejected: Int
        public var reasons: [Reason]
        public var recycled: Int
    }

    public struct BadCount: Sendable, Codable, Hashable {
        public var kind: ActualsReader.BadRow.Kind
        public var count: Int
    }

    public var file: String
    public var timezone: String
    /// Data rows read.
    public var rows: Int
    /// Rows a rule sends to a pod with a first-touch SLA.
    public var routed: Int
    /// Rows no rule matched.
    public var unmatched: Int
    /// Rows for named owners and queues outside sales (no SLA modelled).
    public var outsideSLA: Int
    public var badRows: [ActualsReader.BadRow]
    public var badCounts: [BadCount]
    /// The Monday each week starts, first to last.
    public var weeks: [CalendarDate]
    public var weeksObserved: Double
    public var exportEnd: Double
    public var leadsPerWeek: Double
    /// Leads arriving outside the brief's `hours`.
    public var afterHoursShare: Double
    /// Leads a week by hour of the week (Monday 00:00 is hour 0, in the brief's zone).
    public var hourOfWeek: [Double]
    public var cells: [Cell]
    /// Per channel in the brief's order of rules, the channels that received routed leads.
    public var channels: [ChannelVolume]
    /// Per pod in the brief's order, the pods that received routed leads.
    public var pods: [PodActuals]
    public var acceptance: Acceptance
    public var escalations: [Escalation]

    public var badRowCount: Int { badCounts.reduce(0) { $0 + $1.count } }

    /// Cells whose last four weeks fall below their target (`check --strict`).
    public var recentlyBelowTarget: [Cell] {
        cells.filter { c in c.recentAttainment.map { $0 < c.target - SLAStatus.tolerance } ?? false }
    }

    /// The pod with the lowest attainment over the last four weeks (the portfolio's figure).
    public var weakestRecentPod: PodActuals? {
        pods.filter { $0.recentAttainment != nil }.min { $0.recentAttainment! < $1.recentAttainment! }
    }

    /// Every cell whose model and export disagree.
    public var disagreements: [Cell] { cells.filter { $0.model?.agrees == false } }

    /// The Wilson score interval of `k` successes in `n` trials, 95%.
    public static func wilson(_ k: Int, _ n: Int) -> (low: Double, high: Double) {
        guard n > 0 else { return (0, 1) }
        let z = 1.959_963_984_540_054, nn = Double(n), p = Double(k) / nn
        let denominator = 1 + z * z / nn
        let centre = (p + z * z / (2 * nn)) / denominator
        let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denominator
        return (max(0, centre - half), min(1, centre + half))
    }
}
