import Foundation
import Testing

@testable import HandoffCore

/// Staggered shifts against a second model written here, sharing no code with the planner: a
/// pod queue served first come, first served by reps who work only while their own shift is on
/// (a lead started before the shift ends is finished in its next hours), leads arriving as a
/// Poisson stream in the window.
@Suite("Staggered shifts against an independent model")
struct StaggeredShiftsTests {
    static let leadsPerWeek = 290.0
    static let handleMinutes = 20.0
    static let slaMinutes = 30.0

    static let yaml = TestBriefs.replacing([
        "response-sla": "response-sla: 30m\nsla-clock: calendar",
        "timezone": "timezone: UTC",
        "hours": "hours: Mon-Fri 07:00-20:00",
        "volume": "volume:\n  leads-per-week: 290\n  after-hours-share: 0%\n  handle-time: 20m",
        "pods": """
        pods:
          - name: East
            shifts:
              - name: Early
                hours: Mon-Fri 07:00-15:00
                reps: 2
              - name: Late
                hours: Mon-Fri 12:00-20:00
                reps: 2
        """,
        "routing": "routing:\n  - name: All\n    assign: pod East\n",
    ])

    /// The independent model: mean attainment over `replicas` 26-week runs and its standard
    /// error, with each rep working `shifts[r]` (start and end hour, Monday to Friday).
    static func model(shifts: [(start: Double, end: Double)], replicas: Int) -> (mean: Double, se: Double) {
        var state: UInt64 = 0x1234_5678_9ABC_DEF1
        func unit() -> Double {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return (Double((state &* 0x2545_F491_4F6C_DD1D) >> 11) + 0.5) / 9_007_199_254_740_992
        }
        let windowStart = 7.0, windowHours = 13.0
        let rate = leadsPerWeek / (5 * windowHours)
        let horizon = 26.0 * 5 * windowHours
        // The first time at or after `t` (hours from Monday 00:00) a rep of these hours is on.
        func onDuty(_ t: Double, _ s: (start: Double, end: Double)) -> Double {
            var day = (t / 24).rounded(.down)
            var hour = t - day * 24
            while true {
                if Int(day) % 7 < 5 {
                    if hour < s.start { return day * 24 + s.start }
                    if hour < s.end { return day * 24 + hour }
                }
                day += 1
                hour = 0
            }
        }
        // When work of `hours` started at `t` is done, counting only the rep's shift hours.
        func finish(_ t: Double, _ hours: Double, _ s: (start: Double, end: Double)) -> Double {
            var now = t, left = hours
            while true {
                now = onDuty(now, s)
                let day = (now / 24).rounded(.down)
                let room = day * 24 + s.end - now
                if left <= room { return now + left }
                left -= room
                now = day * 24 + s.end
            }
        }
        var results: [Double] = []
        for _ in 0..<replicas {
            var free = Array(repeating: 0.0, count: shifts.count)
            var clock = -log(unit()) / rate
            var met = 0, leads = 0
            while clock < horizon {
                // Window time to calendar time: 13 window hours a weekday.
                let day = (clock / windowHours).rounded(.down)
                let week = (day / 5).rounded(.down)
                let arrival = week * 168 + (day - week * 5) * 24 + windowStart + (clock - day * windowHours)
                var best = Double.infinity, who = 0
                for r in shifts.indices {
                    let start = onDuty(max(arrival, free[r]), shifts[r])
                    if start < best { (best, who) = (start, r) }
                }
                free[who] = finish(best, -log(unit()) * handleMinutes / 60, shifts[who])
                leads += 1
                if (best - arrival) * 60 <= slaMinutes { met += 1 }
                clock += -log(unit()) / rate
            }
            results.append(Double(met) / Double(leads))
        }
        let mean = results.reduce(0, +) / Double(replicas)
        let variance = results.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicas - 1)
        return (mean, (variance / Double(replicas)).squareRoot())
    }

    @Test func staggeredShiftsAgreeWithTheIndependentModel() throws {
        let plan = try #require(TestBriefs.plan(Self.yaml))
        let pod = try #require(plan.sla.pods.first)
        let engine = pod.simulated
        let staggered = Self.model(shifts: [(7, 15), (7, 15), (12, 20), (12, 20)], replicas: 400)
        let allowed = (engine.high - engine.low) / 2 + 1.96 * staggered.se
        #expect(
            abs(engine.attainment - staggered.mean) <= allowed,
            "engine \(engine.attainment) (\(engine.low)–\(engine.high)), model \(staggered.mean) ± \(1.96 * staggered.se)")
        // The comparison tells staffing apart: four reps on every open hour is another pod.
        let allDay = Self.model(shifts: Array(repeating: (7, 20), count: 4), replicas: 400)
        #expect(abs(engine.attainment - allDay.mean) > allowed, "all day \(allDay.mean) against \(engine.attainment)")
    }

    /// The staffing plan judged by the independent model, staffed as the plan says: it meets the
    /// target, and one rep fewer on either shift does not; and the engine, run long on the plan's
    /// staffing, agrees with the model's figure.
    @Test func thePlanMeetsTheTargetByTheIndependentModel() throws {
        let target = 0.97
        let yaml = Self.yaml.replacingOccurrences(of: "sla-clock: calendar", with: "sla-clock: calendar\ntarget-attainment: 97%")
        let pod = try #require(TestBriefs.plan(yaml)?.sla.pods.first)
        #expect(pod.status != .meets)
        let plan = try #require(pod.plan)
        #expect(plan.meetsTarget)
        let hours: [String: (start: Double, end: Double)] = ["Early": (7, 15), "Late": (12, 20)]
        var staffing: [String: Int] = [:]
        for shift in plan.shifts where shift.reps > 0 {
            #expect(hours[shift.name] != nil, "a shift the model does not know: \(shift.name) \(shift.hours.text)")
            staffing[shift.name] = shift.reps
        }
        func reps(_ counts: [String: Int]) -> [(start: Double, end: Double)] {
            counts.keys.sorted().flatMap { Array(repeating: hours[$0]!, count: counts[$0]!) }
        }
        #expect(staffing.values.reduce(0, +) > 4, "the plan adds reps to today's four")
        let model = Self.model(shifts: reps(staffing), replicas: 400)
        #expect(model.mean - 1.96 * model.se >= target, "model \(model.mean) ± \(1.96 * model.se)")
        for name in staffing.keys.sorted() {
            var fewer = staffing
            fewer[name]! -= 1
            let short = Self.model(shifts: reps(fewer), replicas: 400)
            #expect(short.mean + 1.96 * short.se < target, "one rep fewer on \(name): model \(short.mean)")
        }
        // The engine on the plan's staffing, 64 replicas, against the model.
        let brief = Self.yaml.replacingOccurrences(
            of: "07:00-15:00\n        reps: 2", with: "07:00-15:00\n        reps: \(staffing["Early"] ?? 0)"
        )
        .replacingOccurrences(of: "12:00-20:00\n        reps: 2", with: "12:00-20:00\n        reps: \(staffing["Late"] ?? 0)")
        let sim = try #require(TestBriefs.simulators(brief).first)
        let engine = sim.run(sim.group.today, stop: .fixed(64), for: .verdict).pods[0]
        let allowed = (engine.high - engine.low) / 2 + 1.96 * model.se
        #expect(
            abs(engine.attainment - model.mean) <= allowed,
            "engine \(engine.attainment) ± \((engine.high - engine.low) / 2), model \(model.mean)")
    }
}
