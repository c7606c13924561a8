/// Brief intake (SPEC §3.1): confirms funnel stages, qualification criteria and the scoring
/// threshold are present and consistent, and checks dates against launch.
public enum BriefIntake {
    public static func check(_ brief: Brief) -> [Finding] {
        var findings: [Finding] = []
        let top = brief.segmentLocation
        if brief.funnel.isEmpty { findings.append(.error(.noFunnelStages, at: top)) }
        if brief.qualification.isEmpty { findings.append(.error(.noQualification, at: top)) }
        if brief.routing.isEmpty { findings.append(.error(.noRoutingRules, at: top)) }
        if let scoring = brief.scoring, scoring.threshold == nil {
            findings.append(.warning(.scoringWithoutThreshold, at: scoring.location))
        }
        if let launch = brief.launch {
            for dep in brief.dependencies {
                if let due = dep.due, due > launch {
                    findings.append(.warning(.dependencyAfterLaunch(dependency: dep.name, due: due, launch: launch), at: dep.location))
                }
            }
        }
        if brief.pods.isEmpty { findings.append(.warning(.noPods, at: top)) }
        let week = 7 * 24.0
        if brief.hours.weeklyHours >= week, brief.volume.afterHoursShare.basisPoints > 0 {
            findings.append(
                .warning(.afterHoursWithoutAfterHours(share: brief.volume.afterHoursShare, rule: nil), at: brief.volume.location))
        }
        for rule in brief.routing {
            let share = rule.channel.afterHoursShare ?? brief.volume.afterHoursShare
            if (rule.channel.arrivals ?? brief.hours).weeklyHours >= week, share.basisPoints > 0, rule.channel.isSet {
                findings.append(.warning(.afterHoursWithoutAfterHours(share: share, rule: rule.name), at: rule.location))
            }
        }
        // Rep-hours are paid hours: a shift longer than the contract is more than a rep (SPEC §2.4).
        let contract = Double(brief.contractHours.clockSeconds) / 3600
        for pod in brief.pods {
            for shift in brief.shifts(of: pod) where shift.hours.weeklyHours > contract + 1e-9 && shift.reps > 0 {
                findings.append(
                    .warning(
                        .shiftLongerThanContract(
                            pod: pod.name, shift: pod.shifts == nil ? nil : shift.name, hours: shift.hours, contract: brief.contractHours),
                        at: shift.location))
            }
            for shift in pod.shifts ?? [] where shift.reps > 0 && ErlangC.productiveAgents(reps: shift.reps, shrinkage: pod.shrinkage) == 0
            {
                findings.append(
                    .warning(
                        .shiftWithoutProductiveRep(pod: pod.name, shift: shift.name, reps: shift.reps, shrinkage: pod.shrinkage),
                        at: shift.location))
            }
        }
        for approval in brief.approvals where approval.status != .pending && approval.date == nil && approval.version == nil {
            findings.append(.warning(.decisionWithoutDate(role: approval.role, status: approval.status), at: approval.location))
        }
        return findings
    }

    /// A pod named in two briefs is one team modelled twice at full capacity: a warning on each
    /// later one (shared teams across segments are not modelled yet).
    public static func checkSharedPods(_ briefs: [Brief]) -> [Finding] {
        var first: [String: String] = [:]
        var findings: [Finding] = []
        for brief in briefs.sorted(by: { $0.file < $1.file }) {
            for pod in brief.pods {
                if let other = first[pod.name], other != brief.file {
                    findings.append(.warning(.podInAnotherBrief(pod: pod.name, otherFile: other), at: pod.location))
                } else {
                    first[pod.name] = brief.file
                }
            }
        }
        return findings
    }

    /// Segment slugs must be unique across briefs: one error per later duplicate.
    public static func checkUniqueSegments(_ briefs: [Brief]) -> [Finding] {
        var first: [String: Brief] = [:]
        var findings: [Finding] = []
        for brief in briefs.sorted(by: { $0.file < $1.file }) {
            if let earlier = first[brief.segment] {
                findings.append(.error(.duplicateSegment(segment: brief.segment, firstFile: earlier.file), at: brief.segmentLocation))
            } else {
                first[brief.segment] = brief
            }
        }
        return findings
    }
}
