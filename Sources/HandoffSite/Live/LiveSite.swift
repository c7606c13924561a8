import Crypto
import Foundation
import HandoffCore
import Synchronization

/// The site `handoff serve` holds in memory (SPEC §4): built once, then rebuilt on every save,
/// re-planning only the briefs whose text or read files changed (an SLA model comes from memory
/// or the cache when planning inputs did not change) and re-rendering the segments they touch,
/// the portfolio and the packet. A brief with errors keeps its last good page, with the errors
/// to show above it. Nothing is written but the SLA cache.
public actor LiveSite {
    /// What one rebuild did, for the terminal line.
    public struct Rebuild: Sendable {
        /// Briefs planned again (changed, added), by file name.
        public var planned: [String] = []
        public var removed: [String] = []
        /// SLA models simulated (the rest came from memory or the cache).
        public var simulated = 0
        public var templatesChanged = false
        public var recordsChanged = false
        public var errors = 0
        public var seconds = 0.0
        /// Anything a page could show changed.
        public var changed: Bool { !planned.isEmpty || !removed.isEmpty || templatesChanged || recordsChanged }
    }

    /// The pages and files as served: path → text, and the errors each page shows above itself.
    public struct Snapshot: Sendable {
        public var files: [String: String] = [:]
        /// Segment folder (`segments/alpha/`) → the located errors of its brief; "" for every page.
        public var errors: [String: [Diagnostic]] = [:]
        public var generation = 0
    }

    struct Entry {
        var fingerprint: String
        var planned: PlannedBrief
        /// The last plan without errors, shown while the brief has errors.
        var lastGood: HandoffPlan?
        /// The segment page's files and packet body as last rendered from `lastGood`.
        var rendered: (files: [SiteFile], packetBody: String)?
    }

    let options: BuildOptions
    /// Every brief's model, and a few earlier versions of it (undoing an edit costs nothing).
    let memory = ModelMemory(capacity: 1024)
    var entries: [String: Entry] = [:]
    var templates: TemplateSet?
    var templatesFingerprint = ""
    var recordsFingerprint = ""
    var records = PlanRecordStore.Contents()
    var siteErrors: [Diagnostic] = []
    /// The site as served, readable without waiting for a rebuild.
    public nonisolated let snapshot = Mutex(Snapshot())

    public init(options: BuildOptions) { self.options = options }

    /// Rebuilds what changed since the last call (the first call builds everything).
    public func rebuild() async -> Rebuild {
        let clock = ContinuousClock()
        let start = clock.now
        var summary = Rebuild()
        let disk = options.disk
        siteErrors = []
        // Templates: a broken one keeps the last good set, and says why on every page.
        let templatesFolder = options.templates ?? "Templates"
        let templatesNow = Self.fingerprint(folder: templatesFolder, disk: disk)
        if templatesNow != templatesFingerprint || templates == nil {
            summary.templatesChanged = templates != nil
            templatesFingerprint = templatesNow
            do throws(HandoffError) { templates = try BuildDriver(options: options).loadTemplates() } catch {
                siteErrors.append(.error(error.description, at: SourceLocation(file: templatesFolder, line: 1, column: 1)))
            }
        }
        // Plan records bind approvals: when they change, every brief is planned again.
        let recordsNow = Self.fingerprint(folder: options.plans, disk: disk)
        if recordsNow != recordsFingerprint {
            summary.recordsChanged = !recordsFingerprint.isEmpty
            recordsFingerprint = recordsNow
            do throws(HandoffError) { records = try PlanRecordStore(folder: options.plans, disk: disk).read() } catch {
                siteErrors.append(.error(error.description, at: SourceLocation(file: options.plans, line: 1, column: 1)))
            }
            for key in entries.keys { entries[key]?.fingerprint = "" }
        }
        let paths: [String]
        do throws(HandoffError) { paths = try BriefLoader.discover(options.content, disk: disk) } catch {
            siteErrors.append(.error(error.description, at: SourceLocation(file: options.content, line: 1, column: 1)))
            paths = []
        }
        for gone in entries.keys.filter({ !paths.contains($0) }).sorted() {
            entries[gone] = nil
            summary.removed.append(gone)
        }
        let prints = paths.map { path in Self.fingerprint(brief: path, reads: entries[path]?.planned.reads ?? [], disk: disk) }
        let changed = paths.indices.filter { entries[paths[$0]]?.fingerprint != prints[$0] }
        // Plan the changed briefs, a few at a time.
        let histories = Dictionary(grouping: records.records, by: { $0.segment }).mapValues { AuditTrail(records: $0).history }
        let planner = BriefPlanner(
            contentRoot: options.content, disk: disk, asOf: options.asOf, histories: histories,
            cache: options.cache.map { SLACache(folder: $0, disk: disk) }, writesCache: options.writesCache, timings: nil,
            memory: memory)
        var planned = [PlannedBrief?](repeating: nil, count: changed.count)
        await BoundedTasks.run(count: changed.count, width: BoundedTasks.width) { i in
            planner.plan(paths[changed[i]])
        } collect: { i, result in
            planned[i] = result
        }
        summary.simulated = memory.takeSimulatedCount()
        for (k, i) in changed.enumerated() {
            guard let result = planned[k] else { continue }
            let path = paths[i]
            // The fingerprint covers the files the brief read, now that they are known.
            let print = Self.fingerprint(brief: path, reads: result.reads, disk: disk)
            var entry = entries[path] ?? Entry(fingerprint: print, planned: result)
            entry.fingerprint = print
            entry.planned = result
            if !(result.loading + result.findings).hasErrors, let plan = result.plan {
                entry.lastGood = plan
                entry.rendered = nil
            }
            entries[path] = entry
            summary.planned.append(path)
        }
        if summary.templatesChanged || summary.recordsChanged {
            for key in entries.keys { entries[key]?.rendered = nil }
        }
        publish(paths: paths, summary: &summary)
        let elapsed = clock.now - start
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }

    /// Renders what needs it and publishes the new snapshot.
    func publish(paths: [String], summary: inout Rebuild) {
        var report = BuildReport()
        report.take(paths.compactMap { entries[$0]?.planned }, keepingSamples: false)
        let errors = report.diagnostics.filter { $0.severity == .error } + siteErrors
        summary.errors = errors.count
        guard let templates else {
            snapshot.withLock { s in
                s.errors = ["": errors]
                s.generation += 1
            }
            return
        }
        // The last good plan of each brief, one per segment (a duplicate segment is an error).
        var plans: [(path: String, plan: HandoffPlan)] = []
        for path in paths {
            guard let plan = entries[path]?.lastGood, !plans.contains(where: { $0.plan.segment == plan.segment }) else { continue }
            plans.append((path, plan))
        }
        plans.sort { $0.plan.segment < $1.plan.segment }
        let renderer = SiteRenderer(templates: templates, asOf: options.asOf, baseURL: nil, briefCount: paths.count)
        var files: [String: String] = [:]
        var bodies: [String] = []
        for (path, plan) in plans {
            if entries[path]?.rendered == nil {
                let trail = AuditTrail(records: records.records(for: plan.segment))
                let latest = trail.entries.last.flatMap { entry in
                    let name = entry.record.fileName
                    return options.disk.text(BriefLoader.join(options.plans, name)).map { (name: name, text: $0) }
                }
                let segment = renderer.render(plan, extras: SegmentExtras(trail: trail.withoutInputs(), latestRecord: latest))
                entries[path]?.rendered = (renderer.segmentFiles(segment), segment.packetBody)
            }
            guard let rendered = entries[path]?.rendered else { continue }
            for file in rendered.files { files[file.path] = file.contents }
            bodies.append(rendered.packetBody)
        }
        let sitePlans = plans.map(\.plan)
        for file in renderer.siteFiles(RenderedSite(plans: sitePlans)) + [renderer.packetPage(sitePlans, bodies: bodies)] {
            files[file.path] = file.contents
        }
        // Each brief's errors above its own pages; errors no page can carry, above every page.
        var byFolder: [String: [Diagnostic]] = [:]
        for path in paths {
            guard let entry = entries[path] else { continue }
            let own = errors.filter { $0.location.file == path }
            guard !own.isEmpty else { continue }
            if let segment = entry.lastGood?.segment {
                byFolder["segments/\(segment)/", default: []] += own
            }
        }
        byFolder[""] = errors
        snapshot.withLock { s in
            s.files = files
            s.errors = byFolder
            s.generation += 1
        }
    }

    /// The folders a running `serve` watches, as one comparable text: every file's name, size
    /// and modification time. A change here is worth a rebuild.
    public nonisolated var watchStamp: String {
        [options.content, options.templates ?? "Templates", options.plans].map { Self.fingerprint(folder: $0, disk: options.disk) }
            .joined(separator: "\n--\n")
    }

    /// A brief's text and the size and time of each file it read: cheap to take on every save.
    static func fingerprint(brief path: String, reads: [String], disk: Disk) -> String {
        var hasher = SHA256()
        if case .bytes(let bytes) = disk.read(path, limit: BriefLoader.briefLimit + 1) { hasher.update(data: bytes) }
        for file in reads { hasher.update(data: Data(stamp(file).utf8)) }
        return PlanDigest.hex(hasher.finalize())
    }

    /// Every file below a folder by name, size and modification time; empty when it is missing.
    static func fingerprint(folder: String, disk: Disk) -> String {
        guard disk.isFolder(folder) else { return "missing" }
        return disk.files(below: folder).map { "\($0) \(stamp(BriefLoader.join(folder, $0)))" }.joined(separator: "\n")
    }

    static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) missing" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
