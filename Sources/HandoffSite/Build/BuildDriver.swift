import Foundation
import HandoffCore

/// The build pipeline, step by step: load briefs → plan → plan records → render → write. The
/// only place besides its helpers that touches the file system.
public struct BuildDriver: Sendable {
    public var options: BuildOptions
    /// Called with short progress messages ("planned 12/40 briefs").
    public var progress: @Sendable (String) -> Void

    public init(options: BuildOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Loads and plans every brief; diagnostics of all of them, nothing written. With
    /// `keepingSamples`, the report keeps each brief's sample text.
    public func check(keepingSamples: Bool = false) async throws(HandoffError) -> BuildReport {
        let paths = try BuildStage.load.run { () throws(HandoffError) in try BriefLoader.discover(options.content, disk: options.disk) }
        progress("reading \(paths.count) briefs")
        let timings = options.timings
        var report = BuildReport()
        // Recorded versions bind approvals to what was signed; read-only here.
        let contents = try BuildStage.records.run { () throws(HandoffError) in
            try timings.measure(.records) { () throws(HandoffError) in try PlanRecordStore(folder: options.plans, disk: options.disk).read()
            }
        }
        report.notes += contents.warnings
        report.records = contents.records
        report.briefCount = paths.count
        let histories = Dictionary(grouping: contents.records, by: \.segment).mapValues { AuditTrail(records: $0).history }
        let planner = BriefPlanner(
            contentRoot: options.content, disk: options.disk, asOf: options.asOf, histories: histories,
            cache: options.cache.map { SLACache(folder: $0, disk: options.disk) }, writesCache: options.writesCache, timings: timings,
            keepingSamples: keepingSamples)
        let total = paths.count
        let progress = self.progress
        // Each brief is read and planned in one task, a few at a time; its text, lines and sample
        // go once its findings carry their snippets, so memory holds plans, not sources.
        var results = [PlannedBrief?](repeating: nil, count: total)
        var done = 0
        await BoundedTasks.run(count: total, width: BoundedTasks.width) { i in
            planner.plan(paths[i])
        } collect: { i, planned in
            results[i] = planned
            done += 1
            if done % 25 == 0 || done == total { progress("planned \(done)/\(total) briefs") }
        }
        report.take(results.compactMap { $0 }, keepingSamples: keepingSamples)
        return report
    }

    /// Updates plan records only (`handoff plan`).
    public func updateRecords() async throws(HandoffError) -> BuildReport {
        var report = try await check()
        guard !report.hasErrors else { return report }
        let store = PlanRecordStore(folder: options.plans, disk: options.disk)
        let lock = try store.lock(waiting: progress)
        defer { withExtendedLifetime(lock) {} }
        store.removeLeftovers()
        let chosen = Set(try selected(report.plans).map(\.segment))
        let (staged, _) = try Self.stageRecords(report.plans, chosen: chosen, store: store, timestamp: options.timestamp)
        report.recordsWritten = try store.commit(staged)
        return report
    }

    func selected(_ plans: [HandoffPlan]) throws(HandoffError) -> [HandoffPlan] {
        guard !options.segments.isEmpty else { return plans }
        let known = Set(plans.map(\.segment))
        for slug in options.segments where !known.contains(slug) {
            throw .usage("no brief has segment '\(slug)'; known segments: \(known.sorted().joined(separator: ", "))")
        }
        return plans.filter { options.segments.contains($0.segment) }
    }

    /// The whole build. With errors in any brief it writes nothing.
    public func build() async throws(HandoffError) -> BuildReport {
        // The output is checked before anything is read or written: it is replaced whole.
        let output = try OutputFolder.resolve(
            options.output,
            protecting: [
                (options.content, "the content folder"), (options.templates ?? "Templates", "the templates folder"),
                (options.plans, "the plans folder"),
            ],
            current: options.disk.currentFolder, disk: options.disk)
        // Nothing changed since the last full build into this output: it stays as it is.
        let tool = SLACache.currentTool()
        let stamped = options.segments.isEmpty ? options.cache : nil
        let sources = stamped.flatMap { cache in
            options.timings.measure(.compare) { BuildStamp.sources(options, output: output, cache: cache, tool: tool) }
        }
        if let cache = stamped, let sources {
            let kept = options.timings.measure(.compare) { () -> BuildReport? in
                let digest = BuildStamp.inputsDigest(sources, options: options)
                guard let stamp = BuildStamp.read(cache: cache, output: output, disk: options.disk),
                    stamp.matches(inputs: digest, tool: tool, output: output, disk: options.disk)
                else { return nil }
                return BuildReport(unchanged: stamp.summary)
            }
            if let kept { return kept }
        }
        let templates = try BuildStage.render.run { () throws(HandoffError) in try loadTemplates() }
        var report = try await check()
        guard !report.hasErrors else { return report }
        // Read again under the lock below; a thousand records' inputs are not kept twice.
        report.records = []
        let chosenSegments = Set(try selected(report.plans).map(\.segment))
        // One build at a time per output and per plans folder, always in this order.
        try options.disk.makeFolders(output.parent)
        let outputLock = try BuildLock(folder: output.parent, waiting: progress)
        let store = PlanRecordStore(folder: options.plans, disk: options.disk)
        let recordsLock = try store.lock(waiting: progress)
        defer { withExtendedLifetime((outputLock, recordsLock)) {} }
        store.removeLeftovers()
        let allPlans = report.plans
        // New records are written to temporary names now, a segment at a time with its trail
        // (their texts and inputs need not wait in memory for a thousand pages), copied beside
        // the pages from there, and linked to their final names only once the site is in place.
        let (staged, trails) = try BuildStage.records.run { () throws(HandoffError) in
            try options.timings.measure(.records) { () throws(HandoffError) in
                try Self.stageRecords(allPlans, chosen: chosenSegments, store: store, timestamp: options.timestamp)
            }
        }
        let renderer = {
            var renderer = SiteRenderer(templates: templates, asOf: options.asOf, baseURL: options.baseURL, briefCount: allPlans.count)
            renderer.timings = options.timings
            return renderer
        }()
        let newRecords = staged.temporaryPaths
        let keep = allPlans.filter { !chosenSegments.contains($0.segment) }.map { "segments/\($0.segment)" }
        let written = try await BuildStage.write.run { () async throws(HandoffError) -> (files: Int, pages: Int) in
            var site: StagedSite?
            do throws(HandoffError) {
                let staging = try SiteWriter(disk: options.disk).begin(output)
                site = staging
                let counts = try await writeSite(
                    allPlans, chosen: chosenSegments, trails: trails, newRecords: newRecords, renderer: renderer, into: staging)
                try options.timings.measure(.write) { () throws(HandoffError) in try staging.finish(keep: keep) }
                return counts
            } catch {
                site?.abandon()
                store.abandon(staged)
                throw error
            }
        }
        report.recordsWritten = try BuildStage.records.run { () throws(HandoffError) in
            try options.timings.measure(.records) { () throws(HandoffError) in try store.commit(staged) }
        }
        // A full build knows every brief: entries for inputs no brief has any more go.
        if options.segments.isEmpty, let folder = options.cache {
            SLACache(folder: folder, disk: options.disk).prune(keeping: Set(allPlans.map(\.modelDigest)))
        }
        report.filesWritten = written.files
        report.pagesWritten = written.pages
        report.segmentCount = allPlans.count
        // What this build read and left, for the next build to compare with.
        if let cache = stamped, let sources {
            options.timings.measure(.compare) {
                if let digest = BuildStamp.inputsDigest(sources, options: options) {
                    let summary = BuildStamp.Summary(
                        diagnostics: report.diagnostics, notes: report.notes, segments: allPlans.count, briefs: report.briefCount,
                        pages: report.pagesWritten, files: report.filesWritten)
                    BuildStamp(tool: tool, inputs: digest, output: BuildStamp.listing(output, disk: options.disk), summary: summary)
                        .write(cache: cache, output: output, disk: options.disk)
                }
            }
        }
        return report
    }

    /// Reads the plans folder (under its lock), stages a new record for each chosen plan whose
    /// inputs changed, and works out each segment's trail as the pages show it (without the
    /// records' inputs) and its latest record's name, one segment at a time. A record's text is
    /// read again when its segment's page is written (a new one's from its temporary name).
    static func stageRecords(_ plans: [HandoffPlan], chosen: Set<String>, store: PlanRecordStore, timestamp: Int)
        throws(HandoffError) -> (PlanRecordStore.StagedRecords, [String: SegmentTrail])
    {
        // Read again under the lock: another build may have written records since `check` read them.
        let contents = try store.read()
        var bySegment = Dictionary(grouping: contents.records, by: \.segment)
        var namer = PlanRecordStore.Namer(timestamp: timestamp, names: contents.names)
        var staged = PlanRecordStore.StagedRecords()
        var trails: [String: SegmentTrail] = [:]
        do throws(HandoffError) {
            for plan in plans.sorted(by: { $0.segment < $1.segment }) {
                var records = bySegment.removeValue(forKey: plan.segment) ?? []
                if chosen.contains(plan.segment), let file = namer.record(for: plan, latest: AuditTrail.ordered(records).last) {
                    try store.stage(file, segment: plan.segment, into: &staged)
                    if let record = AuditTrail.parseRecord(file.contents, fileName: file.path) { records.append(record) }
                }
                let trail = AuditTrail(records: records)
                trails[plan.segment] = SegmentTrail(trail: trail.withoutInputs(), latest: trail.entries.last?.record.fileName)
            }
        } catch {
            store.abandon(staged)
            throw error
        }
        return (staged, trails)
    }

    /// Renders every segment and writes each chosen one's files as soon as it is rendered, with
    /// `packet.html` written alongside in slug order; a few segments render at a time, so memory
    /// holds a handful of pages, not the site. `newRecords`: the staged records' temporary files,
    /// by final name. Returns the files and pages written.
    func writeSite(
        _ plans: [HandoffPlan], chosen: Set<String>, trails: [String: SegmentTrail], newRecords: [String: String],
        renderer: SiteRenderer, into site: StagedSite
    ) async throws(HandoffError) -> (files: Int, pages: Int) {
        let timings = options.timings
        var files = renderer.siteFiles(RenderedSite(plans: plans))
        try timings.measure(.write) { () throws(HandoffError) in try site.write(files) }
        var counts = (files: files.count + 1, pages: files.filter(\.isPage).count + 1)
        files = []
        let frame = renderer.packetFrame(plans)
        let packet = try frame.map { _ throws(HandoffError) in try site.stream(PacketPageOutput.path) }
        // Without a frame (a template that escapes the body), the bodies wait for the whole page.
        var bodies: [String] = []
        var failure: HandoffError?
        let total = plans.count
        let inFlight = BoundedTasks.width
        await withTaskGroup(of: (Int, String, Result<(files: Int, pages: Int), HandoffError>).self) { group in
            func task(_ i: Int) -> @Sendable () async -> (Int, String, Result<(files: Int, pages: Int), HandoffError>) {
                let plan = plans[i]
                let trail = trails[plan.segment] ?? SegmentTrail(trail: AuditTrail(records: []), latest: nil)
                let write = chosen.contains(plan.segment)
                let (disk, folder) = (options.disk, options.plans)
                return {
                    // The latest record is copied beside a written page, so only then is it read.
                    let record = trail.latest.flatMap { name in
                        write ? disk.text(newRecords[name] ?? BriefLoader.join(folder, name)).map { (name: name, text: $0) } : nil
                    }
                    let segment = renderer.render(plan, extras: SegmentExtras(trail: trail.trail, latestRecord: record))
                    guard write else { return (i, segment.packetBody, .success((0, 0))) }
                    let files = renderer.segmentFiles(segment)
                    do throws(HandoffError) {
                        try timings.measure(.write) { () throws(HandoffError) in try site.write(files) }
                        return (i, segment.packetBody, .success((files.count, files.filter(\.isPage).count)))
                    } catch {
                        return (i, segment.packetBody, .failure(error))
                    }
                }
            }
            var next = 0
            var running = 0
            var emitted = 0
            var waiting: [Int: String] = [:]
            // Segments start in slug order, a few at a time and never far ahead of the packet's
            // next body, so the bodies waiting for their turn stay few. A failure stops new work;
            // the segments already started finish.
            func refill() {
                while failure == nil, running < inFlight, next < total, next < emitted + 4 * inFlight {
                    group.addTask(operation: task(next))
                    next += 1
                    running += 1
                }
            }
            refill()
            for await (i, body, result) in group {
                running -= 1
                switch result {
                case .success(let c):
                    counts.files += c.files
                    counts.pages += c.pages
                case .failure(let error): failure = failure ?? error
                }
                waiting[i] = body
                let before = emitted
                while let body = waiting.removeValue(forKey: emitted) {
                    if let packet, let frame, failure == nil {
                        do throws(HandoffError) {
                            try timings.measure(.write) { () throws(HandoffError) in
                                try packet.write(frame[emitted])
                                try packet.write(body)
                            }
                        } catch { failure = error }
                    } else if frame == nil {
                        bodies.append(body)
                    }
                    emitted += 1
                }
                if emitted / 25 > before / 25 || (emitted == total && before < total) {
                    progress("rendered \(emitted)/\(total) pages")
                }
                refill()
            }
        }
        if let failure { throw failure }
        try timings.measure(.write) { () throws(HandoffError) in
            if let packet, let frame {
                try packet.write(frame[total])
                try packet.close()
            } else {
                try site.write([renderer.packetPage(plans, bodies: bodies)])
            }
        }
        return counts
    }

    /// Built-ins, overridden by the templates folder's files.
    func loadTemplates() throws(HandoffError) -> TemplateSet {
        var overrides: [String: String] = [:]
        let folder = options.templates ?? "Templates"
        let disk = options.disk
        let exists = disk.isFolder(folder)
        if !exists, options.templatesExplicit {
            throw .usage("templates folder '\(folder)' does not exist")
        }
        if exists {
            for name in disk.files(below: folder) {
                let path = BriefLoader.join(folder, name)
                guard let text = disk.text(path) else { throw .io(path: path, message: "cannot read the template") }
                overrides[name] = text
            }
        }
        do {
            return try TemplateSet(overrides: overrides, folder: folder)
        } catch {
            throw .template(error.description)
        }
    }
}

/// A segment's audit trail as its page shows it, and the file name of its latest record.
struct SegmentTrail: Sendable {
    var trail: AuditTrail
    var latest: String?
}

/// One brief as `check` keeps it once planned: what reading it found, its plan, the plan's
/// findings with their snippets and, for `handoff diff`, its sample's text.
struct PlannedBrief: Sendable {
    var loading: [Diagnostic]
    var plan: HandoffPlan?
    var findings: [Diagnostic] = []
    var sample: String?
    /// The files besides the brief that its plan read (sample, actuals), as the brief names them
    /// joined to its folder.
    var reads: [String] = []
}

extension BuildReport {
    /// Takes the briefs' plans and diagnostics, in the order the briefs were read: reading,
    /// then across briefs, then planning.
    mutating func take(_ planned: [PlannedBrief], keepingSamples: Bool) {
        let plans = planned.compactMap(\.plan)
        diagnostics = planned.flatMap(\.loading)
        diagnostics += (BriefIntake.checkUniqueSegments(plans.map(\.brief)) + BriefIntake.checkSharedPods(plans.map(\.brief))).map(
            FindingText.diagnostic)
        diagnostics += planned.flatMap(\.findings)
        if keepingSamples {
            for item in planned { if let plan = item.plan, let csv = item.sample { samples[plan.segment] = csv } }
        }
        diagnostics = diagnostics.sortedByLocation()
        self.plans = plans.sorted { $0.segment < $1.segment }
    }
}
