import HandoffCore

/// `handoff check --format json` (documented in `docs/check-json.md`). `version` is the format's
/// version: fields may be added within a version, never renamed or removed.
public struct CheckJSON: Encodable, Sendable {
    public static let formatVersion = 1

    public var format = "handoff-check"
    public var version = CheckJSON.formatVersion
    /// False when the check exits 1.
    public var passed: Bool
    public var strict: Bool
    public var briefs: Int
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [Entry]
    public var segments: [Segment]

    public struct Entry: Encodable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        /// error or warning.
        public var severity: String
        /// load or plan.
        public var stage: String
        public var title: String?
        public var message: String
    }

    public struct Segment: Encodable, Sendable {
        public var segment: String
        public var file: String
        /// The brief version (SPEC §3.7).
        public var version: String
        /// SLA status: meets, at risk, breach, not modelled.
        public var status: String
        public var readiness: String
        /// A plan record holds this version.
        public var recorded: Bool
        /// Roles whose decision was on an earlier version.
        public var staleApprovals: [String]
    }

    public init(diagnostics: [Diagnostic], report: BuildReport, strict: Bool) {
        self.strict = strict
        passed = !diagnostics.hasErrors
        briefs = report.briefCount
        errors = diagnostics.errors.count
        warnings = diagnostics.warnings.count
        self.diagnostics = diagnostics.map { d in
            Entry(
                file: d.location.file, line: d.location.line, column: d.location.column, severity: d.severity.rawValue,
                stage: d.stage.rawValue, title: d.title, message: d.message)
        }
        segments = report.plans.map { plan in
            Segment(
                segment: plan.segment, file: plan.brief.file, version: plan.version, status: plan.sla.status.rawValue,
                readiness: plan.approval.readiness.rawValue, recorded: report.isRecorded(plan),
                staleApprovals: plan.approval.staleSignOffs.map(\.approval.role))
        }
    }

    public func serialized() -> String { ((try? JSONValueEncoder().encode(self)) ?? .null).serialized() }
}

/// The Markdown `check --format github` appends to `GITHUB_STEP_SUMMARY`: the verdict, the
/// counts, one row per segment, and the reasons it fails.
public enum CheckSummary {
    public static func markdown(_ json: CheckJSON, diagnostics: [Diagnostic]) -> String {
        var md = "## Handoff check: \(json.passed ? "passed" : "failed")\n\n"
        let breaches = json.segments.filter { $0.status == SLAStatus.breach.rawValue }.count
        let stale = json.segments.filter { !$0.staleApprovals.isEmpty }.count
        md +=
            "\(json.briefs) brief\(json.briefs == 1 ? "" : "s"): \(json.errors) error\(json.errors == 1 ? "" : "s"), \(json.warnings) warning\(json.warnings == 1 ? "" : "s"), \(breaches) in SLA breach, \(stale) with approvals of an earlier version\(json.strict ? " (--strict)" : "").\n\n"
        if !json.segments.isEmpty {
            md += "| Segment | Version | SLA | Readiness | Plan record |\n|---|---|---|---|---|\n"
            for s in json.segments {
                md +=
                    "| \(MarkdownText.escape(s.segment)) | `\(s.version)` | \(s.status) | \(s.readiness) | \(s.recorded ? "yes" : "**missing**") |\n"
            }
            md += "\n"
        }
        let failing = diagnostics.errors
        if !failing.isEmpty {
            md += "### Why it fails\n\n"
            for d in failing.prefix(50) { md += "- `\(d.location)` \(MarkdownText.escape(d.message))\n" }
            if failing.count > 50 { md += "- … and \(failing.count - 50) more\n" }
            md += "\n"
        }
        return md
    }

    /// Appends the summary to the job summary file (`GITHUB_STEP_SUMMARY`).
    public static func append(_ markdown: String, to path: String, disk: Disk = Disk()) throws(HandoffError) {
        guard disk.append(path, text: markdown) else {
            throw .io(path: path, message: "cannot write the job summary: \(Disk.lastError())")
        }
    }
}
