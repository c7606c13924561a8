import Foundation

/// The brief's sections, one decoder each.
extension BriefDecoder {
    mutating func decodeBrief(_ root: YAMLMapping, tree: YAMLNode) -> Brief? {
        let f = fields(of: root, BriefSchema.brief, in: "the brief")
        let segmentScalar = scalar(f["segment"], "segment")
        var segment: String?
        if let s = segmentScalar {
            if s.value.range(of: "^[a-z0-9][a-z0-9-]*$", options: .regularExpression) != nil {
                segment = s.value
            } else {
                error(
                    "segment '\(s.value)' is not a slug: lower-case letters, digits and '-', starting with a letter or digit",
                    at: s.location)
            }
        }
        let title = f["title"] == nil ? nil : text(f["title"], "title")
        let goal = choice(f["goal"], "goal", Brief.Goal.self)
        let sla = positiveDuration(f["response-sla"], "response-sla")
        let clock = f["sla-clock"] == nil ? .business : choice(f["sla-clock"], "sla-clock", Brief.SLAClock.self)
        let target = f["target-attainment"] == nil ? Percent(basisPoints: 9000) : percent(f["target-attainment"], "target-attainment")
        let launch = f["launch"] == nil ? nil : date(f["launch"], "launch")
        let owner = f["owner"] == nil ? nil : text(f["owner"], "owner")
        let zone = f["timezone"] == nil ? "UTC" : timezone(f["timezone"], "timezone")
        let holidays = dates(f["holidays"], "holidays")
        let hours =
            f["hours"] == nil
            ? (try? WeeklyHours.parse("Mon-Fri 09:00-17:00").get()) : weeklyHours(f["hours"], "hours")
        let funnel = listOfMaps(f["funnel"], "funnel", BriefSchema.funnelStage, item: "a funnel stage") { d, m, loc -> Brief.FunnelStage? in
            guard let stage = d.text(m["stage"], "stage"), let definition = d.text(m["definition"], "definition") else { return nil }
            return Brief.FunnelStage(stage: stage, definition: definition, location: loc)
        }
        let qualification = textList(f["qualification"], "qualification") ?? []
        let scoring = mapping(f["scoring"], "scoring").map { decodeScoring($0) }
        let volume = mapping(f["volume"], "volume").flatMap { decodeVolume($0) }
        let pods = listOfMaps(f["pods"], "pods", BriefSchema.pod, item: "a pod") { d, m, loc in d.decodePod(m, loc) }
        let podNames = definedNames(f["pods"], in: "pods", of: root, missingSectionMayBeBroken: f["pods"] == nil && root.isIncomplete)
        let routing = listOfMaps(f["routing"], "routing", BriefSchema.rule, item: "a routing rule") { d, m, loc in
            d.decodeRule(m, loc)
        }
        let escalation: Brief.Escalation? =
            f["escalation"] == nil ? .standard : mapping(f["escalation"], "escalation").flatMap { decodeEscalation($0) }
        let enablement = listOfMaps(f["enablement"], "enablement", BriefSchema.enablementItem, item: "an enablement item") {
            d, m, loc in d.decodeEnablementItem(m, loc)
        }
        let dependencies = listOfMaps(f["dependencies"], "dependencies", BriefSchema.dependency, item: "a dependency") {
            d, m, loc in d.decodeDependency(m, loc)
        }
        let approvals = listOfMaps(f["approvals"], "approvals", BriefSchema.approval, item: "an approval") { d, m, loc in
            d.decodeApproval(m, loc)
        }
        let fieldList =
            f["fields"] == nil ? nil : nonEmptyTextList(f["fields"], "fields", needs: "at least one field name, e.g. [region, employees]")
        diagnostics += BriefCrossReferences.check(
            .init(
                funnel: funnel, pods: pods, podNames: podNames, routing: routing, enablement: enablement,
                fields: f["fields"]?.isInvalid == false ? fieldList : nil))
        let pattern = f["pattern"] == nil ? .auto : choice(f["pattern"], "pattern", Brief.PatternChoice.self)
        let delivery = f["delivery-sla"] == nil ? nil : positiveDuration(f["delivery-sla"], "delivery-sla")
        let acceptance = mapping(f["acceptance"], "acceptance").map {
            decodeAcceptance($0, dayHours: clock == .business ? hours?.averageDayHours : nil)
        }
        let governance = mapping(f["governance"], "governance").map { decodeGovernance($0) }
        let sampleScalar = f["sample"] == nil ? nil : scalar(f["sample"], "sample")
        let contract = f["contract-hours"] == nil ? nil : contractHours(f["contract-hours"])
        let actuals = f["actuals"].flatMap { decodeActuals($0) }

        guard let segment, let segmentScalar, let goal, let sla, let clock, let target, let zone, let hours, let volume,
            let escalation, let pattern
        else { return nil }
        if hours.weeklyHours == 0 {
            error("hours leave no working time in the week", at: f["hours"]?.location ?? root.location)
        }
        return Brief(
            file: file, segment: segment, title: title ?? Self.capitalised(segment), goal: goal, responseSLA: sla,
            slaClock: clock, targetAttainment: target, launch: launch, owner: owner, timezone: zone, hours: hours,
            holidays: holidays, funnel: funnel, qualification: qualification, scoring: scoring, volume: volume, pods: pods,
            routing: routing,
            escalation: escalation, enablement: enablement,
            dependencies: dependencies, approvals: approvals, pattern: pattern, sample: sampleScalar?.value,
            sampleLocation: sampleScalar?.location,
            segmentLocation: segmentScalar.location, tree: tree, deliverySLA: delivery, acceptance: acceptance,
            governance: governance, fields: fieldList,
            contractHours: f["contract-hours"] == nil ? ResponseDuration(hours: 40) : contract ?? ResponseDuration(hours: 40),
            contractHoursLocation: f["contract-hours"]?.location, actuals: actuals)
    }

    /// `actuals: export.csv`, or `{file, columns, timezone}` (SPEC §3.8).
    mutating func decodeActuals(_ node: YAMLNode) -> Brief.Actuals? {
        if case .scalar = node {
            return text(node, "actuals").map { Brief.Actuals(file: $0, location: node.location) }
        }
        guard let m = mapping(node, "actuals") else { return nil }
        let f = fields(of: m, BriefSchema.actuals, in: "actuals")
        guard let fileNode = f["file"], let file = text(fileNode, "file") else { return nil }
        var columns: [String: String] = [:]
        if let node = f["columns"], let map = mapping(node, "columns") {
            for entry in map.entries {
                guard let header = text(entry.value, entry.key.value) else { continue }
                columns[entry.key.value] = header
            }
        }
        let zone = f["timezone"] == nil ? nil : timezone(f["timezone"], "timezone")
        return Brief.Actuals(file: file, columns: columns, timezone: zone, location: fileNode.location)
    }

    /// A duration that must be longer than zero.
    mutating func positiveDuration(_ node: YAMLNode?, _ key: String) -> ResponseDuration? {
        guard let d = duration(node, key) else { return nil }
        if d.isZero, let node {
            error("\(key) must be longer than zero", at: node.location)
            return nil
        }
        return d
    }

    /// `dayHours`: the length of `1d` under the business clock (the brief's average open day);
    /// nil on the calendar clock, where a day is 24 hours.
    /// A list of text that, when given, needs an item; empty when absent.
    mutating func nonEmptyTextList(_ node: YAMLNode?, _ key: String, needs: String) -> [String] {
        guard let node else { return [] }
        let items = textList(node, key) ?? []
        if items.isEmpty, !node.isInvalid { error("\(key) needs \(needs)", at: node.location) }
        return items
    }

    mutating func decodeAcceptance(_ m: YAMLMapping, dayHours: Double?) -> Brief.Acceptance {
        let f = fields(of: m, BriefSchema.acceptance, in: "acceptance")
        let accept = f["accept-sla"] == nil ? nil : positiveDuration(f["accept-sla"], "accept-sla")
        let reasons = nonEmptyTextList(
            f["reject-reasons"], "reject-reasons", needs: "at least one reason a rejection can name, e.g. [not ICP, no budget, duplicate]")
        let recycle = f["recycle-after"] == nil ? nil : positiveDuration(f["recycle-after"], "recycle-after")
        func seconds(_ d: ResponseDuration) -> Double {
            Double(d.days) * (dayHours ?? 24) * 3600 + Double(d.clockSeconds)
        }
        if let accept, let recycle, seconds(recycle) <= seconds(accept), let node = f["recycle-after"] {
            error(
                "recycle-after (\(recycle)) must be longer than accept-sla (\(accept)): a lead would go back to nurture before sales had to decide",
                at: node.location)
        }
        return Brief.Acceptance(acceptSLA: accept, rejectReasons: reasons, recycleAfter: recycle, location: m.location)
    }

    mutating func decodeGovernance(_ m: YAMLMapping) -> Brief.Governance {
        let f = fields(of: m, BriefSchema.governance, in: "governance")
        var owners: [Brief.Governance.Owner] = []
        if let node = f["owners"], let map = mapping(node, "owners") {
            for entry in map.entries {
                guard let person = text(entry.value, entry.key.value) else { continue }
                owners.append(.init(role: entry.key.value, person: person))
            }
        }
        let approvers = nonEmptyTextList(
            f["change-approvers"], "change-approvers", needs: "at least one role, e.g. [RevOps Director, VP Sales]")
        return Brief.Governance(
            review: f["review"] == nil ? nil : choice(f["review"], "review", Brief.Governance.Cadence.self),
            nextReview: f["next-review"] == nil ? nil : date(f["next-review"], "next-review"),
            nextReviewLocation: f["next-review"]?.location, changeApprovers: approvers,
            changeApproversLocation: f["change-approvers"]?.location, owners: owners, location: m.location)
    }

    /// The names a list of maps defines (`pods`), read from the tree whether or not the rest of
    /// each item decoded, so a reference to a misspelt name is reported alongside every other
    /// mistake. A name on a line the parser could not read may be one of them too; nil when an
    /// item has no readable name, or the whole section may be lost to a broken line.
    func definedNames(_ node: YAMLNode?, in key: String, of root: YAMLMapping, missingSectionMayBeBroken: Bool)
        -> BriefCrossReferences.Names?
    {
        guard !missingSectionMayBeBroken else { return nil }
        guard let node else { return .init(defined: [], maybe: []) }
        guard case .sequence(let seq) = node else { return nil }
        var defined: [String] = []
        for item in seq.items {
            guard case .mapping(let m) = item, case .scalar(let name)? = m["name"], !name.isInvalid else { return nil }
            defined.append(name.value.trimmed)
        }
        var maybe: [String] = []
        if let i = root.entries.firstIndex(where: { $0.key.value == key }) {
            let start = root.entries[i].key.location.line
            let end = i + 1 < root.entries.count ? root.entries[i + 1].key.location.line : Int.max
            for (line, text) in syntaxErrorText where line >= start && line < end {
                guard let range = text.range(of: "name:") else { continue }
                maybe.append(String(text[range.upperBound...]).trimmed)
            }
        }
        return .init(defined: defined, maybe: maybe)
    }

    /// `mid-market` → `Mid-market`.
    static func capitalised(_ slug: String) -> String {
        slug.prefix(1).uppercased() + slug.dropFirst()
    }

    mutating func decodeScoring(_ m: YAMLMapping) -> Brief.Scoring {
        let f = fields(of: m, BriefSchema.scoring, in: "scoring")
        let threshold = f["threshold"] == nil ? nil : number(f["threshold"], "threshold")
        let max = f["max"] == nil ? nil : number(f["max"], "max")
        // Checked here, at the threshold's own line, so it is reported with the other errors.
        if let threshold, let max, threshold < 0 || threshold > max, let node = f["threshold"] {
            let written = (threshold: node.scalarValue ?? "", max: f["max"]?.scalarValue ?? "")
            error("scoring threshold \(written.threshold) is outside 0…\(written.max)", at: node.location)
        }
        return Brief.Scoring(
            model: f["model"] == nil ? nil : text(f["model"], "model"), threshold: threshold, max: max, location: m.location)
    }

    mutating func decodeVolume(_ m: YAMLMapping) -> Brief.Volume? {
        let f = fields(of: m, BriefSchema.volume, in: "volume")
        let lpw = number(f["leads-per-week"], "leads-per-week")
        let share = f["after-hours-share"] == nil ? Percent.zero : percent(f["after-hours-share"], "after-hours-share")
        let handle = positiveDuration(f["handle-time"], "handle-time")
        if let lpw, lpw < 0, let node = f["leads-per-week"] { error("leads-per-week cannot be negative", at: node.location) }
        guard let lpw, let share, let handle else { return nil }
        return Brief.Volume(leadsPerWeek: lpw, afterHoursShare: share, handleTime: handle, location: m.location)
    }

    mutating func decodePod(_ m: [String: YAMLNode], _ loc: SourceLocation) -> Brief.Pod? {
        let name = text(m["name"], "name")
        // A pod states its reps, all working its hours, or its shifts (SPEC §2.4).
        var reps = m["reps"] == nil ? nil : integer(m["reps"], "reps")
        var shifts: [Brief.Pod.Shift]?
        if let node = m["shifts"] {
            if m["reps"] != nil {
                error(
                    "a pod states 'reps' or 'shifts', not both: its headcount is the sum of its shifts' reps",
                    at: keyOfValue[node.location] ?? node.location)
            }
            if let hoursNode = m["hours"] {
                error(
                    "a pod states 'hours' or 'shifts', not both: each shift has its own hours",
                    at: keyOfValue[hoursNode.location] ?? hoursNode.location)
            }
            shifts = listOfMaps(node, "shifts", BriefSchema.shift, item: "a shift") { d, m, loc in d.decodeShift(m, loc) }
            if let list = shifts {
                BriefCrossReferences.duplicates(list.map { ($0.name, $0.name, $0.location) }, "shift", &diagnostics)
                if list.isEmpty, !node.isInvalid { error("'shifts' needs at least one shift", at: node.location) }
                reps = list.reduce(0) { $0 + $1.reps }
            }
        } else if m["reps"] == nil, name != nil {
            error("pod '\(name ?? "")' needs 'reps' (every rep working its hours) or 'shifts'", at: loc)
        }
        let role = m["role"] == nil ? .sdr : choice(m["role"], "role", Brief.Pod.Role.self)
        let hours = m["hours"] == nil || m["shifts"] != nil ? nil : weeklyHours(m["hours"], "hours")
        let zone = m["timezone"] == nil ? nil : timezone(m["timezone"], "timezone")
        let shrinkage = m["shrinkage"] == nil ? .zero : percent(m["shrinkage"], "shrinkage")
        let maxOpen = m["max-open"] == nil ? nil : integer(m["max-open"], "max-open")
        if let maxOpen, maxOpen < 1, let node = m["max-open"] { error("max-open must be at least 1", at: node.location) }
        let holidays = dates(m["holidays"], "holidays")
        guard let name, let reps, let role, let shrinkage else { return nil }
        return Brief.Pod(
            name: name, reps: reps, role: role, hours: hours, timezone: zone, shrinkage: shrinkage, maxOpen: maxOpen,
            holidays: holidays, location: loc, shifts: shifts)
    }

    /// A shift: its name, its hours (within each day: a night shift is two, one each side of
    /// midnight) and its reps.
    mutating func decodeShift(_ m: [String: YAMLNode], _ loc: SourceLocation) -> Brief.Pod.Shift? {
        let name = text(m["name"], "name")
        var hours: WeeklyHours?
        if let s = scalar(m["hours"], "hours"), case .failure(let e) = WeeklyHours.parse(s.value),
            e.message.contains("ends before it starts")
        {
            // A night shift crosses midnight; the week's hours are read day by day.
            let split = WeeklyHours.splitAtMidnight(s.value.trimmed) ?? "Mon-Fri 22:00-24:00; Tue-Sat 00:00-06:00"
            error(
                "shift '\(name ?? "")' runs past midnight (\(s.value.trimmed)); hours are read day by day: write it in two parts, '\(split)'",
                at: s.location)
        } else {
            hours = weeklyHours(m["hours"], "hours")
        }
        let reps = integer(m["reps"], "reps")
        if let hours, hours.weeklyHours == 0, let node = m["hours"] {
            error("shift '\(name ?? "")' has no working time in the week", at: node.location)
        }
        guard let name, let hours, let reps else { return nil }
        return Brief.Pod.Shift(name: name, hours: hours, reps: reps, location: loc)
    }

    /// A rep's paid hours a week: hours and minutes, more than zero.
    mutating func contractHours(_ node: YAMLNode?) -> ResponseDuration? {
        guard let d = duration(node, "contract-hours"), let node else { return nil }
        guard d.days == 0, !d.isZero else {
            error("contract-hours is a rep's paid hours a week, written in hours: e.g. 40h or 37h30m", at: node.location)
            return nil
        }
        return d
    }

    mutating func decodeRule(_ m: [String: YAMLNode], _ loc: SourceLocation) -> Brief.RoutingRule? {
        let name = text(m["name"], "name")
        var condition: Condition = .always
        var whenLocation: SourceLocation?
        if let node = m["when"], let s = scalar(node, "when") {
            whenLocation = s.location
            switch Condition.parse(s.value) {
            case .success(let c): condition = c
            case .failure(let e):
                // Reported; the rule is kept (the brief is not) so its pods are still checked.
                error("invalid condition: \(e.message)", at: s.location)
            }
        }
        let podName = m["pod"] == nil ? nil : text(m["pod"], "pod")
        var assignment: Assignment?
        let assignScalar = scalar(m["assign"], "assign")
        if let s = assignScalar {
            switch Assignment.parse(s.value, pod: podName) {
            case .success(let a): assignment = a
            case .failure(let e): error("invalid assign: \(e.message)", at: s.location)
            }
        }
        if let podNode = m["pod"], let assignment, assignment.pods != [podNode.scalarValue ?? ""] {
            warning("'pod' is only read with 'assign: account-owner'; name the pod in 'assign' instead", at: podNode.location)
        }
        let share = m["share"] == nil ? nil : percent(m["share"], "share")
        var weights: [(pod: String, share: Percent)]?
        if let s = m["weights"].flatMap({ scalar($0, "weights") }) {
            weights = parseWeights(s)
        }
        var channel = Brief.Channel()
        channel.responseSLA = m["response-sla"] == nil ? nil : positiveDuration(m["response-sla"], "response-sla")
        channel.slaClock = m["sla-clock"] == nil ? nil : choice(m["sla-clock"], "sla-clock", Brief.SLAClock.self)
        channel.targetAttainment = m["target-attainment"] == nil ? nil : percent(m["target-attainment"], "target-attainment")
        channel.arrivals = m["arrivals"] == nil ? nil : weeklyHours(m["arrivals"], "arrivals")
        channel.timezone = m["timezone"] == nil ? nil : timezone(m["timezone"], "timezone")
        channel.afterHoursShare = m["after-hours-share"] == nil ? nil : percent(m["after-hours-share"], "after-hours-share")
        channel.handleTime = m["handle-time"] == nil ? nil : positiveDuration(m["handle-time"], "handle-time")
        guard let name, let assignment, let assignScalar else { return nil }
        return Brief.RoutingRule(
            name: name, condition: condition, assignment: assignment, share: share, weights: weights, channel: channel, location: loc,
            whenLocation: whenLocation, assignLocation: assignScalar.location, shareLocation: m["share"]?.location,
            weightsLocation: m["weights"]?.location,
            podLocation: m["pod"]?.location)
    }

    /// `East 60%, West 40%`.
    mutating func parseWeights(_ s: YAMLScalar) -> [(pod: String, share: Percent)]? {
        var result: [(pod: String, share: Percent)] = []
        for part in s.value.split(separator: ",") {
            let trimmed = part.trimmed
            guard let space = trimmed.lastIndex(of: " "),
                let p = Percent(parsing: String(trimmed[trimmed.index(after: space)...]))
            else {
                error("weights read like 'East 60%, West 40%'; '\(trimmed)' does not", at: s.location)
                return nil
            }
            result.append((pod: trimmed[..<space].trimmed, share: p))
        }
        return result
    }

    mutating func decodeEscalation(_ m: YAMLMapping) -> Brief.Escalation? {
        let f = fields(of: m, BriefSchema.escalation, in: "escalation")
        var result = Brief.Escalation.standard
        if f["ladder"] != nil {
            guard let ladder = textList(f["ladder"], "ladder") else { return nil }
            if ladder.isEmpty, let node = f["ladder"] {
                error("the escalation ladder needs at least one role", at: node.location)
            }
            result.ladder = ladder
        }
        if let s = f["trigger"].flatMap({ scalar($0, "trigger") }) {
            let words = s.value.split(separator: " ")
            if words.count == 4, let n = Int(words[0]), n > 0, words[1] == "breaches" || words[1] == "breach",
                words[2] == "in", let window = ResponseDuration(parsing: String(words[3])), !window.isZero
            {
                result.trigger = Brief.EscalationTrigger(breaches: n, window: window)
            } else {
                error("trigger reads like '2 breaches in 48h'; '\(s.value)' does not", at: s.location)
            }
        }
        if f["retry-limit"] != nil {
            guard let n = integer(f["retry-limit"], "retry-limit") else { return nil }
            result.retryLimit = n
        }
        result.fallbacks = listOfMaps(f["fallbacks"], "fallbacks", BriefSchema.fallback, item: "a fallback") {
            d, m, loc -> Brief.Fallback? in
            guard let role = d.text(m["role"], "role"), let by = d.text(m["covered-by"], "covered-by") else { return nil }
            return Brief.Fallback(role: role, coveredBy: by, location: loc)
        }
        return result
    }

    mutating func decodeEnablementItem(_ m: [String: YAMLNode], _ loc: SourceLocation) -> Brief.EnablementItem? {
        guard let asset = text(m["asset"], "asset") else { return nil }
        return Brief.EnablementItem(
            asset: asset,
            kind: m["kind"] == nil ? nil : choice(m["kind"], "kind", EnablementKind.self),
            pods: m["pods"] == nil ? nil : textList(m["pods"], "pods"),
            owner: m["owner"] == nil ? nil : text(m["owner"], "owner"),
            leadTime: m["lead-time"] == nil ? nil : duration(m["lead-time"], "lead-time"),
            due: m["due"] == nil ? nil : date(m["due"], "due"),
            status: m["status"] == nil ? nil : enablementStatus(m["status"]),
            location: loc)
    }

    mutating func decodeDependency(_ m: [String: YAMLNode], _ loc: SourceLocation) -> Brief.Dependency? {
        guard let name = text(m["name"], "name") else { return nil }
        return Brief.Dependency(
            name: name,
            kind: m["kind"] == nil ? nil : choice(m["kind"], "kind", Brief.Dependency.Kind.self),
            owner: m["owner"] == nil ? nil : text(m["owner"], "owner"),
            due: m["due"] == nil ? nil : date(m["due"], "due"),
            ready: m["ready"] == nil ? false : boolean(m["ready"], "ready") ?? false,
            location: loc)
    }

    mutating func decodeApproval(_ m: [String: YAMLNode], _ loc: SourceLocation) -> Brief.Approval? {
        guard let role = text(m["role"], "role") else { return nil }
        return Brief.Approval(
            role: role,
            name: m["name"] == nil ? nil : text(m["name"], "name"),
            status: m["status"] == nil ? .pending : choice(m["status"], "status", Brief.Approval.Status.self) ?? .pending,
            date: m["date"] == nil ? nil : date(m["date"], "date"),
            version: m["version"] == nil ? nil : version(m["version"]),
            location: loc)
    }

    /// An enablement status; `done` and `complete` read as `ready`.
    mutating func enablementStatus(_ node: YAMLNode?) -> EnablementStatus? {
        guard let s = scalar(node, "status") else { return nil }
        if let status = EnablementStatus(parsing: s.value) { return status }
        let options = EnablementStatus.allCases.map(\.rawValue) + EnablementStatus.readyAliases
        let hint = DidYouMean.suggestion(for: s.value, among: options).map { "did you mean '\($0)'? " } ?? ""
        error(
            "'\(s.value)' is not a valid status; \(hint)expected one of not-started, in-progress, in-review, ready (or done, complete), not-needed",
            at: s.location)
        return nil
    }

    /// A brief version as shown beside each sign-off line: 8 hex digits.
    mutating func version(_ node: YAMLNode?) -> String? {
        guard let s = scalar(node, "version") else { return nil }
        let value = s.value.trimmed.lowercased()
        guard value.count == 8, value.allSatisfy(\.isHexDigit) else {
            error(
                "'\(s.value)' is not a brief version; copy the 8 hex digits shown beside the sign-off line, e.g. 3f9a01c2", at: s.location)
            return nil
        }
        return value
    }
}
