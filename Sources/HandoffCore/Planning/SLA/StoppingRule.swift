/// When a run has replicas enough (SPEC §3.3.3): a figure the page shows is precise to ±1 point, a
/// point of the staffing curve to ±2 (drawn as a band), and a yes/no question ("does this pod
/// meet its target here?") stops as soon as its answer is clear.
struct StoppingRule: Sendable {
    enum Goal: Sendable {
        /// Every channel of every pod to this half-width.
        case everyCell(halfWidth: Double)
        /// Every pod's own figure (over its channels) to this half-width.
        case everyPod(halfWidth: Double)
        /// One pod's own figure to this half-width, and never surer than its leads themselves say
        /// when `leadsFloor` (a tiny pod's replicas can agree by chance).
        case pod(Int, halfWidth: Double, leadsFloor: Bool)
        /// Until one of the pod's channels is clearly below its target, or all are clearly above.
        case settled(pod: Int)
        /// One pod's own figure to this half-width, and its question settled as above.
        case podSettled(pod: Int, halfWidth: Double)
        /// Exactly `maximum` replicas.
        case fixed
    }

    var goal: Goal
    var minimum: Int
    var maximum: Int
    /// Stein's two-stage procedure: the first `minimum` replicas are the pilot whose spread the
    /// intervals keep (`ReplicaEstimate.freeze()`), so they hold the mean as often as they say.
    var pilot = false

    /// The replica cap of the figures the page shows (the page says when it is reached).
    static let cap = 64

    /// Today's figures, whose intervals the page shows: every channel of every pod to ±1 point,
    /// after a pilot of eight replicas.
    static let verdict = StoppingRule(goal: .everyCell(halfWidth: ReplicaEstimate.precision), minimum: 8, maximum: cap, pilot: true)
    /// The newest-first comparison, sized by its own spread: every pod to ±1 point.
    static let newestFirst = StoppingRule(goal: .everyPod(halfWidth: ReplicaEstimate.precision), minimum: 4, maximum: cap)

    /// One pod's figure to ±1 point: a what-if's, whatever its rotation partners do.
    static func precise(pod p: Int) -> StoppingRule {
        StoppingRule(goal: .pod(p, halfWidth: ReplicaEstimate.precision, leadsFloor: false), minimum: 4, maximum: cap)
    }

    /// A staffing plan's figure, as the page shows it: the pod's own figure to ±1 point, after a
    /// pilot of eight replicas, and whether it meets the target on every channel settled. The
    /// page shows the plan's pod figure only, and a channel with few of the pod's leads may not
    /// come to ±1 point in 64 replicas (a quarter of plans ran to the cap when every channel had
    /// to): it need only clearly meet its target, or clearly miss it.
    static func plan(pod p: Int) -> StoppingRule {
        StoppingRule(goal: .podSettled(pod: p, halfWidth: ReplicaEstimate.precision), minimum: 8, maximum: cap, pilot: true)
    }

    /// A point of the staffing curve: ±2 points, from two replicas on.
    static func curvePoint(pod p: Int) -> StoppingRule {
        StoppingRule(goal: .pod(p, halfWidth: 2 * ReplicaEstimate.precision, leadsFloor: true), minimum: 2, maximum: cap)
    }

    /// A yes/no question: still open after 16 replicas, it is answered "no" (the target sits
    /// inside the noise, which the verdict treats as not met).
    static func settled(pod p: Int) -> StoppingRule { StoppingRule(goal: .settled(pod: p), minimum: 2, maximum: 16) }

    static func fixed(_ n: Int) -> StoppingRule { StoppingRule(goal: .fixed, minimum: n, maximum: n) }
}
