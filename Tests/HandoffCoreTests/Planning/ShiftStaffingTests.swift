import Foundation
import Testing

@testable import HandoffCore

/// Staffing in shifts (SPEC §2.4): headcount, rep-hours and FTE worked by hand; a pod split into
/// two shifts that keep the same reps on duty gives the same figures; each shift's work adds up
/// to the pod's.
@Suite("Shifts and full-time equivalents")
struct ShiftStaffingTests {
    /// Three pods, each with a rule of its own: one that states `reps`; three shifts with a
    /// weekend rota at 20% shrinkage; one shift longer than a 37h30m contract.
    static let threePods = TestBriefs.replacing([
        "hours": "hours: Mon-Fri 09:00-17:00\ncontract-hours: 37h30m",
        "volume": "volume:\n  leads-per-week: 150\n  after-hours-share: 20%\n  handle-time: 10m",
        "pods": """
        pods:
          - name: Solo
            reps: 4
          - name: Rota
            shrinkage: 20%
            shifts:
              - name: Early
                hours: Mon-Fri 07:00-15:00
                reps: 3
              - name: Late
                hours: Mon-Fri 12:00-20:00
                reps: 2
              - name: Weekend rota
                hours: Sat-Sun 10:00-16:00
                reps: 2
          - name: Long
            shifts:
              - name: Long days
                hours: Mon-Fri 08:00-18:00
                reps: 3
        """,
        "routing": """
        routing:
          - name: A
            when: region = A
            assign: pod Solo
            share: 30%
          - name: B
            when: region = B
            assign: pod Rota
            share: 40%
          - name: Rest
            assign: pod Long
        """,
    ])

    @Test func rephoursAndFTEByHand() throws {
        let plan = try #require(TestBriefs.plan(Self.threePods))
        let pods = Dictionary(uniqueKeysWithValues: plan.sla.pods.map { ($0.name, $0) })
        let contract = 37.5
        // Solo: 4 reps × 40h (Mon-Fri 09:00-17:00).
        let solo = try #require(pods["Solo"])
        #expect(solo.reps == 4)
        #expect(solo.shifts.count == 1 && solo.shifts[0].name.isEmpty)
        #expect(abs(solo.shifts[0].repHoursPerWeek - 160) < 1e-9)
        #expect(abs(solo.fte - 160 / contract) < 1e-9)
        // Rota: 3 × 40h + 2 × 40h + 2 × 12h = 224 rep-hours; productive 2 + 1 + 1.
        let rota = try #require(pods["Rota"])
        #expect(rota.reps == 7)
        #expect(rota.shifts.map(\.repHoursPerWeek) == [120, 80, 24])
        #expect(rota.shifts.map(\.agents) == [2, 1, 1])
        #expect(rota.agents == 4)
        #expect(abs(rota.fte - 224 / contract) < 1e-9)
        // Long: 3 × 50h = 150 rep-hours, 4 FTE against 37h30m, and a warning at the shift.
        let long = try #require(pods["Long"])
        #expect(abs(long.fte - 150 / contract) < 1e-9)
        let warning = try #require(
            plan.findings.first {
                if case .shiftLongerThanContract(let pod, let shift, let hours, _) = $0.kind {
                    return pod == "Long" && shift == "Long days" && hours.weeklyHours == 50
                }
                return false
            })
        #expect(warning.severity == .warning)
        #expect(warning.location.line == TestBriefs.line(of: "- name: Long days", in: Self.threePods))
        // Solo's 40h, Early's and Late's are longer than 37h30m too; the weekend rota's 12h is not.
        let longer = plan.findings.compactMap { finding -> String? in
            if case .shiftLongerThanContract(let pod, let shift, _, _) = finding.kind { return shift ?? pod }
            return nil
        }
        #expect(longer.sorted() == ["Early", "Late", "Long days", "Solo"])
    }

    /// Capacity is each shift's productive agents × its own open hours (SPEC §2.4); each
    /// shift's work adds up to the pod's.
    @Test func capacityAndWorkAddUpShiftByShift() throws {
        let plan = try #require(TestBriefs.plan(Self.threePods))
        let rota = try #require(plan.sla.pods.first { $0.name == "Rota" })
        #expect(abs(rota.capacityHoursPerWeek - rota.shifts.reduce(0) { $0 + $1.capacityHoursPerWeek }) < 1e-6)
        // 26 weeks of Mon-Fri 07:00-15:00 with 2 productive reps, no holidays: 80h a week.
        #expect(abs(rota.shifts[0].capacityHoursPerWeek - 80) < 1e-6)
        #expect(abs(rota.workloadHoursPerWeek - rota.shifts.reduce(0) { $0 + $1.workloadHoursPerWeek }) < 0.01 * rota.workloadHoursPerWeek)
    }

    /// A pod open Mon–Fri 08:00–18:00 with 4 reps, and one with shifts 08:00–13:00 and
    /// 13:00–18:00 of 4 reps each: 4 reps on duty at every hour either way.
    @Test func twoHalfDayShiftsEqualOneFullDayPod() throws {
        func brief(_ pod: String) -> String {
            TestBriefs.replacing([
                "hours": "hours: Mon-Fri 08:00-18:00",
                "volume": "volume:\n  leads-per-week: 400\n  after-hours-share: 10%\n  handle-time: 20m",
                "pods": "pods:\n" + pod,
                "routing": "routing:\n  - name: All\n    assign: pod East\n",
            ])
        }
        let whole = try #require(TestBriefs.plan(brief("  - name: East\n    reps: 4\n")))
        let halves = try #require(
            TestBriefs.plan(
                brief(
                    """
                      - name: East
                        shifts:
                          - name: Morning
                            hours: Mon-Fri 08:00-13:00
                            reps: 4
                          - name: Afternoon
                            hours: Mon-Fri 13:00-18:00
                            reps: 4

                    """)))
        let (a, b) = (try #require(whole.sla.pods.first), try #require(halves.sla.pods.first))
        #expect(b.reps == 2 * a.reps)
        #expect(abs(a.fte - 5) < 1e-9 && abs(b.fte - 5) < 1e-9)
        #expect(abs(a.capacityHoursPerWeek - b.capacityHoursPerWeek) < 1e-6)
        #expect(
            a.simulated.low <= b.simulated.high && b.simulated.low <= a.simulated.high,
            "one shift \(a.simulated.attainment) (\(a.simulated.low)–\(a.simulated.high)), two \(b.simulated.attainment) (\(b.simulated.low)–\(b.simulated.high))"
        )
    }

    /// The week grid: productive agents on duty hour by hour, from the shifts.
    @Test func theWeekGridCountsWhoIsOn() throws {
        let plan = try #require(TestBriefs.plan(Self.threePods))
        let rota = try #require(plan.sla.pods.first { $0.name == "Rota" })
        let agents = rota.grid.agentsToday
        #expect(agents.count == 168)
        #expect(agents[6] == 0)  // Monday 06:00
        #expect(agents[7] == 2)  // Monday 07:00: Early
        #expect(agents[12] == 3)  // Monday 12:00: Early and Late
        #expect(agents[15] == 1)  // Monday 15:00: Late
        #expect(agents[20] == 0)
        #expect(agents[5 * 24 + 10] == 1)  // Saturday 10:00: the weekend rota
        // Leads reach the pod round the clock (20% after hours), more in the window.
        let leads = rota.grid.leadsPerHour
        #expect(leads[10] > leads[2] && leads[2] > 0)
        #expect(abs(leads.reduce(0, +) - 150 * rota.share) < 0.02 * 150 * rota.share)
    }
}
