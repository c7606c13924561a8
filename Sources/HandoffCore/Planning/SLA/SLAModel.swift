import Foundation

/// Why a pod, or the segment, has the SLA status it has, as values for presentation to word.
public enum SLAReason: Sendable, Hashable, Codable {
    /// More work arrives than the productive reps can do in the pod's hours.
    case queueGrowsWithoutBound(pod: String, utilisation: Double, moreAgents: Int)
    /// The simulated attainment (of a channel, or the pod) falls short of the target.
    case belowTarget(pod: String, rule: String?, simulated: Double, target: Double)
    /// The target lies inside the 95% interval: the simulation cannot tell.
    case uncertain(pod: String, rule: String?, low: Double, high: Double, target: Double)
    /// On target, but too busy to absorb absences or peaks.
    case utilisationAboveLimit(pod: String, utilisation: Double)
    /// Even unlimited reps cannot reach the target, and why: `ceiling` is the attainment
    /// unlimited reps reach on the channel furthest short (`rule`, nil when the pod serves one
    /// channel), the figure the verdict rests on, never a pod-wide one above the target.
    case noHeadcountReaches(pod: String, rule: String?, ceiling: Double, target: Double, causes: [CeilingCause])
    /// Serving the newest lead first would do markedly better.
    case newestFirstHelps(pod: String, newestFirst: Double, earliestDeadline: Double)
    /// The replica cap was reached before the interval narrowed to ±1 point.
    case replicaCap(pod: String, replicas: Int)
    /// Leads for named owners or queues, whose capacity is not modelled.
    case namedOwners(share: Double)
    /// A pod its rotations pass over, as the router does, so these pods take its leads.
    case passedOver(pod: String, takenBy: [String], cause: PassOverCause)

    /// Why a rotation passes over a pod.
    public enum PassOverCause: Sendable, Hashable, Codable {
        /// Shrinkage leaves it no productive rep; `repsForOne` reps would give it one (nil:
        /// none would).
        case noProductiveRep(reps: Int, shrinkage: Double, repsForOne: Int?)
        /// It is closed whenever its leads arrive, and a partner is open.
        case closedWhenLeadsArrive(hours: WeeklyHours, zone: String)
    }

    /// Why headcount cannot fix a pod.
    public enum CeilingCause: Sendable, Hashable, Codable {
        /// Leads arrive while the pod is closed and wait for it to open.
        case closedWhenLeadsArrive(hours: WeeklyHours, zone: String)
        /// The calendar clock keeps running overnight and at weekends.
        case calendarClockRunsWhileClosed
    }

    /// The pod a reason is about, when it is about one.
    public var pod: String? {
        switch self {
        case .queueGrowsWithoutBound(let pod, _, _), .belowTarget(let pod, _, _, _), .uncertain(let pod, _, _, _, _),
            .utilisationAboveLimit(let pod, _), .noHeadcountReaches(let pod, _, _, _, _), .newestFirstHelps(let pod, _, _),
            .replicaCap(let pod, _), .passedOver(let pod, _, _):
            pod
        case .namedOwners: nil
        }
    }
}

/// Whether a channel, a pod, or a segment meets its first-touch SLA (SPEC §3.3.4).
public enum SLAStatus: String, Sendable, Hashable, Comparable, Codable {
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

    /// The busiest a pod may be and still meet its target: 85% of its capacity.
    public static let busyLimit = 0.85

    /// How far below a target a figure may sit and still be on it: rounding, not noise.
    public static let tolerance = 1e-9

    /// SPEC §3.3.4: meets when the mean is on target, the interval does not reach below it and
    /// utilisation is at most 85%; at risk when the mean is at most 5 points short, or the
    /// interval straddles the target, or utilisation is above 85%; breach otherwise, and
    /// whenever utilisation reaches 100%. Being busier than 85% keeps a pod that is on target
    /// from "meets"; it does not soften a pod 20 points short into "at risk" (a busier pod with
    /// the same shortfall would otherwise read milder than a calmer one).
    public static func judge(_ f: SimulatedFigures, target: Double, utilisation: Double) -> SLAStatus {
        if utilisation >= 1 { return .breach }
        let eps = tolerance
        if f.attainment >= target - eps, f.low >= target - eps, utilisation <= busyLimit { return .meets }
        // On target but too busy falls here too: its shortfall is nothing.
        if target - f.attainment <= 0.05 + eps || (f.low < target && f.high >= target) { return .atRisk }
        return .breach
    }
}

/// A pod that receives no leads: shown with its staffing and why, not dropped (SPEC §3.3).
public struct IdlePod: Sendable, Codable, Hashable {
    /// Why no lead reaches it.
    public enum Cause: Sendable, Codable, Hashable {
        /// No reachable rule names it.
        case noRule
        /// Every reachable rule naming it gets 0% of leads.
        case rulesGetNoShare(rules: [String])
        /// Its rotations pass over it, and these pods take its share (SPEC §3.3.2).
        case passedOver(takenBy: [String], cause: SLAReason.PassOverCause)
    }

    public var name: String
    public var role: Brief.Pod.Role
    public var reps: Int
    public var shrinkage: Percent
    public var agents: Int
    public var hours: WeeklyHours
    public var timezone: String
    /// Its shifts, with no work (SPEC §2.4).
    public var shifts: [ShiftSLA]
    public var fte: Double
    public var capacityHoursPerWeek: Double
    public var cause: Cause
}

/// The SLA model of a segment: every pod that receives leads, and the worst status.
public struct SLAModel: Sendable, Codable {
    public var pods: [PodSLA]
    /// Pods that receive no leads, in the brief's order.
    public var idlePods: [IdlePod]
    /// Each pod's share of all leads as the router splits them, in the brief's pod order: where
    /// a rotation passes over a closed pod or one without a productive rep, its partners' shares
    /// carry its leads (SPEC §3.2).
    public var podShares: [RoutingBlueprint.PodShare]
    public var status: SLAStatus
    public var reasons: [SLAReason]
    public var target: Double
    public var simulationStart: CalendarDate
    public var weeks: Int
    public var namedOwnerShare: Double

    /// The simulated calendar starts on the Monday of launch week, or on a fixed Monday, so the
    /// figures never depend on the day of the build.
    public static let defaultSimulationStart = CalendarDate(year: 2027, month: 1, day: 4)!

    public static func plan(_ brief: Brief, routing: RoutingBlueprint) -> SLAModel {
        var work = SimulationWork()
        return plan(brief, routing: routing, work: &work)
    }

    /// The model, adding the leads its simulations routed to `work`.
    public static func plan(_ brief: Brief, routing: RoutingBlueprint, work: inout SimulationWork) -> SLAModel {
        var planner = SLAPlanner(brief, routing: routing)
        let pods = planner.plan()
        work.add(planner.work)
        var reasons = pods.flatMap(\.reasons) + planner.passedOver
        if routing.namedOwnerShare > 0 { reasons.append(.namedOwners(share: routing.namedOwnerShare)) }
        return SLAModel(
            pods: pods, idlePods: planner.idlePods(modelled: pods),
            podShares: brief.pods.indices.map { .init(pod: brief.pods[$0].name, share: planner.routerShares[$0]) },
            status: pods.map(\.status).max() ?? .notModelled, reasons: reasons, target: brief.targetAttainment.fraction,
            simulationStart: planner.start, weeks: planner.weeks, namedOwnerShare: routing.namedOwnerShare)
    }
}
