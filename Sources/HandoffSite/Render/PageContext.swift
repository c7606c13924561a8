import HandoffCore

/// The names templates can use (documented in `docs/templates.md`), built from plans.
enum PageContext {
    static func badge(_ label: String, tone: String) -> [String: Any] { ["label": label, "tone": tone] }

    static func tone(_ status: SLAStatus) -> String {
        switch status {
        case .meets: "good"
        case .atRisk: "warn"
        case .breach: "bad"
        case .notModelled: "muted"
        }
    }

    static func tone(_ readiness: Readiness) -> String {
        switch readiness {
        case .approved: "good"
        case .readyForSignOff: "info"
        case .blocked: "bad"
        }
    }

    /// The weakest pod's simulated attainment, which is what decides the segment's status; an
    /// average over pods would hide a pod in breach.
    static func attainment(_ plan: HandoffPlan) -> String {
        guard let worst = plan.sla.pods.min(by: { $0.simulated.attainment < $1.simulated.attainment }) else {
            return "not modelled"
        }
        let figure = Format.percent(worst.simulated.attainment)
        return plan.sla.pods.count == 1 ? figure : "\(figure) (\(worst.name))"
    }

    static func segment(_ plan: HandoffPlan) -> [String: Any] {
        let b = plan.brief
        return [
            "segment": b.segment, "title": b.title, "goal": b.goal.rawValue, "href": "segments/\(b.segment)/index.html",
            "sla": b.responseSLA.description, "clock": b.slaClock.rawValue, "target": b.targetAttainment.description,
            "attainment": attainment(plan),
            "status": badge(plan.sla.status.rawValue, tone: tone(plan.sla.status)),
            "readiness": badge(plan.approval.readiness.rawValue, tone: tone(plan.approval.readiness)),
            "approvalsGiven": plan.approval.approvedCount, "approvalsNeeded": plan.approval.approvals.count,
            "nextDue": plan.kit.nextDue?.description ?? "—", "launch": b.launch?.description ?? "not set",
            "owner": b.owner ?? "not set", "asOf": plan.asOf.description,
        ]
    }

    static func index(_ plans: [HandoffPlan]) -> [String: Any] {
        var attention: [[String: Any]] = []
        for plan in plans {
            let href = "segments/\(plan.segment)/index.html"
            let title = plan.brief.title
            for pod in plan.sla.pods where pod.status == .breach || pod.status == .atRisk {
                attention.append([
                    "href": href + "#sla-model", "segmentTitle": title,
                    "text": pod.reasons.first ?? "\(pod.name) \(pod.status.rawValue)",
                    "label": pod.status.rawValue, "tone": tone(pod.status),
                ])
            }
            // SLA breaches are listed per pod above; the other blockers link to the packet.
            for blocker in plan.approval.blockers where blocker.kind != .slaBreach {
                attention.append([
                    "href": href + "#approval-packet", "segmentTitle": title, "text": blocker.text, "label": "blocker", "tone": "bad",
                ])
            }
            for item in plan.kit.overdue {
                attention.append([
                    "href": href + "#enablement-kit", "segmentTitle": title,
                    "text": "\(item.asset) was due \(item.due?.description ?? "")\(item.owner.map { " (\($0))" } ?? "")",
                    "label": "overdue", "tone": "bad",
                ])
            }
        }
        let statuses = plans.map(\.sla.status)
        let readiness = plans.map(\.approval.readiness)
        return [
            "segments": plans.map(segment), "attention": attention, "hasAttention": !attention.isEmpty,
            "segmentCount": plans.count, "oneSegment": plans.count == 1,
            "readyCount": readiness.filter { $0 == .readyForSignOff }.count,
            "approvedCount": readiness.filter { $0 == .approved }.count,
            "blockedCount": readiness.filter { $0 == .blocked }.count,
            "meetsCount": statuses.filter { $0 == .meets }.count, "atRiskCount": statuses.filter { $0 == .atRisk }.count,
            "breachCount": statuses.filter { $0 == .breach }.count, "root": "",
        ]
    }
}
