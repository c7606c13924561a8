import HandoffCore

/// The words for the two-way agreement and governance.
enum AgreementText {
    /// One first-touch promise: a channel (a rule with an SLA of its own) or every other lead.
    struct Promise {
        var what: String
        var sla: ResponseDuration
        var clock: String
    }

    /// Sales' first-touch promises: one per channel, then the brief's SLA for every other lead
    /// that a sales team works (queues outside sales promise nothing).
    static func firstTouchPromises(_ b: Brief) -> [Promise] {
        let worked = b.routing.filter { if case .queue = $0.assignment { false } else { true } }
        var out = worked.filter { $0.channel.isSet }.map { rule in
            Promise(
                what: "First touch on \(rule.channel.targetAttainment ?? b.targetAttainment) of \(rule.name) leads",
                sla: rule.channel.responseSLA ?? b.responseSLA, clock: "\((rule.channel.slaClock ?? b.slaClock).rawValue) clock")
        }
        if worked.contains(where: { !$0.channel.isSet }) || out.isEmpty {
            out.append(
                Promise(
                    what: "First touch on \(b.targetAttainment) of \(out.isEmpty ? "leads" : "all other leads")", sla: b.responseSLA,
                    clock: "\(b.slaClock.rawValue) clock"))
        }
        return out
    }

    static func cadence(_ c: Brief.Governance.Cadence) -> String {
        switch c {
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        case .halfYearly: "every six months"
        case .yearly: "yearly"
        }
    }
}
