import Foundation

/// The shifts "what it would take" and the staffing plan may add to a pod (SPEC §3.3.4), each at
/// most `contract-hours ÷ 5` hours a day, together covering the week's hours in which leads
/// arrive and the pod is closed: after each working day's close an evening shift and, where the
/// gap to the next opening is longer, a night (or early) shift; on days the pod does not work, a
/// rota by day, one for the evening after it and one for the night. A shift may run past
/// midnight, written as briefs write it (`Mon-Fri 17:00-24:00; Tue-Sat 00:00-01:00`). Only
/// shifts with hours in which leads arrive and nobody works today are offered.
enum CandidateShifts {
    /// The candidates for pod `p` of a group, today configured as `today`, none with reps yet.
    static func candidates(_ group: PodGroup, pod p: Int, today: GroupConfiguration) -> [GroupConfiguration.Shift] {
        let length = min(Int(group.network.contractHours * 60 / 5), 12 * 60)
        guard length >= 60 else { return [] }
        let hours = group.hours(p, in: today)
        let arrival = arrivals(group, pod: p, today: today)
        let working = (0..<7).filter { !hours.days[$0].isEmpty }
        let off = (0..<7).filter { hours.days[$0].isEmpty }
        var out: [GroupConfiguration.Shift] = []
        /// A shift of blocks, each `(day, start minute of that day, minutes)`, running on into
        /// the next day past midnight.
        func offer(_ name: String, _ blocks: [(day: Int, start: Int, minutes: Int)]) {
            var byDay = Array(repeating: [WeeklyHours.ClosedOpenMinutes](), count: 7)
            for b in blocks where b.minutes > 0 {
                let end = b.start + b.minutes
                byDay[b.day].append(.init(start: b.start, end: min(end, 1440)))
                if end > 1440 { byDay[(b.day + 1) % 7].append(.init(start: 0, end: end - 1440)) }
            }
            let candidate = WeeklyHours(days: byDay)
            guard candidate.weeklyHours > 0 else { return }
            // Only where leads arrive and nobody works today.
            let useful = stride(from: 0, to: 10_080, by: 5).contains { m in
                candidate.contains(minuteOfWeek: m) && arrival(m) && !hours.contains(minuteOfWeek: m)
            }
            guard useful, !today.pods[p].contains(where: { $0.hours == candidate }),
                !out.contains(where: { $0.hours == candidate })
            else { return }
            // A name of its own: today's shifts may already be called "Early" or "Evening".
            var unique = name
            var n = 2
            while today.pods[p].contains(where: { $0.name.caseInsensitiveCompare(unique) == .orderedSame }) {
                unique = "\(name) \(n)"
                n += 1
            }
            out.append(GroupConfiguration.Shift(name: unique, hours: candidate, reps: 0))
        }
        // After each working day's close, up to the next opening, in blocks of at most a
        // working day: an evening shift, then a night, then an early one.
        var blocks: [[(day: Int, start: Int, minutes: Int)]] = [[], [], []]
        for d in working {
            guard let open = hours.days[d].first?.start, let close = hours.days[d].last?.end else { continue }
            // Up to the next opening, or the hour it would open tomorrow: the days it does not
            // work are the off-day rotas'.
            let gap = min(minutesClosed(hours, from: d * 1440 + close), 1440 - (close - open))
            for k in blocks.indices where gap > k * length {
                let start = close + k * length
                blocks[k].append(((d + start / 1440) % 7, start % 1440, min(length, gap - k * length)))
            }
        }
        offer("Evening", blocks[0])
        let nightStart = blocks[1].first.map(\.start) ?? 0
        offer(nightStart >= 4 * 60 && nightStart < 12 * 60 ? "Early" : "Night", blocks[1])
        offer("Early", blocks[2])
        // Days the pod does not work: by day from the usual opening, then evening and night.
        if !off.isEmpty {
            let open = working.compactMap { hours.days[$0].first?.start }.min() ?? 9 * 60
            let weekend = off.allSatisfy { $0 >= 5 }
            let prefix = weekend ? "Weekend" : "Day-off"
            for (k, name) in ["rota", "evening rota", "night rota"].enumerated() {
                let start = open + k * length
                guard start < open + 1440 else { break }
                offer("\(prefix) \(name)", off.map { d in ((d + start / 1440) % 7, start % 1440, length) })
            }
        }
        return out
    }

    /// Minutes from a minute of the week until the hours next open (a week at most).
    static func minutesClosed(_ hours: WeeklyHours, from m: Int) -> Int {
        var t = m
        while t < m + 10_080, !hours.contains(minuteOfWeek: t % 10_080) { t += 5 }
        return t - m
    }

    /// Whether leads reach the pod at a minute of the week (its own zone): inside a serving
    /// channel's window, or at any time when some arrive after hours.
    static func arrivals(_ group: PodGroup, pod p: Int, today: GroupConfiguration) -> (Int) -> Bool {
        let podZone = group.network.calendars.zone(group.pod(p).zone)
        let instant = Date(timeIntervalSince1970: group.network.calendars.startInstant)
        var windows: [(WeeklyHours, Int)] = []
        var anytime = false
        for c in group.channels.indices where group.routing(c).pods.contains(p) {
            let channel = group.channel(c)
            if channel.hasAfterHours { anytime = true }
            let zone = group.network.calendars.zone(channel.windowZone)
            // The window read in the pod's zone: the difference in offsets at the run's start.
            let shift = (podZone.secondsFromGMT(for: instant) - zone.secondsFromGMT(for: instant)) / 60
            windows.append((channel.windowHours, shift))
        }
        return { m in
            anytime || windows.contains { hours, shift in hours.contains(minuteOfWeek: ((m - shift) % 10_080 + 10_080) % 10_080) }
        }
    }
}
