/// The brief's fields (SPEC §2.2) as data: the decoder checks keys against it and
/// `handoff schema` turns it into a JSON Schema, so the two never disagree.
public struct ObjectSchema: Sendable {
    public var fields: [FieldSchema]
    /// Keys of which exactly one must be given (a pod's `reps` or `shifts`).
    public var exactlyOne: [String] = []
    /// Keys that must not be given together (a pod's `hours` and `shifts`).
    public var notTogether: [String] = []

    public var keys: [String] { fields.map(\.name) }

    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
}

/// One key of a brief object.
public struct FieldSchema: Sendable {
    /// The value's shape. Editors type scalars the YAML 1.2 way (`4` is an integer, `true` a
    /// boolean) while YAML-lite reads every scalar as text, so each shape accepts both forms.
    public indirect enum Shape: Sendable {
        /// Text that is not blank; a number or boolean reads as its text.
        case text
        /// A string matching the pattern; `alsoInteger`: a whole number YAML 1.2 types as one
        /// (`segment: 2027`, `version: 12345678`) reads as its digits.
        case pattern(String, example: String, alsoInteger: Bool = false)
        /// A whole number, at least `minimum`.
        case integer(minimum: Int)
        /// A decimal number, at least `minimum` when given.
        case number(minimum: Double?)
        /// `yes`/`no`/`true`/`false`.
        case boolean
        case choice([String])
        case object(ObjectSchema)
        case list(Shape)
        case flowList
        /// A list that needs at least one item.
        case nonEmptyFlowList
        /// A map of free keys to values of one shape (`owners: {RevOps Director: Sofia Marin}`).
        case map(Shape)
        /// A text value, or an object with more to say (`actuals: leads.csv` or `{file, …}`).
        case textOrObject(ObjectSchema)
    }

    public var name: String
    public var shape: Shape
    public var required: Bool
    public var summary: String

    init(_ name: String, _ shape: Shape, required: Bool = false, _ summary: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.summary = summary
    }
}

/// The schema of a brief.
public enum BriefSchema {
    static let duration = FieldSchema.Shape.pattern("^" + SchemaPatterns.duration + "$", example: "1h30m")
    static let positiveDuration = FieldSchema.Shape.pattern("^" + SchemaPatterns.positiveDuration + "$", example: "30m")
    static let percent = FieldSchema.Shape.pattern("^" + SchemaPatterns.percent + "$", example: "85%")
    static let date = FieldSchema.Shape.pattern("^" + SchemaPatterns.date + "$", example: "2027-01-11")
    static let number = FieldSchema.Shape.number(minimum: nil)
    static let count = FieldSchema.Shape.number(minimum: 0)
    static let integer = FieldSchema.Shape.integer(minimum: 0)
    static let hours = FieldSchema.Shape.pattern("^" + SchemaPatterns.hours + "$", example: "Mon-Fri 09:00-17:00")
    static let timezone = FieldSchema.Shape.pattern(SchemaPatterns.timezone, example: "America/New_York")
    static let boolean = FieldSchema.Shape.boolean

    public static let funnelStage = ObjectSchema(fields: [
        FieldSchema("stage", .text, required: true, "stage name: MQL, SAL, SQL…"),
        FieldSchema("definition", .text, required: true, "what a lead must meet to enter the stage"),
    ])

    public static let scoring = ObjectSchema(fields: [
        FieldSchema("model", .text, "scoring model name"),
        FieldSchema("threshold", number, "score at which a lead is handed to sales"),
        FieldSchema("max", number, "highest possible score"),
    ])

    public static let volume = ObjectSchema(fields: [
        FieldSchema("leads-per-week", count, required: true, "inbound leads a week"),
        FieldSchema("after-hours-share", percent, "share of leads arriving outside `hours`; default 0%"),
        FieldSchema("handle-time", positiveDuration, required: true, "average first-touch work per lead"),
    ])

    public static let shift = ObjectSchema(fields: [
        FieldSchema("name", .text, required: true, "shift name, unique in the pod: Early, Late, Weekend rota"),
        FieldSchema("hours", hours, required: true, "when its reps work, in the pod's time zone"),
        FieldSchema("reps", integer, required: true, "reps on the shift; each works only this shift"),
    ])

    public static let pod = ObjectSchema(
        fields: [
            FieldSchema("name", .text, required: true, "pod name, referenced by routing rules"),
            FieldSchema("reps", integer, "reps in the pod, each working its hours (or give shifts)"),
            FieldSchema("shifts", .list(.object(shift)), "the pod's shifts, each with its hours and reps (instead of reps and hours)"),
            FieldSchema("role", .choice(["SDR", "AE"]), "SDR (default) or AE"),
            FieldSchema("hours", hours, "working hours; default the brief's"),
            FieldSchema("timezone", timezone, "IANA time zone; default the brief's"),
            FieldSchema("shrinkage", percent, "share of rep time not available for leads; default 0%"),
            FieldSchema("max-open", .integer(minimum: 1), "most untouched leads a rep holds before the rotation skips them"),
            FieldSchema("holidays", .list(date), "dates the pod does not work, besides the brief's holidays"),
        ], exactlyOne: ["reps", "shifts"], notTogether: ["hours", "shifts"])

    public static let rule = ObjectSchema(fields: [
        FieldSchema("name", .text, required: true, "rule name"),
        FieldSchema(
            "when", .pattern("^" + SchemaPatterns.condition + "$", example: "region = EMEA and employees >= 500"),
            "condition; a rule without one matches every lead"),
        FieldSchema(
            "assign", .pattern("^" + SchemaPatterns.assignment + "$", example: "round-robin East, West"), required: true,
            "account-owner, pod NAME, round-robin NAME, NAME, owner PERSON, or queue NAME"),
        FieldSchema("pod", .text, "with account-owner: the AE pod whose capacity it uses"),
        FieldSchema("share", percent, "expected share of leads"),
        FieldSchema(
            "weights", .pattern("^" + SchemaPatterns.weights + "$", example: "East 60%, West 40%"),
            "round-robin weights: 'East 60%, West 40%'"),
        FieldSchema("response-sla", positiveDuration, "this channel's first-touch SLA; default the brief's"),
        FieldSchema("sla-clock", .choice(Brief.SLAClock.allCases.map(\.rawValue)), "this channel's SLA clock; default the brief's"),
        FieldSchema("target-attainment", percent, "this channel's target; default the brief's"),
        FieldSchema("arrivals", hours, "when this channel's in-hours leads arrive; default the brief's hours"),
        FieldSchema("timezone", timezone, "the zone of `arrivals`; default the brief's"),
        FieldSchema("after-hours-share", percent, "share of this channel's leads arriving outside `arrivals`"),
        FieldSchema("handle-time", positiveDuration, "average first-touch work for this channel's leads"),
    ])

    public static let fallback = ObjectSchema(fields: [
        FieldSchema("role", .text, required: true, "ladder role"),
        FieldSchema("covered-by", .text, required: true, "who stands in when the role is unavailable"),
    ])

    public static let escalation = ObjectSchema(fields: [
        FieldSchema("ladder", .flowList, "roles from first to last; default RevOps Director, Sales Manager, CRO"),
        FieldSchema(
            "trigger", .pattern("^" + SchemaPatterns.trigger + "$", example: "2 breaches in 48h"), "when to escalate"),
        FieldSchema("retry-limit", integer, "reassignments within the pod before escalating; default 2"),
        FieldSchema("fallbacks", .list(.object(fallback)), "substitutes per role"),
    ])

    public static let enablementItem = ObjectSchema(fields: [
        FieldSchema("asset", .text, required: true, "asset name; the same name replaces a default kit item"),
        FieldSchema("kind", .choice(EnablementKind.allCases.map(\.rawValue)), "what the asset is"),
        FieldSchema("pods", .flowList, "pods it serves; default all"),
        FieldSchema("owner", .text, "who delivers it"),
        FieldSchema("lead-time", duration, "days needed before launch"),
        FieldSchema("due", date, "due date; default launch minus lead-time"),
        FieldSchema(
            "status", .choice(EnablementStatus.allCases.map(\.rawValue) + EnablementStatus.readyAliases),
            "not-started (default), in-progress, in-review, ready (done, complete), not-needed (drops the default item)"),
    ])

    public static let dependency = ObjectSchema(fields: [
        FieldSchema("name", .text, required: true, "what must be ready"),
        FieldSchema("kind", .choice(Brief.Dependency.Kind.allCases.map(\.rawValue)), "kind of system or content"),
        FieldSchema("owner", .text, "who delivers it"),
        FieldSchema("due", date, "when it will be ready"),
        FieldSchema("ready", boolean, "ready now; default no"),
    ])

    public static let approval = ObjectSchema(fields: [
        FieldSchema("role", .text, required: true, "approver's role"),
        FieldSchema("name", .text, "approver's name"),
        FieldSchema("status", .choice(Brief.Approval.Status.allCases.map(\.rawValue)), "pending (default), approved, rejected"),
        FieldSchema("date", date, "date of the decision"),
        FieldSchema(
            "version", .pattern("^\\s*[0-9a-fA-F]{8}\\s*$", example: "3f9a01c2", alsoInteger: true),
            "brief version decided on, as shown beside the sign-off line; default the version current on `date`"),
    ])

    public static let acceptance = ObjectSchema(fields: [
        FieldSchema("accept-sla", positiveDuration, "sales accepts or rejects each lead within this time (brief's sla-clock)"),
        FieldSchema("reject-reasons", .nonEmptyFlowList, "a rejection names one of these"),
        FieldSchema("recycle-after", positiveDuration, "leads with no touch after this time go back to marketing nurture"),
    ])

    public static let governance = ObjectSchema(fields: [
        FieldSchema("review", .choice(Brief.Governance.Cadence.allCases.map(\.rawValue)), "how often the design is reviewed"),
        FieldSchema("next-review", date, "date of the next review; a warning once it has passed"),
        FieldSchema("change-approvers", .nonEmptyFlowList, "roles whose approval a change needs"),
        FieldSchema("owners", .map(.text), "role → person who holds it"),
    ])

    public static let brief = ObjectSchema(fields: [
        FieldSchema(
            "segment", .pattern("^[a-z0-9][a-z0-9-]*$", example: "enterprise", alsoInteger: true), required: true,
            "segment slug; names the page, unique across briefs"),
        FieldSchema("title", .text, "display name; default the segment, capitalised"),
        FieldSchema("goal", .choice(Brief.Goal.allCases.map(\.rawValue)), required: true, "business target"),
        FieldSchema("response-sla", positiveDuration, required: true, "desired first-touch SLA"),
        FieldSchema("sla-clock", .choice(Brief.SLAClock.allCases.map(\.rawValue)), "business (default) or calendar"),
        FieldSchema("target-attainment", percent, "share of leads touched within the SLA; default 90%"),
        FieldSchema("launch", date, "go-live date"),
        FieldSchema("owner", .text, "accountable owner"),
        FieldSchema("timezone", timezone, "IANA time zone of hours and dates; default UTC"),
        FieldSchema("hours", hours, "working hours; default Mon-Fri 09:00-17:00"),
        FieldSchema("holidays", .list(date), "dates no pod works (leads still arrive)"),
        FieldSchema("funnel", .list(.object(funnelStage)), required: true, "funnel stage definitions, in order"),
        FieldSchema("qualification", .list(.text), required: true, "qualification criteria"),
        FieldSchema("scoring", .object(scoring), "scoring threshold"),
        FieldSchema("volume", .object(volume), required: true, "inbound volume"),
        FieldSchema("pods", .list(.object(pod)), "capacity"),
        FieldSchema(
            "contract-hours", .pattern("^" + SchemaPatterns.contractHours + "$", example: "40h"),
            "a rep's paid hours a week, for FTE; default 40h"),
        FieldSchema(
            "fields", .nonEmptyFlowList,
            "the lead fields routing conditions may name; a condition naming another field is an error"),
        FieldSchema("routing", .list(.object(rule)), required: true, "ordered routing rules"),
        FieldSchema("escalation", .object(escalation), "escalation ladder"),
        FieldSchema("enablement", .list(.object(enablementItem)), "enablement items added to or replacing the default kit"),
        FieldSchema("dependencies", .list(.object(dependency)), "systems and content that must be ready"),
        FieldSchema("approvals", .list(.object(approval)), "sign-off state"),
        FieldSchema(
            "delivery-sla", positiveDuration, "marketing delivers an enriched, scored MQL to the CRM within this time of the form fill"),
        FieldSchema("acceptance", .object(acceptance), "sales' side beyond first touch: accept or reject, and recycling"),
        FieldSchema("governance", .object(governance), "review cadence, next review, change approvers, owners"),
        FieldSchema("pattern", .choice(Brief.PatternChoice.allCases.map(\.rawValue)), "plan pattern; default auto"),
        FieldSchema("sample", .text, "CSV of historical leads, relative to the brief"),
        FieldSchema(
            "actuals", .textOrObject(actuals),
            "CSV export of what the CRM recorded after go-live, relative to the brief, or {file, columns, timezone}; not a planning input"),
    ])

    public static let actuals = ObjectSchema(fields: [
        FieldSchema("file", .text, required: true, "CSV export of lead events, relative to the brief"),
        FieldSchema(
            "columns", .map(.text),
            "Handoff's column (created, first-touch, pod, accepted, rejected-reason, recycled, or a lead field) → the export's header"),
        FieldSchema("timezone", timezone, "zone of timestamps without an offset; default the brief's"),
    ])
}
