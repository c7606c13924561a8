import Foundation
import HandoffCore
import Synchronization

/// Reads and plans one brief: loads it, works out its SLA model (from the caller's memory or
/// the cache when its planning inputs are unchanged), plans it, reads its actuals, and keeps
/// what later stages need: the compacted plan and every diagnostic with its snippet. One value
/// serves `build`, `check` and `serve`.
struct BriefPlanner: Sendable {
    var contentRoot: String
    var disk: Disk
    var asOf: CalendarDate
    /// Recorded versions per segment: approvals are bound to what was signed.
    var histories: [String: [RecordedVersion]]
    var cache: SLACache?
    var writesCache: Bool
    var timings: BuildTimings?
    var keepingSamples = false
    /// Models kept in memory across rebuilds (`serve`), asked before the cache.
    var memory: ModelMemory? = nil

    func plan(_ path: String) -> PlannedBrief {
        let item = timings.measure(.load) { BriefLoader.loadOne(path, contentRoot: contentRoot, disk: disk) }
        let folder = (path as NSString).deletingLastPathComponent
        let reads = [item.brief?.sample, item.brief?.actuals?.file].compactMap { $0 }.map { BriefLoader.join(folder, $0) }
        guard let brief = item.brief else { return PlannedBrief(loading: item.diagnostics, reads: reads) }
        let (cache, writesCache, timings, memory) = (cache, writesCache, timings, memory)
        // An unchanged brief's SLA model comes from memory or the cache; a new one is kept.
        let simulate: Planner.Simulate = { brief, routing, digest in
            if let kept = memory?.model(for: digest) ?? cache?.model(for: digest) {
                memory?.keep(kept, for: digest, simulated: false)
                return kept
            }
            var work = SimulationWork()
            let model = timings.measure(.simulate) { SLAModel.plan(brief, routing: routing, work: &work) }
            timings?.add(work)
            if writesCache { cache?.keep(model, for: digest) }
            memory?.keep(model, for: digest, simulated: true)
            return model
        }
        var plan = timings.measure(.plan) {
            Planner.plan(brief, sampleCSV: item.sampleCSV, asOf: asOf, history: histories[brief.segment] ?? [], simulate: simulate)
        }
        // What the CRM recorded, read against the plan (not a planning input: never cached).
        var loading = item.diagnostics
        if let problem = ActualsLoader.attach(to: &plan, brief: path, contentRoot: contentRoot, disk: disk, timings: timings) {
            loading += BriefLoader.attachSnippets([problem], lines: item.lines)
        }
        // Thousands of plans wait for their records and pages: each holds its brief's bytes,
        // not its tree.
        return PlannedBrief(
            loading: loading, plan: plan.compacted(source: item.source),
            findings: BriefLoader.attachSnippets(plan.findings.map(FindingText.diagnostic), lines: item.lines),
            sample: keepingSamples ? item.sampleCSV : nil, reads: reads)
    }
}

/// SLA models kept in memory between rebuilds of a running `serve`, by inputs digest, and how
/// many the last rebuild simulated. The oldest go first once there are more than `capacity`.
final class ModelMemory: Sendable {
    private struct State {
        var models: [String: SLAModel] = [:]
        var order: [String] = []
        var simulated = 0
    }
    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 256) { self.capacity = capacity }

    func model(for digest: String) -> SLAModel? { state.withLock { $0.models[digest] } }

    func keep(_ model: SLAModel, for digest: String, simulated: Bool) {
        state.withLock { s in
            if s.models.updateValue(model, forKey: digest) == nil { s.order.append(digest) }
            if simulated { s.simulated += 1 }
            while s.order.count > capacity { s.models[s.order.removeFirst()] = nil }
        }
    }

    /// Models simulated since the last call.
    func takeSimulatedCount() -> Int {
        state.withLock { s in
            defer { s.simulated = 0 }
            return s.simulated
        }
    }
}
