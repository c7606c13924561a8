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
}
