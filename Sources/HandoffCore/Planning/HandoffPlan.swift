/// Everything the planning core works out for one brief: the values the pages, `packet.json`
/// and the plan record are rendered from.
public struct HandoffPlan: Sendable {
    public var brief: Brief
    /// The build date: overdue flags and readiness are judged against it.
    public var asOf: CalendarDate
    /// Intake findings, routing and kit checks: errors stop the build, warnings are shown.
    public var findings: [Finding]
    public var routing: RoutingBlueprint
    public var sla: SLAModel
    public var escalation: EscalationLadder
    public var kit: EnablementKit
    public var tooling: ToolingChecklist
    public var approval: ApprovalPacket
    /// Review cadence, change approvers and owners; nil when the brief has no `governance`.
    public var governance: GovernancePlan?
    public var pattern: PlanPattern
    /// SHA-256 of the canonical planning inputs, `sha256:…`.
    public var inputsDigest: String
    /// What the SLA model is kept under: the inputs the simulation reads (`PlanDigest.modelDigest`).
    public var modelDigest: String
    /// The short digest of the sample's contents, when the brief has a sample.
    public var sampleDigest: String?
    /// What the CRM recorded after go-live, beside the model (SPEC §3.8); nil without `actuals`.
    public var actuals: SLAActuals? = nil
    /// The brief's own bytes, kept instead of its tree once the plan is compacted.
    var source: [UInt8]?
    /// The planning inputs field by field, for the audit trail and stale approvals: worked out
    /// from the brief's tree when asked for (a plan record, a diff), not kept with every plan
    /// (it was two thirds of a plan's memory, 27 kB a brief).
    public var inputs: InputFields { InputFields(tree: sourceTree, sampleDigest: sampleDigest) }

    /// The brief's YAML-lite tree: read again from its bytes when the plan is compacted.
    var sourceTree: YAMLNode {
        guard let source else { return brief.tree }
        return YAMLLiteParser.parse(bytes: source, file: brief.tree.location.file).root ?? brief.tree
    }

    /// The version people see and pin approvals to (SPEC §3.7).
    public var version: String { PlanDigest.version(of: inputsDigest) }

    public var segment: String { brief.segment }

    /// This plan holding the brief's bytes (`source`, the file it was parsed from) instead of
    /// its YAML-lite tree: a build holds thousands of plans until their turn to render, and the
    /// tree is a fifth of each, seven times the bytes. `inputs` reads the bytes again.
    public func compacted(source: [UInt8]) -> HandoffPlan {
        var copy = self
        copy.source = source
        copy.brief.tree = .mapping(YAMLMapping(entries: [], location: brief.tree.location))
        return copy
    }
}

/// Runs the five workflow steps for one brief. Pure: the brief, the sample's text, the
/// segment's recorded versions and the build date come in as values; no file system, no clock.
/// `simulate` works out the SLA model; a caller may answer it from models it kept for the same
/// inputs digest.
public enum Planner {
    /// Works out a brief's SLA model, given its routing and its model digest.
    public typealias Simulate = (_ brief: Brief, _ routing: RoutingBlueprint, _ modelDigest: String) -> SLAModel

    public static func plan(
        _ brief: Brief, sampleCSV: String? = nil, asOf: CalendarDate, history: [RecordedVersion] = [],
        simulate: Simulate = { brief, routing, _ in SLAModel.plan(brief, routing: routing) }
    ) -> HandoffPlan {
        var findings = BriefIntake.check(brief)
        var sample: SampleReplay?
        if let sampleCSV, let location = brief.sampleLocation {
            switch SampleReplay.replay(csv: sampleCSV, file: brief.sample ?? "", rules: brief.routing) {
            case .success(let replay):
                sample = replay
                for field in replay.missingFields {
                    let near = DidYouMean.suggestion(for: field, among: replay.header)
                    findings.append(.error(.sampleMissingColumn(field: field, suggestion: near), at: location))
                }
                if replay.unmatchedCount > 0 {
                    findings.append(.warning(.sampleUnmatchedRows(unmatched: replay.unmatchedCount, rows: replay.rows), at: location))
                }
            case .failure(.notCSV(let detail)): findings.append(.error(.sampleUnreadable(detail: detail), at: location))
            case .failure(.noHeader): findings.append(.error(.sampleWithoutHeader, at: location))
            }
        }
        let routing = RoutingBlueprint.plan(brief, sample: sample, findings: &findings)
        let digest = PlanDigest.digest(brief.tree, sampleCSV: sampleCSV)
        let modelDigest = PlanDigest.modelDigest(brief.tree, sampleCSV: sampleCSV)
        let sla = simulate(brief, routing, modelDigest)
        let escalation = EscalationLadder.plan(brief)
        let kit = EnablementKit.plan(brief, asOf: asOf, findings: &findings)
        let tooling = ToolingChecklist.plan(brief, routing: routing, asOf: asOf)
        let governance = GovernancePlan.plan(brief, asOf: asOf, findings: &findings)
        let version = PlanDigest.version(of: digest)
        let sampleDigest = sampleCSV.map(InputFields.sampleDigest)
        let inputs = InputFields(tree: brief.tree, sampleDigest: sampleDigest)
        let signOffs = SignOff.place(
            ApprovalPacket.approvers(of: brief), current: version, currentInputs: inputs, history: history, asOf: asOf)
        for s in signOffs {
            // Undated decisions already have intake's warning, which asks for both.
            if case .unplaced(let why) = s.placement, why != .noDate {
                findings.append(
                    .warning(.decisionWithoutVersion(role: s.approval.role, why: why, current: version), at: s.approval.location))
            }
        }
        let ordered = findings.sortedByLocation()
        let approval = ApprovalPacket.plan(
            brief, findings: ordered, sla: sla, tooling: tooling, kit: kit, signOffs: signOffs, version: version)
        return HandoffPlan(
            brief: brief, asOf: asOf, findings: ordered, routing: routing, sla: sla, escalation: escalation, kit: kit,
            tooling: tooling, approval: approval, governance: governance, pattern: PlanPattern.choose(brief.pattern, kit: kit),
            inputsDigest: digest, modelDigest: modelDigest, sampleDigest: sampleDigest)
    }
}
