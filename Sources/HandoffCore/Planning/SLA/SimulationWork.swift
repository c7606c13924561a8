/// How many leads a brief's simulations routed, by what each run was for: the work behind its
/// SLA figures (`handoff build --timings` adds it up over a build). A simulation's cost is its
/// leads, so this shows where planning goes, and how far the spec's precision alone takes it:
/// the verdict runs against one replica of every pod group.
public struct SimulationWork: Sendable, Hashable {
    /// What a run was for.
    public enum Purpose: Int, CaseIterable, Sendable {
        /// Today's figures, replicated to ±1 point (SPEC §3.3.3): the verdict.
        case verdict
        /// The newest-first comparison (SPEC §3.3.4).
        case newestFirst
        /// "Does this headcount meet the target?", for required reps and each what-if change.
        case staffingSearch
        /// Unlimited reps: the ceiling, and whether any headcount could meet a what-if's target.
        case ceiling
        /// Each "what it would take" change, simulated again until its figure is to ±1 point.
        case whatIfFigures
        /// The staffing curve's points, each to ±2 points.
        case staffingCurve
        /// The staffing plan: each step's moves ranked on the same leads, and the plan's figure.
        case staffingPlan
    }

    /// Leads routed per purpose, summed over replicas.
    public private(set) var leads: [Int] = Array(repeating: 0, count: Purpose.allCases.count)
    /// Replicas run per purpose.
    public private(set) var replicas: [Int] = Array(repeating: 0, count: Purpose.allCases.count)
    /// Leads of a single replica of every pod group: one 26-week run of the brief.
    public private(set) var oneReplica = 0

    public init() {}

    /// Every lead routed.
    public var total: Int { leads.reduce(0, +) }

    public func leads(_ purpose: Purpose) -> Int { leads[purpose.rawValue] }
    public func replicas(_ purpose: Purpose) -> Int { replicas[purpose.rawValue] }

    mutating func add(_ purpose: Purpose, leads count: Int) {
        leads[purpose.rawValue] += count
        replicas[purpose.rawValue] += 1
    }

    mutating func addOneReplica(leads count: Int) { oneReplica += count }

    /// Adds another brief's work.
    public mutating func add(_ other: SimulationWork) {
        for k in leads.indices {
            leads[k] += other.leads[k]
            replicas[k] += other.replicas[k]
        }
        oneReplica += other.oneReplica
    }
}
