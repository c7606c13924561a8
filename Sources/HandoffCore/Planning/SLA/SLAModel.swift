import Foundation

/// Why a pod, or the segment, has the SLA status it has, as values for presentation to word.
public enum SLAReason: Sendable, Hashable {
    /// More work arrives than the productive reps can do: the queue grows without bound.
    case queueGrowsWithoutBound(pod: String, load: Double, agents: Int)
    /// The simulated attainment falls short of the target.
    case belowTarget(pod: String, simulated: Double, target: Double)
    /// On target, but too busy to absorb absences or peaks.
    case occupancyAboveLimit(pod: String, occupancy: Double)
    /// The calendar simulation falls well short of the in-hours reference, and why.
    case simulationBelowReference(pod: String, erlang: Double, simulated: Double, causes: [GapCause])
    /// Serving the newest lead first would do markedly better.
    case newestFirstHelps(pod: String, newestFirst: Double, firstComeFirstServed: Double)
    /// Leads for named owners, whose capacity is not modelled.
    case namedOwners(share: Double)

    /// Why the calendar simulation falls short of Erlang C, which sees only in-hours arrivals.
    public enum GapCause: Sendable, Hashable {
        case afterHoursArrivals(share: Percent, window: WeeklyHours)
        case podHoursDifferFromArrivals(hours: WeeklyHours, zone: String)
        case calendarClockRunsWhileClosed
        case queuesCarryOver
    }

    /// The pod a reason is about, when it is about one.
    public var pod: String? {
        switch self {
        case .queueGrowsWithoutBound(let pod, _, _), .belowTarget(let pod, _, _), .occupancyAboveLimit(let pod, _),
            .simulationBelowReference(let pod, _, _, _), .newestFirstHelps(let pod, _, _):
            pod
        case .namedOwners: nil
        }
    }
}

/// Whether a pod, or a segment, meets its first-touch SLA (SPEC §3.3).
public enum SLAStatus: String, Sendable, Hashable, Comparable {
    case meets
    case atRisk = "at risk"
    case breach
    /// No modelled capacity receives leads (named owners only).
    case notModelled = "not modelled"

    var severity: Int {
        switch self {
        case .notModelled: 0
        case .meets: 1
        case .atRisk: 2
        case .breach: 3
        }
    }

    public static func < (a: SLAStatus, b: SLAStatus) -> Bool { a.severity < b.severity }
}

/// The SLA model of one pod: Erlang C figures, the simulation, staffing and status.
public struct PodSLA: Sendable {
    public var name: String
    public var role: Brief.Pod.Role
    public var reps: Int
    public var shrinkage: Percent
    public var agents: Int
    /// Share of all leads the pod receives.
    public var share: Double
    public var arrivalsPerHour: Double
    public var offeredLoad: Double
    public var occupancy: Double
    public var probabilityOfWait: Double
    /// Erlang C in-hours attainment.
    public var attainment: Double
    public var averageSpeedOfAnswerMinutes: Double
    public var requiredAgents: Int?
    public var requiredReps: Int?
    public var simulated: FirstTouchSimulation.Outcome
    public var newestFirst: FirstTouchSimulation.Outcome
    /// Newest-first gains 5 points or more over first come, first served.
    public var recommendNewestFirst: Bool
    public var status: SLAStatus
    public var reasons: [SLAReason]
    /// Erlang C attainment for 1 … 2 × required reps (or 2 × current when unreachable).
    public var staffingCurve: [StaffingPoint]
    public var hours: WeeklyHours
    public var timezone: String
}

/// One point of the staffing curve.
public struct StaffingPoint: Sendable, Hashable {
    public var reps: Int
    public var attainment: Double
}

/// The SLA model of a segment: every pod that receives leads, and the worst status.
public struct SLAModel: Sendable {
    public var pods: [PodSLA]
    public var status: SLAStatus
    public var reasons: [SLAReason]
    public var target: Double
    /// The SLA in hours as the analytic model reads it.
    public var slaHours: Double
    public var handleMinutes: Double
    public var simulationStart: CalendarDate
    public var namedOwnerShare: Double

    /// The simulated calendar starts on the Monday of launch week, or on a fixed Monday, so the
    /// figures never depend on the day of the build.
    public static let defaultSimulationStart = CalendarDate(year: 2027, month: 1, day: 4)!

    public static func plan(_ brief: Brief, routing: RoutingBlueprint) -> SLAModel {
        let target = brief.targetAttainment.fraction
        let handleHours = Double(brief.volume.handleTime.calendarMinutes) / 60
        let start = brief.launch.map { $0.adding(days: -($0.weekday - 1)) } ?? defaultSimulationStart
        let briefZone = TimeZone(identifier: brief.timezone) ?? TimeZone(secondsFromGMT: 0)!
        let windowHours = brief.hours.weeklyHours
        var pods: [PodSLA] = []
        var arrivals: (window: OpenIntervals, afterHours: OpenIntervals)?
        var podCalendars: [String: OpenIntervals] = [:]
        for pod in brief.pods {
            guard let share = routing.podShares.first(where: { $0.pod == pod.name })?.share, share > 0 else { continue }
            let podHours = pod.hours ?? brief.hours
            let zoneName = pod.timezone ?? brief.timezone
            let podZone = TimeZone(identifier: zoneName) ?? briefZone
            let slaHours = analyticSLAHours(brief, podHours: podHours)
            let ratio = handleHours > 0 ? slaHours / handleHours : 0
            let agents = ErlangC.productiveAgents(reps: pod.reps, shrinkage: pod.shrinkage)
            let lambda = brief.volume.leadsPerWeek * share * (1 - brief.volume.afterHoursShare.fraction) / windowHours
            let load = lambda * handleHours
            let occupancy = agents > 0 ? load / Double(agents) : (load > 0 ? .infinity : 0)
            let pWait = ErlangC.probabilityOfWait(agents: agents, load: load)
            let attainment = ErlangC.serviceLevel(agents: agents, load: load, slaOverHandle: ratio)
            let asa = ErlangC.averageSpeedOfAnswer(agents: agents, load: load, handle: handleHours * 60)
            let requiredAgents = ErlangC.requiredAgents(load: load, target: target, slaOverHandle: ratio)
            let requiredReps = requiredAgents.flatMap { ErlangC.requiredReps(agents: $0, shrinkage: pod.shrinkage) }
            let scenario = FirstTouchSimulation.Scenario(
                seed: "\(brief.segment)/\(pod.name)", firstDay: start, arrivalHours: brief.hours, arrivalZone: briefZone,
                podHours: podHours, podZone: podZone, leadsPerWeek: brief.volume.leadsPerWeek * share,
                afterHoursShare: brief.volume.afterHoursShare.fraction, agents: agents, handleMinutes: handleHours * 60,
                sla: brief.responseSLA, clock: brief.slaClock)
            let shared = arrivals ?? FirstTouchSimulation.Calendar.arrivals(scenario)
            arrivals = shared
            let podKey = "\(podHours.text)|\(zoneName)"
            let podCalendar = podCalendars[podKey] ?? FirstTouchSimulation.Calendar.pod(scenario)
            podCalendars[podKey] = podCalendar
            let calendar = FirstTouchSimulation.Calendar(window: shared.window, afterHours: shared.afterHours, pod: podCalendar)
            let (fcfs, lifo) = FirstTouchSimulation(scenario, calendar: calendar).run()
            var reasons: [SLAReason] = []
            let status = status(
                simulated: fcfs.attainment, target: target, occupancy: occupancy, load: load, agents: agents,
                pod: pod.name, reasons: &reasons)
            if attainment - fcfs.attainment >= 0.05 {
                reasons.append(
                    .simulationBelowReference(
                        pod: pod.name, erlang: attainment, simulated: fcfs.attainment,
                        causes: gapCauses(brief, podHours: podHours, zone: zoneName)))
            }
            let recommend = lifo.attainment - fcfs.attainment >= 0.05
            if recommend {
                reasons.append(.newestFirstHelps(pod: pod.name, newestFirst: lifo.attainment, firstComeFirstServed: fcfs.attainment))
            }
            let curveTop = max(2 * (requiredReps ?? pod.reps), 2 * pod.reps, 2)
            let curve = (1...curveTop).map { r in
                StaffingPoint(
                    reps: r,
                    attainment: ErlangC.serviceLevel(
                        agents: ErlangC.productiveAgents(reps: r, shrinkage: pod.shrinkage), load: load, slaOverHandle: ratio))
            }
            pods.append(
                PodSLA(
                    name: pod.name, role: pod.role, reps: pod.reps, shrinkage: pod.shrinkage, agents: agents, share: share,
                    arrivalsPerHour: lambda, offeredLoad: load, occupancy: occupancy, probabilityOfWait: pWait,
                    attainment: attainment, averageSpeedOfAnswerMinutes: asa, requiredAgents: requiredAgents,
                    requiredReps: requiredReps, simulated: fcfs, newestFirst: lifo, recommendNewestFirst: recommend,
                    status: status, reasons: reasons, staffingCurve: curve, hours: podHours, timezone: zoneName))
        }
        let status = pods.map(\.status).max() ?? .notModelled
        var reasons = pods.flatMap(\.reasons)
        if routing.namedOwnerShare > 0 { reasons.append(.namedOwners(share: routing.namedOwnerShare)) }
        return SLAModel(
            pods: pods, status: status, reasons: reasons, target: target,
            slaHours: analyticSLAHours(brief, podHours: brief.hours), handleMinutes: handleHours * 60,
            simulationStart: start, namedOwnerShare: routing.namedOwnerShare)
    }

    /// Why the simulation falls short of Erlang C, which sees only in-hours arrivals.
    static func gapCauses(_ brief: Brief, podHours: WeeklyHours, zone: String) -> [SLAReason.GapCause] {
        var causes: [SLAReason.GapCause] = []
        if brief.volume.afterHoursShare.basisPoints > 0 {
            causes.append(.afterHoursArrivals(share: brief.volume.afterHoursShare, window: brief.hours))
        }
        if podHours != brief.hours || zone != brief.timezone { causes.append(.podHoursDifferFromArrivals(hours: podHours, zone: zone)) }
        if brief.slaClock == .calendar { causes.append(.calendarClockRunsWhileClosed) }
        return causes.isEmpty ? [.queuesCarryOver] : causes
    }

    /// The SLA in hours for Erlang C: under the business clock a day is an average open day.
    static func analyticSLAHours(_ brief: Brief, podHours: WeeklyHours) -> Double {
        let sla = brief.responseSLA
        let dayHours = brief.slaClock == .business ? podHours.averageDayHours : 24
        return Double(sla.days) * dayHours + Double(sla.clockMinutes) / 60
    }

    /// SPEC §3.3: meets at or above target with occupancy ≤ 85%; at risk when at most 5 points
    /// short, or on target but above 85% occupancy; breach otherwise or when the queue grows
    /// without bound.
    static func status(
        simulated: Double, target: Double, occupancy: Double, load: Double, agents: Int, pod: String, reasons: inout [SLAReason]
    ) -> SLAStatus {
        if load >= Double(agents), load > 0 {
            reasons.append(.queueGrowsWithoutBound(pod: pod, load: load, agents: agents))
            return .breach
        }
        let short = target - simulated
        if short > 0.05 + 1e-9 {
            reasons.append(.belowTarget(pod: pod, simulated: simulated, target: target))
            return .breach
        }
        if short > 1e-9 {
            reasons.append(.belowTarget(pod: pod, simulated: simulated, target: target))
            return .atRisk
        }
        if occupancy > 0.85 {
            reasons.append(.occupancyAboveLimit(pod: pod, occupancy: occupancy))
            return .atRisk
        }
        return .meets
    }
}
