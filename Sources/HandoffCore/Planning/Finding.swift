/// Something planning found in a brief, as a value: what it is about (a rule, a pod, an item),
/// the figures involved, its severity and where it is. The words are presentation's
/// (`FindingText` in HandoffSite); tests and `handoff diff` compare findings as values.
public struct Finding: Sendable, Hashable {
    /// Why a routing rule can never own a lead.
    public enum Unreachability: Sendable, Hashable {
        /// Its own condition can never hold.
        case impossible
        /// These earlier rules always catch its leads first.
        case shadowed(by: [String])
        /// Earlier rules together catch every lead it would match.
        case coveredTogether
    }

    public enum Kind: Sendable, Hashable {
        // Intake (SPEC §3.1).
        case noFunnelStages
        case noQualification
        case noRoutingRules
        case noPods
        case scoringWithoutThreshold
        case dependencyAfterLaunch(dependency: String, due: CalendarDate, launch: CalendarDate)
        case decisionWithoutDate(role: String, status: Brief.Approval.Status)
        /// A dated decision that no plan record can tie to a version (SPEC §3.7).
        case decisionWithoutVersion(role: String, why: SignOff.Unplaced, current: String)
        case duplicateSegment(segment: String, firstFile: String)
        /// A pod of the same name in another brief: its capacity is counted in each.
        case podInAnotherBrief(pod: String, otherFile: String)
        /// An after-hours share with an arrival window of the whole week: those leads have
        /// nowhere to arrive, and are counted in the window.
        case afterHoursWithoutAfterHours(share: Percent, rule: String?)
        // Routing (SPEC §3.2).
        case unreachableRule(rule: String, why: Unreachability)
        case noCatchAll(example: Lead)
        case idlePod(pod: String)
        /// With neither `fields` nor a sample, a field one rule names that is one or two edits
        /// from a field named elsewhere or a common lead field: a rule that never fires in the CRM.
        case likelyMisspeltField(field: String, rule: String, suggestion: String)
        /// A reachable rule without a `share` of its own gets 0% of leads: the shares stated
        /// for other rules already sum to 100% (SPEC §3.2).
        case ruleGetsNoLeads(rule: String)
        /// Every reachable rule that names the pod gets 0% of leads, so it receives nothing.
        case podGetsNoLeads(pod: String, rules: [String])
        case noProductiveCapacity(pod: String, reps: Int, shrinkage: Percent)
        /// A shift's reps each work more hours a week than their contract (SPEC §2.4); `shift`
        /// nil: a pod with `reps`, one shift working the pod's hours.
        case shiftLongerThanContract(pod: String, shift: String?, hours: WeeklyHours, contract: ResponseDuration)
        /// A shift whose productive agents are none: `floor(reps × (1 − shrinkage))` is 0.
        case shiftWithoutProductiveRep(pod: String, shift: String, reps: Int, shrinkage: Percent)
        case sharesPastFull(rule: String, total: Percent)
        case sharesShort(total: Percent)
        // The sample of historical leads.
        case sampleUnreadable(detail: String)
        case sampleWithoutHeader
        /// A condition reads a field the sample has no column for; `suggestion`: a column one or
        /// two edits away.
        case sampleMissingColumn(field: String, suggestion: String? = nil)
        case sampleUnmatchedRows(unmatched: Int, rows: Int)
        // Enablement (SPEC §3.5).
        case enablementAfterLaunch(asset: String, due: CalendarDate, launch: CalendarDate)
        /// `status: not-needed` on an item the default kit does not have: it drops nothing.
        case notNeededWithoutDefault(asset: String, defaults: [String])
        // Governance (SPEC §3.7).
        /// The next review date has passed.
        case reviewOverdue(nextReview: CalendarDate)
        /// A role whose approval a change needs has no approval line; the packet adds a pending one.
        case changeApproverWithoutSignOff(role: String)
    }

    public var kind: Kind
    public var severity: Diagnostic.Severity
    public var location: SourceLocation

    public init(_ kind: Kind, _ severity: Diagnostic.Severity, at location: SourceLocation) {
        self.kind = kind
        self.severity = severity
        self.location = location
    }

    public static func error(_ kind: Kind, at location: SourceLocation) -> Finding { Finding(kind, .error, at: location) }
    public static func warning(_ kind: Kind, at location: SourceLocation) -> Finding { Finding(kind, .warning, at: location) }
}

extension Array where Element == Finding {
    public var errors: [Finding] { filter { $0.severity == .error } }
    public var warnings: [Finding] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, keeping the order of findings at one place.
    public func sortedByLocation() -> [Finding] {
        enumerated().sorted { a, b in
            a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
    }
}
