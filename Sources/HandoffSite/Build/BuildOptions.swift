import HandoffCore

/// What `handoff build`, `check` and `plan` were asked to do, as plain values.
public struct BuildOptions: Sendable {
    public var content: String = "Content"
    public var output: String = "Public"
    /// nil: built-in templates only (or `Templates/` if it exists).
    public var templates: String?
    public var templatesExplicit = false
    public var plans: String = ".claude/plans"
    public var segments: [String] = []
    public var asOf: CalendarDate
    /// Seconds since 1970 for plan-record names: `SOURCE_DATE_EPOCH` or now.
    public var timestamp: Int
    public var baseURL: String?
    /// Folder of the SLA cache; nil: simulate everything, keep nothing.
    public var cache: String?
    /// Whether newly simulated models are kept in the cache; `check` only reads it unless asked.
    public var writesCache = true
    /// Where the stages' time is added up, when asked (`--timings`).
    public var timings: BuildTimings?
    /// The file system, through which every read and write of the build goes.
    public var disk = Disk()

    public init(asOf: CalendarDate, timestamp: Int) {
        self.asOf = asOf
        self.timestamp = timestamp
    }
}

/// What a run found and did.
public struct BuildReport: Sendable {
    /// Every diagnostic of every brief, sorted by file and position.
    public var diagnostics: [Diagnostic] = []
    /// Plain warnings outside briefs (foreign files in the plans folder).
    public var notes: [String] = []
    public var plans: [HandoffPlan] = []
    public var pagesWritten = 0
    public var filesWritten = 0
    public var recordsWritten: [String: String] = [:]
    /// Briefs found in the content folder, whether or not they loaded.
    public var briefCount = 0
    /// Each planned segment's sample text, kept only when asked (`handoff diff` replays it).
    public var samples: [String: String] = [:]
    /// The plan records in the plans folder when the run began (`check` and `plan`; a build
    /// reads them again under its lock and does not return them).
    public var records: [AuditTrail.Record] = []
    /// The build found nothing changed since the last one and left the output as it was; the
    /// diagnostics and counts are that build's.
    public var unchanged = false
    /// Segments in the site: planned now, or by the build whose output was kept.
    public var segmentCount = 0

    public init() {}

    /// The report of the build whose output is kept unchanged.
    init(unchanged summary: BuildStamp.Summary) {
        diagnostics = summary.diagnostics
        notes = summary.notes
        segmentCount = summary.segments
        briefCount = summary.briefs
        pagesWritten = summary.pages
        filesWritten = summary.files
        unchanged = true
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    /// Whether a plan record holds this plan's version (`check --require-records`).
    public func isRecorded(_ plan: HandoffPlan) -> Bool {
        records.contains { $0.segment == plan.segment && $0.inputsDigest == plan.inputsDigest }
    }
    public var warningCount: Int { diagnostics.warnings.count }
}
