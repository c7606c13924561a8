import Foundation

@testable import HandoffEngine

/// Networks for the engine's tests, laid out here in UTC from a Monday, with no brief and no
/// planner: calendars as plain lists of open intervals.
enum TestNetworks {
    /// Monday 2027-01-04 00:00 UTC.
    static let start = 1_799_020_800.0
    static let day = 86_400.0
    static let weeks = 26

    /// Open `open`–`close` (hours of the day) on the given weekdays (Monday 0), from the day
    /// before the run to six weeks after it, except the days in `closed` (0 is the first Monday).
    static func weekly(open: Double, close: Double, weekdays: Set<Int> = [0, 1, 2, 3, 4], closed: Set<Int> = []) -> OpenIntervals {
        var intervals: [(start: Double, end: Double)] = []
        var days: [Int] = []
        for d in -1..<(weeks * 7 + 42) where weekdays.contains(((d % 7) + 7) % 7) && !closed.contains(d) {
            intervals.append((start + Double(d) * day + open * 3600, start + Double(d) * day + close * 3600))
            days.append(days.count)
        }
        return OpenIntervals(intervals: intervals, workingDays: days)
    }

    /// Open round the clock over the run (and after it).
    static let always = OpenIntervals(intervals: [(start - day, start + Double(weeks * 7 + 42) * day)], workingDays: [0])

    /// The run's own time: where leads arrive when they arrive round the clock.
    static let run = OpenIntervals(intervals: [(start, start + Double(weeks * 7) * day)], workingDays: [0])

    /// One pod, one channel; leads round the clock unless `window` and `afterHoursShare` say
    /// otherwise.
    static func network(
        agents: Int, leadsPerWeek: Double, handleMinutes: Double, slaMinutes: Double, routing: Network.Routing = .podQueue(pod: 0),
        podCalendar: OpenIntervals = always, window: OpenIntervals = run, afterHoursShare: Double = 0, business: Bool = false,
        retryLimit: Int = 0
    ) -> Network {
        let total = leadsPerWeek * Double(weeks)
        var streams = [Network.Stream(intervals: window, ratePerSecond: total * (1 - afterHoursShare) / window.total, inWindow: true)]
        if afterHoursShare > 0 {
            let after = OpenIntervals(complementOf: window, from: start, to: start + Double(weeks * 7) * day)
            streams.append(Network.Stream(intervals: after, ratePerSecond: total * afterHoursShare / after.total, inWindow: false))
        }
        let channel = Network.Channel(
            routing: routing, streams: streams, handleSeconds: handleMinutes * 60,
            sla: Network.SLA(businessClock: business, days: 0, clockSeconds: slaMinutes * 60))
        return Network(pods: [Network.Pod(calendar: podCalendar, agents: agents)], channels: [channel], retryLimit: retryLimit)
    }

    /// The mean over `replicas` seeds of channel 0's attainment, with a 95% half-width.
    static func attainment(_ net: Network, replicas: Int, order: Simulation.Order = .earliestDeadline, seed: UInt64 = 0)
        -> (mean: Double, half: Double)
    {
        var rates: [Double] = []
        for r in 0..<replicas {
            let leads = Leads.draw(net, seed: seed &+ UInt64(r) &* 7919)
            let outcome = Simulation.run(net, leads, order: order)
            rates.append(Double(outcome.channelMet[0]) / Double(max(1, outcome.channelLeads[0])))
        }
        let mean = rates.reduce(0, +) / Double(rates.count)
        let sd = (rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, rates.count - 1))).squareRoot()
        return (mean, 2.2 * sd / Double(rates.count).squareRoot())
    }

    /// Erlang C from the textbook sum, in logs, written here from its definition:
    /// P(wait) = (A^c/c! · c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c! · c/(c−A)); service level
    /// 1 − P(wait)·e^(−(c−A)·t/h).
    static func textbookServiceLevel(agents c: Int, load a: Double, slaOverHandle r: Double) -> Double {
        guard Double(c) > a else { return 0 }
        func logTerm(_ k: Int) -> Double { Double(k) * log(a) - lgamma(Double(k) + 1) }
        let top = logTerm(c) + log(Double(c) / (Double(c) - a))
        let terms = (0..<c).map(logTerm) + [top]
        let m = terms.max() ?? 0
        let sum = terms.reduce(0) { $0 + exp($1 - m) }
        let pWait = exp(top - m) / sum
        return 1 - pWait * exp(-(Double(c) - a) * r)
    }
}
