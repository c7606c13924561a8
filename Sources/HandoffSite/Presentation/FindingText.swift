import HandoffCore

/// The words for planning's findings: what `check` prints and what the intake section lists.
public enum FindingText {
    public static func message(_ kind: Finding.Kind) -> String {
        switch kind {
        case .noFunnelStages: return "the funnel has no stages; define at least MQL and SQL"
        case .noQualification: return "no qualification criteria; list what makes a lead sales-ready"
        case .noRoutingRules: return "no routing rules; every lead needs an owner"
        case .noPods: return "no pods defined; SLA capacity cannot be modelled"
        case .scoringWithoutThreshold: return "scoring has no threshold; handoff cannot tell when a lead is ready"
        case .dependencyAfterLaunch(let dependency, let due, let launch):
            return "dependency '\(dependency)' is due \(due), after launch on \(launch)"
        case .decisionWithoutDate(let role, let status):
            return "\(role) is \(status.rawValue) without a date or 'version:', so no record can say which version was \(status.rawValue)"
        case .decisionWithoutVersion(let role, let why, let current):
            let reason: String =
                switch why {
                case .noDate: "it has no date"
                case .noRecord: "no plan record of this brief exists yet to say which version was current then"
                case .beforeFirstRecord(let first): "it is dated before the first plan record (\(first))"
                case .severalVersionsThatDay(let versions): "versions \(versions.joined(separator: " and ")) were both current that day"
                }
            return
                "\(role)'s decision cannot be tied to a brief version (\(reason)); add 'version:' with the version decided on (this one is \(current))"
        case .duplicateSegment(let segment, let firstFile): return "segment '\(segment)' is already used by \(firstFile)"
        case .unreachableRule(let rule, let why):
            let reason: String =
                switch why {
                case .impossible: "its condition can never hold"
                case .coveredTogether: "earlier rules together catch every lead it would match"
                case .shadowed(let names):
                    "\(names.map { "'\($0)'" }.joined(separator: ", ")) always catch\(names.count == 1 ? "es" : "") its leads first"
                }
            return "routing rule '\(rule)' is unreachable: \(reason)"
        case .noCatchAll(let example):
            return
                "no catch-all rule: leads such as '\(LeadText.description(example))' match no rule and have no owner; end with a rule without 'when'"
        case .afterHoursWithoutAfterHours(let share, let rule):
            return
                "\(rule.map { "rule '\($0)': " } ?? "")after-hours share \(share) with arrivals round the clock: those leads have nowhere to arrive outside the window and are counted inside it; set the share to 0% or narrow the window"
        case .podInAnotherBrief(let pod, let other):
            return "pod '\(pod)' is also defined in \(other); its capacity is counted in each brief as if it served only that one"
        case .idlePod(let pod): return "pod '\(pod)' is idle: no reachable routing rule sends it leads"
        case .likelyMisspeltField(let field, let rule, let suggestion):
            return
                "routing rule '\(rule)' reads field '\(field)', which no other rule names; did you mean '\(suggestion)'? A misspelt field makes a rule that never fires in the CRM (list the CRM's fields under 'fields' to check them)"
        case .ruleGetsNoLeads(let rule):
            return
                "routing rule '\(rule)' gets 0% of leads: the shares stated for other rules already sum to 100%; give it a 'share' (and lower the others)"
        case .podGetsNoLeads(let pod, let rules):
            return
                "pod '\(pod)' receives no leads: \(rules.count == 1 ? "the only rule that names it" : "every rule that names it"), \(Format.list(rules.map { "'\($0)'" })), gets 0% of leads"
        case .shiftLongerThanContract(let pod, let shift, let hours, let contract):
            let week = Format.number(hours.weeklyHours, decimals: 1) + "h"
            if let shift {
                return "pod '\(pod)', shift '\(shift)': \(week) a week for each rep against a \(contract) contract"
            }
            let fte = Format.number(hours.weeklyHours / (Double(contract.clockSeconds) / 3600), decimals: 2)
            return
                "pod '\(pod)': each rep works all its hours, \(week) a week (\(hours.text)) against a \(contract) contract, \(fte) FTE a rep; give the pod shifts of a working day each"
        case .shiftWithoutProductiveRep(let pod, let shift, let reps, let shrinkage):
            return
                "pod '\(pod)', shift '\(shift)' has no productive rep (\(Format.reps(reps)) at \(shrinkage) shrinkage): nobody is on during its hours"
        case .noProductiveCapacity(let pod, let reps, let shrinkage):
            return "pod '\(pod)' has no productive capacity (\(Format.reps(reps)) at \(shrinkage) shrinkage)"
        case .sharesPastFull(let rule, let total): return "shares pass 100%: \(total) by rule '\(rule)'"
        case .sharesShort(let total):
            return "routing shares sum to \(total); \(Percent(basisPoints: 10_000 - total.basisPoints)) of leads are unaccounted for"
        case .sampleUnreadable(let detail): return "the sample is not valid CSV: \(detail)"
        case .sampleWithoutHeader: return "the sample has no header row naming lead fields"
        case .sampleMissingColumn(let field, let suggestion):
            return "the sample has no column '\(field)', which routing conditions read"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .sampleUnmatchedRows(let unmatched, let rows): return "\(unmatched) of \(rows) sample rows match no routing rule"
        case .enablementAfterLaunch(let asset, let due, let launch):
            return "enablement item '\(asset)' is due \(due), after launch on \(launch)"
        case .notNeededWithoutDefault(let asset, let defaults):
            let hint = DidYouMean.suggestion(for: asset, among: defaults).map { "did you mean '\($0)'? " } ?? ""
            return
                "'not-needed' drops an item of the default kit, and the default kit has no '\(asset)'; \(hint)its items: \(defaults.joined(separator: ", "))"
        case .reviewOverdue(let date):
            return "the next review was due \(date) and has passed; hold the review and set 'next-review' to the next date"
        case .changeApproverWithoutSignOff(let role):
            return
                "governance says a change needs \(role)'s approval, and 'approvals' has no line for \(role); the packet adds one as pending"
        }
    }

    /// A finding as a compiler-style diagnostic.
    public static func diagnostic(_ finding: Finding) -> Diagnostic {
        var diagnostic = Diagnostic(finding.severity, message(finding.kind), at: finding.location)
        diagnostic.stage = .plan
        return diagnostic
    }
}
