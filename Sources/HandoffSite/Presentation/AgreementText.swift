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
            let p = b.promise(of: rule)
            return Promise(what: "First touch on \(p.target) of \(rule.name) leads", sla: p.sla, clock: "\(p.clock.rawValue) clock")
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
        case .weekly: "weekly"
        case .fortnightly: "every two weeks"
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        case .halfYearly: "every six months"
        case .yearly: "yearly"
        }
    }
}
