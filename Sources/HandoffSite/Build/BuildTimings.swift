import Foundation
import HandoffCore
import Synchronization

/// Time spent in each stage of a build (`handoff build --timings`), added up over every task:
/// with stages running in parallel, a stage's figure is work, not wall time.
public final class BuildTimings: Sendable {
    /// The stages, in the order a build reaches them. `actuals` reads and counts exports;
    /// `observed` re-runs the model with an export's volume where the two disagree.
    public enum Stage: String, CaseIterable, Sendable {
        /// Comparing the inputs and the output with the last build's stamp.
        case compare
        case load, plan, simulate, actuals, observed, records, markdown, cmark, polish, templates, write
    }

    /// Per stage: the time spent and how many times it ran.
    private let spent = Mutex<[Stage: (time: Duration, count: Int)]>([:])
    /// Leads the build's simulations routed, by purpose.
    private let work = Mutex(SimulationWork())

    public init() {}

    /// Runs `work`, adding its time to `stage`.
    public func measure<T, E: Error>(_ stage: Stage, _ work: () throws(E) -> T) throws(E) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { add(stage, clock.now - start) }
        return try work()
    }

    public func add(_ stage: Stage, _ duration: Duration) {
        spent.withLock { totals in
            let before = totals[stage] ?? (.zero, 0)
            totals[stage] = (before.time + duration, before.count + 1)
        }
    }

    public func seconds(_ stage: Stage) -> Double {
        let d = spent.withLock { $0[stage]?.time ?? .zero }
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    public func count(_ stage: Stage) -> Int { spent.withLock { $0[stage]?.count ?? 0 } }

    /// Adds one brief's simulation work.
    public func add(_ brief: SimulationWork) { work.withLock { $0.add(brief) } }

    /// The simulation work of every brief simulated so far.
    public var simulation: SimulationWork { work.withLock { $0 } }
}

extension Optional where Wrapped == BuildTimings {
    /// Runs `work`, timing it only when timings were asked for.
    public func measure<T, E: Error>(_ stage: BuildTimings.Stage, _ work: () throws(E) -> T) throws(E) -> T {
        switch self {
        case .some(let timings): try timings.measure(stage, work)
        case .none: try work()
        }
    }
}
