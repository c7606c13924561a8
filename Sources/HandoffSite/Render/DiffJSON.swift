import HandoffCore

/// `handoff diff --format json` (documented in `docs/diff-json.md`). `version` is the format's
/// version; fractions are numbers from 0 to 1.
public struct DiffJSON: Encodable, Sendable {
    public var format = "handoff-diff"
    public var version = 1
    public var base: String
    /// Errors in the current briefs; briefs with errors are not compared.
    public var errors: Int
    public var segments: [Segment]

    public struct Segment: Encodable, Sendable {
        public var segment: String
        /// added, removed, changed or unchanged.
        public var change: String
        public var versionBefore: String?
        public var versionAfter: String?
        public var readinessBefore: String?
        public var readinessAfter: String?
        public var statusBefore: String?
        public var statusAfter: String?
        /// Every pod's FTE today, and with the staffing plans, on each side (null where the brief
        /// is absent).
        public var fteBefore: Double?
        public var fteAfter: Double?
        public var fteInPlanBefore: Double?
        public var fteInPlanAfter: Double?
        public var inputs: [Input]
        public var rules: [Rule]
        public var pods: [Pod]
        public var sampleMoves: [Move]
        /// Leads in the sample replayed through both rule sets (0: no sample).
        public var sampleRows: Int
        /// Roles whose sign-off counted before the change and no longer does.
        public var madeStale: [String]
        /// Warnings of the base the change resolves, and warnings it introduces, as `check` words them.
        public var warningsResolved: [String]
        public var warningsIntroduced: [String]
    }

    public struct Input: Encodable, Sendable {
        public var field: String
        /// changed, added, removed or reordered.
        public var kind: String
        public var before: String?
        public var after: String?
    }

    public struct Rule: Encodable, Sendable {
        public var rule: String
        /// added, removed, moved or changed.
        public var kind: String
        public var positionBefore: Int?
        public var positionAfter: Int?
        public var fields: [String]
        /// For a move: the rules whose order relative to it changed.
        public var passed: [String]
        /// For a move: the rule's share of leads before and after.
        public var shareBefore: Double?
        public var shareAfter: Double?
    }

    public struct Pod: Encodable, Sendable {
        public var pod: String
        /// null: the pod as a whole.
        public var channel: String?
        public var before: Figures?
        public var after: Figures?
        /// Why the pod receives no leads on each side, as the page words it; null when it does
        /// (or is not in the brief).
        public var noLeadsBefore: String?
        public var noLeadsAfter: String?
        /// Whether the simulated attainment changed beyond simulation noise (the 95% intervals
        /// do not overlap).
        public var attainmentChanged: Bool
    }

    public struct Figures: Encodable, Sendable {
        public var status: String
        public var simulatedAttainment: Double
        /// [low, high], 95%.
        public var simulatedAttainmentInterval: [Double]
        public var target: Double
        /// null: no headcount reaches the target, or a channel row.
        public var requiredRepsSimulated: Int?
        public var reps: Int?
        /// The pod's FTE today and with its staffing plan; null for a channel row.
        public var fte: Double?
        public var fteInPlan: Double?
    }

    public struct Move: Encodable, Sendable {
        public var leads: Int
        public var fromRule: String?
        public var fromOwner: String?
        public var toRule: String?
        public var toOwner: String?
    }

    public init(_ comparison: PlanComparison, base: String, errors: Int) {
        self.base = base
        self.errors = errors
        segments = comparison.segments.map { s in
            let change = s.base == nil ? "added" : s.head == nil ? "removed" : s.isChanged ? "changed" : "unchanged"
            return Segment(
                segment: s.segment, change: change, versionBefore: s.base?.version, versionAfter: s.head?.version,
                readinessBefore: s.base?.approval.readiness.rawValue, readinessAfter: s.head?.approval.readiness.rawValue,
                statusBefore: s.base?.sla.status.rawValue, statusAfter: s.head?.sla.status.rawValue,
                fteBefore: s.base.map { SegmentSummary.staffing($0).today }, fteAfter: s.head.map { SegmentSummary.staffing($0).today },
                fteInPlanBefore: s.base.map { SegmentSummary.staffing($0).inPlan },
                fteInPlanAfter: s.head.map { SegmentSummary.staffing($0).inPlan },
                inputs: s.inputs.map(Self.input), rules: s.rules.map(Self.rule),
                pods: s.pods.map {
                    Pod(
                        pod: $0.pod, channel: $0.channel, before: $0.before.map(Self.figures), after: $0.after.map(Self.figures),
                        noLeadsBefore: $0.noLeadsBefore.map(SLAText.idle), noLeadsAfter: $0.noLeadsAfter.map(SLAText.idle),
                        attainmentChanged: $0.attainmentChanged)
                },
                sampleMoves: s.sampleMoves.map {
                    Move(leads: $0.count, fromRule: $0.fromRule, fromOwner: $0.fromOwner, toRule: $0.toRule, toOwner: $0.toOwner)
                }, sampleRows: s.sampleRows,
                madeStale: s.madeStale.map(\.approval.role), warningsResolved: s.warningsResolved.map { FindingText.message($0.kind) },
                warningsIntroduced: s.warningsIntroduced.map { FindingText.message($0.kind) })
        }
    }

    static func input(_ c: InputChange) -> Input {
        switch c {
        case .changed(let f, let old, let new): Input(field: f, kind: "changed", before: old, after: new)
        case .added(let f, let v): Input(field: f, kind: "added", before: nil, after: v)
        case .removed(let f, let v): Input(field: f, kind: "removed", before: v, after: nil)
        case .reordered(let list, let before, let after):
            Input(
                field: list, kind: "reordered", before: "[" + before.joined(separator: ", ") + "]",
                after: "[" + after.joined(separator: ", ") + "]")
        }
    }

    static func rule(_ c: PlanComparison.RuleChange) -> Rule {
        switch c {
        case .added(let r, let p):
            Rule(rule: r, kind: "added", positionBefore: nil, positionAfter: p, fields: [], passed: [], shareBefore: nil, shareAfter: nil)
        case .removed(let r, let p):
            Rule(rule: r, kind: "removed", positionBefore: p, positionAfter: nil, fields: [], passed: [], shareBefore: nil, shareAfter: nil)
        case .moved(let r, let from, let to, let passed, let before, let after):
            Rule(
                rule: r, kind: "moved", positionBefore: from, positionAfter: to, fields: [], passed: passed, shareBefore: before,
                shareAfter: after)
        case .changed(let r, let fields):
            Rule(
                rule: r, kind: "changed", positionBefore: nil, positionAfter: nil, fields: fields.map(AuditText.input), passed: [],
                shareBefore: nil, shareAfter: nil)
        }
    }

    static func figures(_ f: PlanComparison.Figures) -> Figures {
        Figures(
            status: f.status.rawValue, simulatedAttainment: f.simulatedAttainment, simulatedAttainmentInterval: [f.low, f.high],
            target: f.target, requiredRepsSimulated: f.requiredReps, reps: f.reps, fte: f.fte, fteInPlan: f.fteInPlan)
    }

    public func serialized() -> String { ((try? JSONValueEncoder().encode(self)) ?? .null).serialized() }
}
