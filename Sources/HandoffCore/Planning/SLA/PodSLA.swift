/// A change that would help a pod meet its target (SPEC §3.3.4, "what it would take").
public enum SLAChange: Sendable, Hashable, Codable {
    /// More reps, as many as the simulation says.
    case moreReps
    /// Pod hours that also cover the arrival windows of the pod's channels.
    case coverArrivalWindow(hours: WeeklyHours)
    /// The pod's weekday hours on Saturday and Sunday too.
    case weekendCoverage(hours: WeeklyHours)
    /// The shortest every-day hours, around today's, whose ceiling reaches the target: when
    /// leads arrive round the clock and the SLA is short, only longer days help.
    case extendedHours(hours: WeeklyHours)
    /// The business clock instead of the calendar clock.
    case businessClock
    /// Serving the newest lead first.
    case newestFirst
}

/// One row of "what it would take": the change, the attainment it reaches with today's reps,
/// and the reps it needs to meet the target (nil: none does).
public struct SLAOption: Sendable, Hashable, Codable {
    public var change: SLAChange
    public var attainment: Double
    public var reps: Int?
    public var meetsTarget: Bool
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

/// A point of the staffing curve: attainment with this many reps, simulated and Erlang C.
public struct StaffingPoint: Sendable, Hashable, Codable {
    public var reps: Int
    public var simulated: Double
    public var erlang: Double
}

/// The SLA model of one pod: the in-hours reference, the calendar-true figures and verdict,
/// and the advice (SPEC §3.3).
public struct PodSLA: Sendable, Codable {
    public var name: String
    public var role: Brief.Pod.Role
    public var reps: Int
    public var shrinkage: Percent
    public var agents: Int
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
}
