import Foundation
import Testing

@testable import HandoffCore

/// The planner's required reps and ceiling against a second, deliberately simple simulator
/// written here, sharing no code with the planner: its own hours parser, its own calendar (days
/// laid out with Foundation's `Calendar` in each zone), its own random numbers, and a plain
/// first-come-first-served pool of reps who work only while the pod is open. One pod, one
/// channel (so earliest deadline first is arrival order), six briefs chosen where the calendar
/// matters: the smb calendar-clock case, an after-hours-heavy pod, a pod in another time zone,
/// an overloaded pod, a round-the-clock pod and a business-clock pod with shrinkage.
@Suite("Staffing advice against an independent calendar model")
struct IndependentCalendarModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var hours: String
        var zone: String
        var podHours: String?
        var podZone: String?
        var afterHours: Double
        var slaMinutes: Double
        var clock: String
        var target: Double
        var leadsPerWeek: Double
        var handleMinutes: Double
        var reps: Int
        var shrinkage: Double
        /// Days no pod works (the brief's `holidays`), `YYYY-MM-DD`.
        var holidays: [String] = []
        var testDescription: String { name }

        var yaml: String {
            var pod = "  - name: Pod\n    reps: \(reps)\n    shrinkage: \(Int(shrinkage * 100))%\n"
            if let podHours { pod += "    hours: \(podHours)\n" }
            if let podZone { pod += "    timezone: \(podZone)\n" }
            return """
                segment: reference
                goal: pipeline
                response-sla: \(Int(slaMinutes))m
                sla-clock: \(clock)
                target-attainment: \(Int(target * 100))%
                launch: 2027-03-01
                timezone: \(zone)
                hours: \(hours)
                \(holidays.isEmpty ? "" : "holidays: [\(holidays.joined(separator: ", "))]")
                funnel:
                  - stage: MQL
                    definition: Score over 60
                qualification:
                  - ICP fit
                volume:
                  leads-per-week: \(Int(leadsPerWeek))
                  after-hours-share: \(Int(afterHours * 100))%
                  handle-time: \(Int(handleMinutes))m
                pods:
                \(pod)routing:
                  - name: Everyone
                    assign: pod Pod

                """
        }
    }

    static let cases: [Case] = [
        Case(
            name: "smb: calendar clock, 35% after hours", hours: "Mon-Fri 09:00-17:30", zone: "Europe/London", afterHours: 0.35,
            slaMinutes: 30, clock: "calendar", target: 0.8, leadsPerWeek: 450, handleMinutes: 8, reps: 6, shrinkage: 0.2),
        Case(
            name: "after-hours-heavy, business clock", hours: "Mon-Fri 09:00-17:00", zone: "UTC", afterHours: 0.6, slaMinutes: 120,
            clock: "business", target: 0.85, leadsPerWeek: 300, handleMinutes: 10, reps: 3, shrinkage: 0),
        Case(
            name: "pod in Berlin, leads in New York hours", hours: "Mon-Fri 09:00-17:00", zone: "America/New_York",
            podHours: "Mon-Fri 09:00-17:00", podZone: "Europe/Berlin", afterHours: 0.1, slaMinutes: 120, clock: "business", target: 0.8,
            leadsPerWeek: 150, handleMinutes: 15, reps: 3, shrinkage: 0),
        Case(
            name: "overloaded pod", hours: "Mon-Fri 08:00-18:00", zone: "UTC", afterHours: 0, slaMinutes: 60, clock: "business",
            target: 0.9, leadsPerWeek: 1000, handleMinutes: 30, reps: 4, shrinkage: 0),
        Case(
            name: "round the clock, calendar clock", hours: "Mon-Sun 00:00-24:00", zone: "UTC", afterHours: 0, slaMinutes: 15,
            clock: "calendar", target: 0.9, leadsPerWeek: 600, handleMinutes: 15, reps: 3, shrinkage: 0),
        Case(
            name: "business clock with shrinkage", hours: "Mon-Fri 09:00-17:00", zone: "Asia/Kolkata", afterHours: 0.2, slaMinutes: 240,
            clock: "business", target: 0.9, leadsPerWeek: 200, handleMinutes: 20, reps: 2, shrinkage: 0.25),
        Case(
            name: "holidays on the calendar clock", hours: "Mon-Fri 09:00-17:00", zone: "America/Chicago", afterHours: 0,
            slaMinutes: 240, clock: "calendar", target: 0.9, leadsPerWeek: 250, handleMinutes: 10, reps: 2, shrinkage: 0,
            holidays: ["2027-04-02", "2027-05-31", "2027-07-05", "2027-08-02"]),
    ]

    /// Holidays lower attainment by what the calendar says: the model and the planner agree on
    /// the figure with and without them, and so on the drop.
    @Test func holidaysLowerAttainmentByTheExpectedAmount() throws {
        let with = try #require(Self.cases.last)
        var without = with
        without.holidays = []
        let planWith = try #require(TestBriefs.plan(with.yaml)).sla.pods[0].simulated.attainment
        let planWithout = try #require(TestBriefs.plan(without.yaml)).sla.pods[0].simulated.attainment
        let modelWith = Model(with).attainment(agents: with.reps)
        let modelWithout = Model(without).attainment(agents: without.reps)
        #expect(modelWith < modelWithout - 0.01, "the model sees the holidays")
        #expect(
            abs((planWithout - planWith) - (modelWithout - modelWith)) <= 0.01,
            "drop: planner \(planWithout - planWith), model \(modelWithout - modelWith)")
    }

    @Test(arguments: cases)
    func requiredRepsAndCeilingAgree(_ c: Case) throws {
        let plan = try #require(TestBriefs.plan(c.yaml))
        let pod = try #require(plan.sla.pods.first)
        let model = Model(c)
        let ceiling = model.ceiling()
        #expect(abs(pod.bestAttainment - ceiling) <= 0.015, "ceiling: planner \(pod.bestAttainment), model \(ceiling)")
        let today = model.attainment(agents: Int(Double(c.reps) * (1 - c.shrinkage) + 1e-9))
        #expect(abs(pod.simulated.attainment - today) <= 0.02, "today: planner \(pod.simulated.attainment), model \(today)")
        let required = model.requiredReps()
        switch (pod.requiredRepsSimulated, required) {
        case (nil, nil): break
        case (let a?, let b?): #expect(abs(a - b) <= 1, "required reps: planner \(a), model \(b)")
        case (let a, let b): Issue.record("required reps: planner \(String(describing: a)), model \(String(describing: b))")
        }
    }

    /// The model: open intervals in seconds from the start, Poisson arrivals in the window and
    /// after it, exponential handle times, a pool of reps taking leads in arrival order.
    struct Model {
        let c: Case
        let window: [(Double, Double)]
        let afterHours: [(Double, Double)]
        let pod: [(Double, Double)]
        let horizon = 26 * 7 * 86_400.0
        let runs = 10

        init(_ c: Case) {
            self.c = c
            let start = Self.start(zone: c.zone)
            window = Self.intervals(c.hours, zone: c.zone, from: start, days: 26 * 7)
            afterHours = Self.complement(window, upTo: 26 * 7 * 86_400)
            pod = Self.intervals(c.podHours ?? c.hours, zone: c.podZone ?? c.zone, from: start, days: 26 * 7 + 60, closed: c.holidays)
        }

        /// Monday 2027-03-01 00:00 in the brief's zone.
        static func start(zone: String) -> Date {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            return calendar.date(from: DateComponents(year: 2027, month: 3, day: 1))!
        }

        /// `Mon-Fri 09:00-17:30` laid out day by day in `zone`, merged where they touch.
        static func intervals(_ hours: String, zone: String, from start: Date, days: Int, closed: [String] = []) -> [(Double, Double)] {
            let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            let parts = hours.split(separator: " ")
            let dayRange = parts[0].split(separator: "-").map { names.firstIndex(of: String($0))! }
            let times = parts[1].split(separator: "-").map { t -> Int in
                let hm = t.split(separator: ":").map { Int($0)! }
                return hm[0] * 60 + hm[1]
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            let origin = Self.start(zone: zone)
            var out: [(Double, Double)] = []
            for d in -2..<days {
                let day = calendar.date(byAdding: .day, value: d, to: origin)!
                let weekday = (calendar.component(.weekday, from: day) + 5) % 7  // Monday 0
                guard weekday >= dayRange[0], weekday <= dayRange.last! else { continue }
                let ymd = calendar.dateComponents([.year, .month, .day], from: day)
                let date = String(format: "%04d-%02d-%02d", ymd.year!, ymd.month!, ymd.day!)
                if closed.contains(date) { continue }
                let open = calendar.date(byAdding: .minute, value: times[0], to: day)!.timeIntervalSince(start)
                let close = calendar.date(byAdding: .minute, value: times[1], to: day)!.timeIntervalSince(start)
                if let last = out.last, last.1 >= open {
                    out[out.count - 1].1 = max(last.1, close)
                } else {
                    out.append((open, close))
                }
            }
            return out.filter { $0.1 > 0 }.map { (max($0.0, 0), $0.1) }
        }

        static func complement(_ intervals: [(Double, Double)], upTo end: Double) -> [(Double, Double)] {
            var out: [(Double, Double)] = []
            var t = 0.0
            for (a, b) in intervals where b > 0 {
                if a > t { out.append((t, min(a, end))) }
                t = max(t, b)
                if t >= end { break }
            }
            if t < end { out.append((t, end)) }
            return out.filter { $0.1 > $0.0 }
        }

        /// Arrival times of one run: Poisson in the window and in the hours outside it.
        func arrivals(_ rng: inout XorShift) -> [Double] {
            var times: [Double] = []
            let weeks = 26.0
            for (intervals, share) in [(window, 1 - c.afterHours), (afterHours, c.afterHours)] where share > 0 {
                let total = intervals.reduce(0) { $0 + min($1.1, horizon) - $1.0 }
                guard total > 0 else { continue }
                let mean = total / (c.leadsPerWeek * weeks * share)
                var t = rng.exponential(mean)
                var k = 0
                var before = 0.0
                while t < total {
                    while k < intervals.count, before + (intervals[k].1 - intervals[k].0) <= t {
                        before += intervals[k].1 - intervals[k].0
                        k += 1
                    }
                    guard k < intervals.count else { break }
                    times.append(intervals[k].0 + (t - before))
                    t += rng.exponential(mean)
                }
            }
            return times.sorted()
        }

        /// The first open instant of the pod at or after `t`.
        func nextOpen(_ t: Double) -> Double {
            for (a, b) in pod where b > t { return max(a, t) }
            return .infinity
        }

        /// `t` plus `work` seconds of open time.
        func advance(_ t: Double, by work: Double) -> Double {
            var left = work
            var now = t
            for (a, b) in pod where b > now {
                now = max(now, a)
                if b - now >= left { return now + left }
                left -= b - now
                now = b
            }
            return .infinity
        }

        /// Seconds of the SLA clock between arrival and first touch.
        func wait(from arrival: Double, to touch: Double) -> Double {
            guard c.clock == "business" else { return touch - arrival }
            return pod.reduce(0) { sum, iv in sum + max(0, min(iv.1, touch) - max(iv.0, arrival)) }
        }

        func attainment(agents: Int) -> Double {
            guard agents > 0 else { return 0 }
            var met = 0
            var all = 0
            for run in 0..<runs {
                var rng = XorShift(seed: UInt64(run + 1) &* 0x9E37_79B9_7F4A_7C15)
                var free = [Double](repeating: 0, count: agents)
                for arrival in arrivals(&rng) {
                    let service = rng.exponential(c.handleMinutes * 60)
                    let k = free.indices.min { free[$0] < free[$1] }!
                    let touch = nextOpen(max(arrival, free[k]))
                    free[k] = advance(touch, by: service)
                    all += 1
                    if wait(from: arrival, to: touch) <= c.slaMinutes * 60 + 1e-6 { met += 1 }
                }
            }
            return Double(met) / Double(max(all, 1))
        }

        /// With unlimited reps a lead waits only until the pod opens.
        func ceiling() -> Double {
            var met = 0
            var all = 0
            for run in 0..<runs {
                var rng = XorShift(seed: UInt64(run + 1) &* 0x9E37_79B9_7F4A_7C15)
                for arrival in arrivals(&rng) {
                    all += 1
                    if wait(from: arrival, to: nextOpen(arrival)) <= c.slaMinutes * 60 + 1e-6 { met += 1 }
                }
            }
            return Double(met) / Double(max(all, 1))
        }

        /// The smallest headcount whose productive reps meet the target and are busy at most
        /// 85% of the pod's open hours; nil when the ceiling is below the target.
        func requiredReps() -> Int? {
            guard ceiling() >= c.target else { return nil }
            let openHours = pod.reduce(0) { $0 + min($1.1, horizon) - min($1.0, horizon) } / 3600 / 26
            let workload = c.leadsPerWeek * c.handleMinutes / 60
            for reps in 1...200 {
                let agents = Int(Double(reps) * (1 - c.shrinkage) + 1e-9)
                guard agents > 0, workload / (Double(agents) * openHours) <= 0.85 else { continue }
                if attainment(agents: agents) >= c.target { return reps }
            }
            return nil
        }
    }

    /// xorshift64*: the model's own random numbers.
    struct XorShift {
        var state: UInt64
        init(seed: UInt64) { state = seed == 0 ? 0x2545_F491_4F6C_DD1D : seed }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func exponential(_ mean: Double) -> Double {
            let u = (Double(next() >> 11) + 1) / Double(1 << 53)
            return -mean * log(u)
        }
    }
}
