/// What kind of change "what it would take" tries (SPEC §3.3.4): staffing and policy changes can
/// be the fix; a change of promise is listed apart and never named it: leadership decides whether
/// to promise less, not the model.
public enum ChangeKind: String, Sendable, Hashable, Codable {
    case staffing
    case policy
    case promise
}

/// A change that would help a pod meet its target (SPEC §3.3.4, "what it would take").
public enum SLAChange: Sendable, Hashable, Codable {
    /// More reps on today's shifts, added in proportion, as many as the simulation says.
    case moreReps
    /// A new shift covering hours in which leads arrive and the pod is closed or short (late,
    /// early, the arrival window's uncovered part) or a weekend rota, with as many reps as it
    /// needs.
    case addShift(name: String, hours: WeeklyHours)
    /// Reps moved from one of today's shifts to a new one with these hours.
    case moveReps(from: String, to: String, hours: WeeklyHours)
    /// Every rep works these hours: a longer shift for each, costed as such.
    case longerDays(hours: WeeklyHours)
    /// Serving the newest lead first.
    case newestFirst
    /// The business clock instead of the calendar clock.
    case businessClock
    /// A longer SLA: the first-touch time the target share gets today.
    case longerSLA(ResponseDuration)
    /// A lower target: the share touched in time today.
    case lowerTarget(Percent)
    /// The staffing plan: reps added to several shifts at once, when that is cheaper than any
    /// single change.
    case staffingPlan

    public var kind: ChangeKind {
        switch self {
        case .moreReps, .addShift, .moveReps, .longerDays, .staffingPlan: .staffing
        case .newestFirst: .policy
        case .businessClock, .longerSLA, .lowerTarget: .promise
        }
    }
}

/// One row of "what it would take": the change, the attainment it reaches, the reps it needs
/// (headcount in all; nil: none reaches the target), how many of them work the changed or new
/// shift, and what it costs in full-time equivalents against today.
public struct SLAOption: Sendable, Hashable, Codable {
    public var change: SLAChange
    /// With the reps below where a number is found, else with today's (or, for a new shift, a
    /// rota of `shiftReps`).
    public var attainment: Double
    public var reps: Int?
    /// The reps on the new or moved shift, for a change that has one.
    public var shiftReps: Int?
    public var meetsTarget: Bool
    /// FTE added (negative: saved) against today.
    public var fteChange: Double

    public var kind: ChangeKind { change.kind }
}

/// One of a pod's shifts (SPEC §2.4) with its cost and load.
public struct ShiftSLA: Sendable, Hashable, Codable {
    public var name: String
    public var hours: WeeklyHours
    public var reps: Int
    /// `floor(reps × (1 − shrinkage))`.
    public var agents: Int
    /// Reps × the shift's weekly hours.
    public var repHoursPerWeek: Double
    public var fte: Double
    /// Productive agents × the shift's open hours a week (holidays included).
    public var capacityHoursPerWeek: Double
    /// Work that arrives while the shift works (shared with the shifts working beside it by
    /// their agents), and work that waits for it to open.
    public var workloadHoursPerWeek: Double
    public var utilisation: Double
}

/// A week of a pod laid out by hour (Monday 00:00 is hour 0, in the pod's zone): leads arriving,
/// on average over the run, and productive agents on duty, today and in a plan.
public struct WeekGrid: Sendable, Hashable, Codable {
    public var leadsPerHour: [Double]
    public var agentsToday: [Int]
    public var agentsInPlan: [Int]
}

/// The staffing plan of SPEC §3.3.4: the shifts with the fewest FTE found that meet a pod's
/// target on every channel (or come closest within twice today's FTE).
public struct StaffingPlan: Sendable, Hashable, Codable {
    /// A shift of the plan: today's reps (0 for a new shift) and the plan's.
    public struct Shift: Sendable, Hashable, Codable {
        public var name: String
        public var hours: WeeklyHours
        public var repsToday: Int
        public var reps: Int
        public var agents: Int
        public var fteToday: Double
        public var fte: Double
        public var repHoursPerWeek: Double
    }

    public var shifts: [Shift]
    public var fteToday: Double
    public var fte: Double
    public var simulated: SimulatedFigures
    public var meetsTarget: Bool
    /// When no plan meets the target: what unlimited reps on today's and the candidate shifts
    /// would reach.
    public var ceiling: Double?
    public var grid: WeekGrid

    public var headcount: Int { shifts.reduce(0) { $0 + $1.reps } }
}

/// One channel (routing rule) as a pod serves it, against its own SLA and target.
public struct ChannelSLA: Sendable, Hashable, Codable {
    public var rule: String
    public var responseSLA: ResponseDuration
    public var clock: Brief.SLAClock
    public var target: Double
    public var simulated: SimulatedFigures
    public var status: SLAStatus
    /// The in-hours reference for this channel: Erlang C for a pod queue, GI/M/1 for a rotation.
    public var reference: Double
    public var referenceModel: ReferenceModel
}

/// Which textbook queue the in-hours reference is.
public enum ReferenceModel: String, Sendable, Hashable, Codable {
    /// M/M/c: one queue, the next free rep (Erlang C).
    case pooled
    /// GI/M/1 per rep: each rep's own queue, fed every c-th lead.
    case rotation
}

/// A point of the staffing curve: attainment with this many reps, simulated (with its 95%
/// interval, ±2 points: the chart draws it as a band) and Erlang C.
public struct StaffingPoint: Sendable, Hashable, Codable {
    public var reps: Int
    public var simulated: Double
    public var low: Double
    public var high: Double
    public var erlang: Double
}

/// The SLA model of one pod: the in-hours reference, the calendar-true figures and verdict,
/// and the advice (SPEC §3.3).
public struct PodSLA: Sendable, Codable {
    public var name: String
    public var role: Brief.Pod.Role
    /// Headcount.
    public var reps: Int
    public var shrinkage: Percent
    public var agents: Int
    /// The pod's shifts (one working its hours when it states `reps`).
    public var shifts: [ShiftSLA]
    /// Rep-hours a week over `contract-hours`.
    public var fte: Double
    /// Share of all leads the pod receives.
    public var share: Double
    public var hours: WeeklyHours
    public var timezone: String
    /// The clock of the pod's channels (calendar when any is).
    public var clock: Brief.SLAClock

    // In-hours reference (SPEC §3.3.1).
    public var arrivalsPerHour: Double
    public var offeredLoad: Double
    public var occupancy: Double
    public var probabilityOfWait: Double
    public var attainment: Double
    public var averageSpeedOfAnswerMinutes: Double
    public var requiredAgents: Int?
    public var requiredReps: Int?

    // Calendar-true (SPEC §3.3.2–3.3.4).
    public var workloadHoursPerWeek: Double
    public var capacityHoursPerWeek: Double
    public var utilisation: Double
    /// Productive reps to add just to keep up, when utilisation is at or above 100%.
    public var moreAgentsToKeepUp: Int?
    public var simulated: SimulatedFigures
    public var newestFirst: SimulatedFigures
    public var recommendNewestFirst: Bool
    /// The smallest headcount meeting the target on every channel; nil when none does.
    public var requiredRepsSimulated: Int?
    /// The attainment with unlimited reps: the ceiling of headcount.
    public var bestAttainment: Double
    /// The first-touch time the target share of leads gets today (minutes of the clock).
    public var achievableFirstTouchMinutes: Double
    public var options: [SLAOption]
    /// The cheapest change that meets the target, for a pod that does not.
    public var fix: SLAOption?
    public var channels: [ChannelSLA]
    public var status: SLAStatus
    public var reasons: [SLAReason]
    public var staffingCurve: [StaffingPoint]
    /// The staffing plan, for a pod that misses its target.
    public var plan: StaffingPlan?
    /// Leads arriving and agents on duty by hour of the week, today.
    public var grid: WeekGrid
}
