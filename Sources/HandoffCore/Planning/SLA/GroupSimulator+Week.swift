import Foundation
import HandoffEngine

/// A pod's week by hour (SPEC §3.3.4's week grid): the leads that reach it, as the router sends
/// them, beside the productive agents on duty, in the pod's own zone; and each shift's share of
/// the work.
extension GroupSimulator {
    /// Work (hours of handle time) and leads reaching pod `p` in each hour of the week (Monday
    /// 00:00 is hour 0, in the pod's zone), on average over the run.
    func weekProfile(_ p: Int, in config: GroupConfiguration) -> (leads: [Double], work: [Double]) {
        // Only who is on duty matters: the page's grid and the plan's ask for today's twice.
        let duty = group.pods.indices.map { onDutyHours($0, in: config) }
        let key = WeekProfileKey(pod: p, onDuty: duty)
        if let known = weekProfiles[key] { return known }
        var leads = Array(repeating: 0.0, count: 168)
        var work = Array(repeating: 0.0, count: 168)
        let calendars = group.network.calendars
        let zone = calendars.zone(group.pod(p).zone)
        let onDuty = group.pods.indices.map { q in duty[q].map { calendar(q, $0) } }
        let routes = group.channels.indices.compactMap { c -> (channel: Int, routing: Network.Routing)? in
            let routing = group.routing(c)
            return routing.pods.contains(p) ? (c, routing) : nil
        }
        var t = calendars.startInstant
        while t < calendars.endInstant {
            let mid = t + 1800
            let local = mid + Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: mid)))
            let day = (Int((local / 86_400).rounded(.down)) + 3) % 7  // 1970-01-01 was a Thursday
            let hour = day * 24 + Int(local.truncatingRemainder(dividingBy: 86_400) / 3600)
            for (c, routing) in routes {
                let share = Self.share(routing, of: p, at: mid, onDuty: onDuty)
                guard share > 0 else { continue }
                let channel = group.channel(c)
                let arriving = channel.streams.reduce(0.0) { $0 + $1.ratePerSecond * $1.intervals.openSeconds(from: t, to: t + 3600) }
                leads[(hour + 168) % 168] += arriving * share
                work[(hour + 168) % 168] += arriving * share * channel.handleSeconds / 3600
            }
            t += 3600
        }
        let weeks = Double(group.network.weeks)
        let profile = (leads: leads.map { $0 / weeks }, work: work.map { $0 / weeks })
        weekProfiles[key] = profile
        return profile
    }

    /// The share of a channel's leads arriving at `t` that the router gives pod `p`: a rotation
    /// gives them to the pods with someone on duty, by weight, else to those opening first.
    static func share(_ routing: Network.Routing, of p: Int, at t: Double, onDuty: [OpenIntervals?]) -> Double {
        guard case .rotation(let pods, let weights) = routing else { return routing.pods.contains(p) ? 1 : 0 }
        var chosen = pods.indices.filter { onDuty[pods[$0]]?.isOpen(at: t) ?? false }
        if chosen.isEmpty {
            let opens = pods.indices.map { onDuty[pods[$0]]?.nextOpening(atOrAfter: t) ?? .infinity }
            guard let first = opens.min(), first.isFinite else { return 0 }
            chosen = pods.indices.filter { opens[$0] <= first + 1 }
        }
        let total = chosen.reduce(0.0) { $0 + weights[$1] }
        guard total > 0 else { return 0 }
        return chosen.filter { pods[$0] == p }.reduce(0.0) { $0 + weights[$1] } / total
    }

    /// Productive agents on duty in each hour of the week.
    func agentsByHour(_ p: Int, in config: GroupConfiguration) -> [Int] {
        (0..<168).map { h in
            config.pods[p].reduce(0) { sum, shift in
                shift.hours.contains(minuteOfWeek: h * 60 + 30) ? sum + group.agents(p, reps: shift.reps) : sum
            }
        }
    }

    /// Each shift's work a week: what arrives while it works, shared with the shifts beside it by
    /// their agents; what arrives while nobody works is shared the same way over the stretch of
    /// hours in which it is worked off, from the next opening until the pod next closes.
    func shiftWorkloads(_ p: Int, in config: GroupConfiguration, work: [Double]) -> [Double] {
        let shifts = config.pods[p]
        var load = Array(repeating: 0.0, count: shifts.count)
        let agents = shifts.map { group.agents(p, reps: $0.reps) }
        func onDuty(_ h: Int) -> [(shift: Int, agents: Int)] {
            shifts.indices.compactMap { k in
                agents[k] > 0 && shifts[k].hours.contains(minuteOfWeek: (h % 168) * 60 + 30) ? (k, agents[k]) : nil
            }
        }
        func share(_ amount: Double, over hours: [[(shift: Int, agents: Int)]]) {
            let total = hours.reduce(0) { $0 + $1.reduce(0) { $0 + $1.agents } }
            guard total > 0 else { return }
            for hour in hours { for (k, a) in hour { load[k] += amount * Double(a) / Double(total) } }
        }
        for h in 0..<168 where work[h] > 0 {
            let now = onDuty(h)
            if !now.isEmpty {
                share(work[h], over: [now])
                continue
            }
            var ahead = 1
            while ahead < 168, onDuty(h + ahead).isEmpty { ahead += 1 }
            var stretch: [[(shift: Int, agents: Int)]] = []
            while ahead < 336, case let working = onDuty(h + ahead), !working.isEmpty, stretch.count < 168 {
                stretch.append(working)
                ahead += 1
            }
            share(work[h], over: stretch)
        }
        return load
    }
}
