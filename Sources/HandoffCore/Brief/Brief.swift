/// One segment's handoff brief, decoded and typed (SPEC §2). Locations are kept for every
/// part a later check may point at.
public struct Brief: Sendable {
    /// Business target; chooses the default enablement kit and success metrics.
    public enum Goal: String, Sendable, CaseIterable, Hashable {
        case pipeline
        case expansion
        case productActivation = "product-activation"
        case abmCampaign = "abm-campaign"
    }

    /// Whether the SLA clock runs only in the pod's working hours.
    public enum SLAClock: String, Sendable, CaseIterable, Hashable, Codable {
        case business
        case calendar
    }

    /// The plan pattern (SPEC §3.7).
    public enum PatternChoice: String, Sendable, CaseIterable, Hashable {
        case auto
        case pipeline
        case diamond
    }

    public struct FunnelStage: Sendable, Hashable {
        public var stage: String
        public var definition: String
        public var location: SourceLocation
    }

    public struct Scoring: Sendable, Hashable {
        public var model: String?
        public var threshold: Double?
        public var max: Double?
        public var location: SourceLocation
    }

    public struct Volume: Sendable, Hashable {
        public var leadsPerWeek: Double
        public var afterHoursShare: Percent
        public var handleTime: ResponseDuration
        public var location: SourceLocation
    }

    /// A team of reps working one queue.
    public struct Pod: Sendable, Hashable {
        public enum Role: String, Sendable, CaseIterable, Hashable, Codable {
            case sdr = "SDR"
            case ae = "AE"
        }

        /// Reps who keep the same hours (SPEC §2.4).
        public struct Shift: Sendable, Hashable {
            public var name: String
            public var hours: WeeklyHours
            public var reps: Int
            public var location: SourceLocation
        }

        public var name: String
        /// Headcount: the pod's `reps`, or the sum of its shifts' reps.
        public var reps: Int
        public var role: Role
        /// nil: the brief's hours (or, with shifts, whenever one of them works).
        public var hours: WeeklyHours?
        /// nil: the brief's time zone.
        public var timezone: String?
        public var shrinkage: Percent
        /// Untouched leads one rep holds before the rotation skips them.
        public var maxOpen: Int?
        /// The pod's own holidays, besides the brief's.
        public var holidays: [CalendarDate] = []
        public var location: SourceLocation
        /// The pod's shifts, when it states them; nil: one shift, every rep working `hours`.
        public var shifts: [Shift]? = nil
    }

    /// An ordered routing rule: the first whose condition holds owns the lead.
    public struct RoutingRule: Sendable, Hashable {
        public var name: String
        public var condition: Condition
        public var assignment: Assignment
        public var share: Percent?
        /// Round-robin weights by pod name, when given.
        public var weights: [(pod: String, share: Percent)]?
        /// The rule as a channel (SPEC §2.3): each nil takes the brief's value.
        public var channel = Channel()
        public var location: SourceLocation
        /// Where the `when` value stands; the rule's location when it has none.
        public var whenLocation: SourceLocation? = nil
        public var assignLocation: SourceLocation
        public var shareLocation: SourceLocation?
        public var weightsLocation: SourceLocation?
        public var podLocation: SourceLocation?

        public static func == (a: RoutingRule, b: RoutingRule) -> Bool {
            a.name == b.name && a.condition == b.condition && a.assignment == b.assignment && a.share == b.share
                && a.weights?.map(\.pod) == b.weights?.map(\.pod) && a.weights?.map(\.share) == b.weights?.map(\.share)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(condition)
            hasher.combine(assignment)
        }
    }

    /// What a routing rule overrides of the brief's SLA and arrival model (SPEC §2.3).
    public struct Channel: Sendable, Hashable {
        public var responseSLA: ResponseDuration?
        public var slaClock: SLAClock?
        public var targetAttainment: Percent?
        public var arrivals: WeeklyHours?
        public var timezone: String?
        public var afterHoursShare: Percent?
        public var handleTime: ResponseDuration?

        public init() {}

        /// Whether the rule carries any channel field.
        public var isSet: Bool { self != Channel() }
    }

    public struct Fallback: Sendable, Hashable {
        public var role: String
        public var coveredBy: String
        public var location: SourceLocation
    }

    /// `2 breaches in 48h`.
    public struct EscalationTrigger: Sendable, Hashable, CustomStringConvertible {
        public var breaches: Int
        public var window: ResponseDuration

        public var description: String { "\(breaches) breach\(breaches == 1 ? "" : "es") in \(window)" }

        public static let standard = EscalationTrigger(breaches: 2, window: ResponseDuration(hours: 48))
    }

    public struct Escalation: Sendable, Hashable {
        public var ladder: [String]
        public var trigger: EscalationTrigger
        public var retryLimit: Int
        public var fallbacks: [Fallback]

        public static let standardLadder = ["RevOps Director", "Sales Manager", "CRO"]
        public static let standard = Escalation(ladder: standardLadder, trigger: .standard, retryLimit: 2, fallbacks: [])
    }

    public struct EnablementItem: Sendable, Hashable {
        public var asset: String
        public var kind: EnablementKind?
        public var pods: [String]?
        public var owner: String?
        public var leadTime: ResponseDuration?
        public var due: CalendarDate?
        public var status: EnablementStatus?
        public var location: SourceLocation
    }

    public struct Dependency: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable, Hashable {
            case scoring, sequence, field, integration, automation, dashboard
            case talkTrack = "talk-track"
        }

        public var name: String
        public var kind: Kind?
        public var owner: String?
        public var due: CalendarDate?
        public var ready: Bool
        public var location: SourceLocation
    }

    public struct Approval: Sendable, Hashable {
        public enum Status: String, Sendable, CaseIterable, Hashable {
            case pending, approved, rejected
        }

        public var role: String
        public var name: String?
        public var status: Status
        public var date: CalendarDate?
        /// The brief version (8 hex digits) this decision is about; nil: the one current on `date`.
        public var version: String? = nil
        public var location: SourceLocation
    }

    /// Sales' side of the two-way agreement beyond first touch (SPEC §2.2 `acceptance`).
    public struct Acceptance: Sendable, Hashable {
        /// Sales accepts or rejects each lead within this time, on the brief's SLA clock.
        public var acceptSLA: ResponseDuration?
        /// A rejection names one of these.
        public var rejectReasons: [String]
        /// A lead with no touch after this time goes back to marketing nurture.
        public var recycleAfter: ResponseDuration?
        public var location: SourceLocation
    }

    /// Who owns the design, how often it is reviewed and who must approve a change (SPEC §3.7).
    public struct Governance: Sendable, Hashable {
        public enum Cadence: String, Sendable, CaseIterable, Hashable {
            case weekly, fortnightly, monthly, quarterly
            case halfYearly = "half-yearly"
            case yearly
        }

        /// A role and the person who holds it.
        public struct Owner: Sendable, Hashable {
            public var role: String
            public var person: String
        }

        public var review: Cadence?
        public var nextReview: CalendarDate?
        public var nextReviewLocation: SourceLocation?
        /// Roles whose approval a change needs.
        public var changeApprovers: [String]
        public var changeApproversLocation: SourceLocation?
        public var owners: [Owner]
        public var location: SourceLocation

        /// The person `owners` names for a role.
        public func person(for role: String) -> String? { owners.first { $0.role == role }?.person }
    }

    public var file: String
    public var segment: String
    public var title: String
    public var goal: Goal
    public var responseSLA: ResponseDuration
    public var slaClock: SLAClock
    public var targetAttainment: Percent
    public var launch: CalendarDate?
    public var owner: String?
    public var timezone: String
    public var hours: WeeklyHours
    /// Dates no pod works; leads still arrive.
    public var holidays: [CalendarDate] = []
    public var funnel: [FunnelStage]
    public var qualification: [String]
    public var scoring: Scoring?
    public var volume: Volume
    public var pods: [Pod]
    public var routing: [RoutingRule]
    public var escalation: Escalation
    public var enablement: [EnablementItem]
    public var dependencies: [Dependency]
    public var approvals: [Approval]
    public var pattern: PatternChoice
    public var sample: String?
    public var sampleLocation: SourceLocation?
    public var segmentLocation: SourceLocation
    /// The YAML-lite tree the brief came from, for the plan record's inputs digest.
    public var tree: YAMLNode
    /// Marketing's side of the two-way agreement: an enriched, scored MQL reaches the CRM
    /// within this time of the form fill.
    public var deliverySLA: ResponseDuration? = nil
    public var acceptance: Acceptance? = nil
    public var governance: Governance? = nil
    /// The lead fields conditions may name (SPEC §3.2 `fields`); nil when the brief lists none.
    public var fields: [String]? = nil
    /// A rep's paid hours a week: rep-hours over this are FTE (SPEC §2.4).
    public var contractHours: ResponseDuration = ResponseDuration(hours: 40)
    public var contractHoursLocation: SourceLocation? = nil
    /// What the CRM recorded after go-live (SPEC §3.8): not a planning input.
    public var actuals: Actuals? = nil

    /// An export of lead events (SPEC §3.8): the file, the export's own column names for the
    /// columns Handoff reads, and the zone of timestamps that carry no offset.
    public struct Actuals: Sendable, Hashable {
        public var file: String
        /// Handoff's column (`created`, `first-touch`, `pod`, `accepted`, `rejected-reason`,
        /// `recycled`, or a lead field a condition names) → the export's header.
        public var columns: [String: String]
        /// Nil: the brief's.
        public var timezone: String?
        public var location: SourceLocation

        public init(file: String, columns: [String: String] = [:], timezone: String? = nil, location: SourceLocation) {
            self.file = file
            self.columns = columns
            self.timezone = timezone
            self.location = location
        }

        /// Handoff's own column names.
        public static let standardColumns = ["created", "first-touch", "pod", "accepted", "rejected-reason", "recycled"]
    }

    /// The shifts of a pod: its own, or one working the pod's hours (the brief's when it has none).
    public func shifts(of pod: Pod) -> [Pod.Shift] {
        pod.shifts ?? [Pod.Shift(name: "", hours: pod.hours ?? hours, reps: pod.reps, location: pod.location)]
    }

    /// A pod's hours: whenever one of its shifts works.
    public func hours(of pod: Pod) -> WeeklyHours {
        guard let shifts = pod.shifts, let first = shifts.first else { return pod.hours ?? hours }
        return shifts.dropFirst().reduce(first.hours) { $0.union($1.hours) }
    }

    /// The pod with this name.
    public func pod(named name: String) -> Pod? { pods.first { $0.name == name } }

    /// A rule's first-touch promise: its own SLA, clock and target where it sets them (a
    /// channel, SPEC §2.3), else the brief's.
    public func promise(of rule: RoutingRule) -> (sla: ResponseDuration, clock: SLAClock, target: Percent) {
        (rule.channel.responseSLA ?? responseSLA, rule.channel.slaClock ?? slaClock, rule.channel.targetAttainment ?? targetAttainment)
    }
}
