import Foundation

/// The summary of a brief's planning inputs that a plan record carries, from which the audit
/// trail works out what changed between two records.
public struct RecordInputs: Codable, Sendable, Hashable {
    /// The summary of a plan's inputs.
    public init(_ plan: HandoffPlan) {
        let b = plan.brief
        title = b.title
        routing = b.routing.map {
            Rule(name: $0.name, when: $0.condition.description, assign: $0.assignment.description, share: $0.share?.description)
        }
        sla = [
            "response-sla": b.responseSLA.description, "sla-clock": b.slaClock.rawValue,
            "target-attainment": b.targetAttainment.description, "leads-per-week": ConditionAtom.format(b.volume.leadsPerWeek),
            "after-hours-share": b.volume.afterHoursShare.description, "handle-time": b.volume.handleTime.description,
            "hours": b.hours.text, "timezone": b.timezone,
        ]
        pods = b.pods.map { "\($0.name): \($0.reps) reps, \($0.shrinkage) shrinkage" }
        enablement = plan.kit.items.map { "\($0.asset) (\($0.status.rawValue))" }
    }

    public struct Rule: Codable, Sendable, Hashable {
        public var name: String
        public var when: String
        public var assign: String
        public var share: String?
    }

    public var title: String
    public var routing: [Rule]
    public var sla: [String: String]
    public var pods: [String]
    public var enablement: [String]

    enum CodingKeys: String, CodingKey { case title, routing, sla, pods, enablement }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Keys in declaration order and `sla` sorted by key, so a record's bytes are stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(title, forKey: .title)
        try container.encode(routing, forKey: .routing)
        var slaContainer = container.nestedContainer(keyedBy: Key.self, forKey: .sla)
        for key in sla.keys.sorted() { try slaContainer.encode(sla[key] ?? "", forKey: Key(stringValue: key)) }
        try container.encode(pods, forKey: .pods)
        try container.encode(enablement, forKey: .enablement)
    }
}
