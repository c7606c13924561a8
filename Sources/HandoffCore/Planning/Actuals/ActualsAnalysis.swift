import Foundation
import HandoffEngine

/// Turns an export's routed rows into the figures of SPEC §3.8: per channel and pod, overall and
/// week by week, on the channel's clock and the pod's calendar (the business clock counts the
/// pod's working time, holidays included); volume, after-hours share and the hour-of-week
/// profile; acceptance; the escalation trigger on the data; and the model beside it.
extension SLAActuals {
    /// The figures of an export read against the plan it was planned with; the model's re-run
    /// with the export's inputs is `rerunWithObservedInputs`.
    public static func analyse(_ reader: ActualsReader, plan: HandoffPlan) -> SLAActuals {
        let brief = plan.brief
        let briefZone = TimeZone(identifier: brief.timezone) ?? TimeZone(secondsFromGMT: 0)!
        let records = reader.records
        let reasons = reader.reasons
        var result = SLAActuals(
            file: brief.actuals?.file ?? "", timezone: brief.timezone, rows: reader.rows, routed: 0, unmatched: reader.unmatched,
            outsideSLA: 0, badRows: reader.badRows,
            badCounts: ActualsReader.BadRow.Kind.allCases.compactMap { k in reader.badCounts[k].map { BadCount(kind: k, count: $0) } },
            weeks: [], weeksObserved: 0, exportEnd: reader.exportEnd, leadsPerWeek: 0, afterHoursShare: 0,
            hourOfWeek: Array(repeating: 0, count: 168), cells: [], channels: [], pods: [],
            acceptance: Acceptance(leads: 0, accepted: 0, rejected: 0, reasons: [], recycled: 0), escalations: [])
        guard !records.isEmpty else { return result }
        let (first, lastArrival) = records.reduce((Double.infinity, -Double.infinity)) {
            ($0.0 < $1.created ? $0.0 : $1.created, max($0.1, $1.created))
        }

        // One offset cache per zone: the brief's first (weeks, hours of the week), then each
        // rule's window zone.
        var zoneNames = [brief.timezone]
        let ruleZone = brief.routing.map { rule -> Int in
            let name = rule.channel.timezone ?? brief.timezone
            if let k = zoneNames.firstIndex(of: name) { return k }
            zoneNames.append(name)
            return zoneNames.count - 1
        }
        var clocks = zoneNames.map { HourlyOffsets(TimeZone(identifier: $0) ?? briefZone) }

        // Weeks from the Monday of the first lead, in the brief's zone.
        let firstDay = CalendarDate(daysSinceEpoch: Int(((first + Double(clocks[0].offset(at: first))) / 86_400).rounded(.down)))
        let monday = firstDay.adding(days: -(firstDay.weekday - 1))
        let start = OpenIntervals.instant(monday, minutes: 0, briefZone)
        // Weeks and volume span the leads' arrivals; touches after the last arrival only decide
        // whether late leads were met.
        let weekCount = max(1, Int(((lastArrival - start) / 604_800).rounded(.down)) + 1)
        result.weeks = (0..<weekCount).map { monday.adding(days: 7 * $0) }
        result.weeksObserved = max((lastArrival - start) / 604_800, 1.0 / 7)
        func week(_ t: Double) -> Int {
            // Weeks begin at midnight in the brief's zone, summer time or not.
            let day = Int(((t + Double(clocks[0].offset(at: t))) / 86_400).rounded(.down)) - monday.daysSinceEpoch
            return min(weekCount - 1, max(0, day / 7))
        }

        // Each pod's working time over the export, the way the planner lays it out.
        let calendars = CalendarFactory(start: monday, weeks: weekCount + 1, briefZone: brief.timezone, holidays: brief.holidays)
        let podCalendars = brief.pods.map { calendars.pod(brief.hours(of: $0), zone: $0.timezone, holidays: $0.holidays) }
        let windows = brief.routing.map { $0.channel.arrivals ?? brief.hours }
        let promises = brief.routing.map { brief.promise(of: $0) }
        let slas = promises.map {
            Network.SLA(businessClock: $0.clock == .business, days: $0.sla.days, clockSeconds: Double($0.sla.clockSeconds))
        }

        struct Tally {
            var leads = 0, met = 0, missed = 0, open = 0, untouched = 0, afterHours = 0
            var waits: [Double] = []
            var weeks: [(leads: Int, met: Int, decided: Int)]
        }
        let pods = brief.pods.count
        // Rule × pods + pod, mutated in place (a copy out and back would copy the waits).
        var tallies = Array(repeating: Tally(weeks: Array(repeating: (0, 0, 0), count: weekCount)), count: brief.routing.count * pods)
        var podBreaches = Array(repeating: [Double](), count: pods)
        var accepted = 0, rejected = 0, recycled = 0, afterHours = 0
        var reasonCounts = Array(repeating: 0, count: reasons.count)
        for record in records {
            let r = Int(record.rule)
            let minute = clocks[0].minuteOfWeek(record.created)
            result.hourOfWeek[minute / 60] += 1
            if !brief.hours.contains(minuteOfWeek: minute) { afterHours += 1 }
            guard record.pod >= 0 else {
                result.outsideSLA += 1
                continue
            }
            let p = Int(record.pod)
            result.routed += 1
            if record.accepted { accepted += 1 }
            if record.reason >= 0 {
                rejected += 1
                reasonCounts[Int(record.reason)] += 1
            }
            if record.recycled { recycled += 1 }
            let calendar = podCalendars[p]
            let deadline = Simulation.deadline(calendar, arrival: record.created, sla: slas[r])
            let k = r * pods + p
            let w = week(record.created)
            tallies[k].leads += 1
            tallies[k].weeks[w].leads += 1
            let local = ruleZone[r] == 0 ? minute : clocks[ruleZone[r]].minuteOfWeek(record.created)
            if !windows[r].contains(minuteOfWeek: local) { tallies[k].afterHours += 1 }
            if record.touched.isFinite {
                let met = record.touched <= deadline + 1e-6
                tallies[k].met += met ? 1 : 0
                tallies[k].missed += met ? 0 : 1
                tallies[k].weeks[w].met += met ? 1 : 0
                tallies[k].weeks[w].decided += 1
                let wait =
                    promises[r].clock == .business
                    ? calendar.openTime(at: record.touched) - calendar.openTime(at: record.created) : record.touched - record.created
                tallies[k].waits.append(wait / 60)
                if !met { podBreaches[p].append(deadline) }
            } else if deadline <= reader.exportEnd {
                tallies[k].missed += 1
                tallies[k].untouched += 1
                tallies[k].weeks[w].decided += 1
                tallies[k].waits.append(.infinity)
                podBreaches[p].append(deadline)
            } else {
                tallies[k].open += 1
            }
        }
        let total = result.routed + result.outsideSLA
        result.leadsPerWeek = Double(total) / result.weeksObserved
        result.afterHoursShare = total > 0 ? Double(afterHours) / Double(total) : 0
        result.hourOfWeek = result.hourOfWeek.map { $0 / result.weeksObserved }
        result.acceptance = Acceptance(
            leads: result.routed, accepted: accepted, rejected: rejected,
            reasons: reasons.indices.map { Acceptance.Reason(reason: reasons[$0], count: reasonCounts[$0]) }
                .sorted { ($1.count, $0.reason) < ($0.count, $1.reason) },
            recycled: recycled)

        // Cells in the brief's order of rules, then pods.
        let recent = max(0, weekCount - 4)
        for key in tallies.indices where tallies[key].leads > 0 {
            var tally = tallies[key]
            let (r, p) = (key / pods, key % pods)
            let rule = brief.routing[r]
            let promise = brief.promise(of: rule)
            let decided = tally.met + tally.missed
            let (low, high) = wilson(tally.met, decided)
            var waits = tally.waits
            let median = waits.isEmpty ? 0 : Quantile.select(&waits, 0.5)
            let p90 = waits.isEmpty ? 0 : Quantile.select(&waits, 0.9)
            tally.waits = []
            result.cells.append(
                Cell(
                    rule: rule.name, pod: brief.pods[p].name, responseSLA: promise.sla, clock: promise.clock,
                    target: promise.target.fraction, leads: tally.leads, met: tally.met, missed: tally.missed, open: tally.open,
                    untouched: tally.untouched, attainment: decided > 0 ? Double(tally.met) / Double(decided) : nil, low: low, high: high,
                    medianMinutes: median, p90Minutes: p90,
                    weeks: tally.weeks.enumerated().map {
                        Week(start: result.weeks[$0], leads: $1.leads, met: $1.met, decided: $1.decided)
                    },
                    leadsPerWeek: Double(tally.leads) / result.weeksObserved,
                    afterHoursShare: tally.leads > 0 ? Double(tally.afterHours) / Double(tally.leads) : 0,
                    recentMet: tally.weeks[recent...].reduce(0) { $0 + $1.met },
                    recentDecided: tally.weeks[recent...].reduce(0) { $0 + $1.decided }, model: nil))
        }
        // Per pod, its channels together, for the weekly chart.
        for pod in brief.pods {
            let cells = result.cells.filter { $0.pod == pod.name }
            guard !cells.isEmpty else { continue }
            let weeks = result.weeks.indices.map { w in
                Week(
                    start: result.weeks[w], leads: cells.reduce(0) { $0 + $1.weeks[w].leads },
                    met: cells.reduce(0) { $0 + $1.weeks[w].met },
                    decided: cells.reduce(0) { $0 + $1.weeks[w].decided })
            }
            result.pods.append(
                PodActuals(
                    pod: pod.name, target: cells.map(\.target).max() ?? 0, leads: cells.reduce(0) { $0 + $1.leads },
                    met: cells.reduce(0) { $0 + $1.met }, decided: cells.reduce(0) { $0 + $1.met + $1.missed }, weeks: weeks,
                    recentMet: cells.reduce(0) { $0 + $1.recentMet }, recentDecided: cells.reduce(0) { $0 + $1.recentDecided }))
        }
        // Per channel, its pods together: the volume the export shows beside the brief's.
        for rule in brief.routing {
            let cells = result.cells.filter { $0.rule == rule.name }
            guard !cells.isEmpty else { continue }
            let leads = cells.reduce(0) { $0 + $1.leads }
            result.channels.append(
                ChannelVolume(
                    rule: rule.name, leadsPerWeek: cells.reduce(0) { $0 + $1.leadsPerWeek },
                    afterHoursShare: leads > 0 ? cells.reduce(0) { $0 + $1.afterHoursShare * Double($1.leads) } / Double(leads) : 0,
                    briefLeadsPerWeek: (plan.routing.rows.first { $0.name == rule.name }?.share ?? 0) * brief.volume.leadsPerWeek,
                    briefAfterHoursShare: (rule.channel.afterHoursShare ?? brief.volume.afterHoursShare).fraction))
        }
        result.escalations = EscalationWindows.find(podBreaches, plan: plan).map { e in
            var e = e
            e.week = week(e.end)
            return e
        }
        result.compare(with: plan)
        return result
    }
}
