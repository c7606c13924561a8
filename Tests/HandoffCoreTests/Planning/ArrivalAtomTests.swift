import Foundation
import Testing

@testable import HandoffCore

/// `arrives during HOURS` and `arrives outside HOURS`: parsed, evaluated, covered by
/// reachability and the path test, given the share of their window, and routed in the
/// simulation (SPEC §2.2, §2.3, §3.2).
@Suite("Arrival atoms")
struct ArrivalAtomTests {
    static func brief(_ routing: String) -> String {
        TestBriefs.replacing([
            "hours": "hours: Mon-Fri 09:00-17:00",
            "volume": "volume:\n  leads-per-week: 300\n  after-hours-share: 30%\n  handle-time: 10m",
            "pods": "pods:\n  - name: East\n    reps: 4\n  - name: West\n    reps: 2\n    hours: Sat-Sun 08:00-20:00",
            "routing": "routing:\n" + routing,
        ])
    }

    static let weekend = "  - name: Weekend\n    when: arrives during Sat-Sun 00:00-24:00\n    assign: pod West\n"
    static let rest = "  - name: Rest\n    assign: pod East\n"

    @Test func parsedEvaluatedAndNeedingNoEnrichment() throws {
        let c = try Condition.parse("arrives during Sat-Sun 00:00-24:00 and region = EMEA").get()
        #expect(c.fields == ["region"])
        let saturday = 5 * 1440 + 600
        #expect(c.matches(Lead(["region": "EMEA", "arrival": "\(saturday)"])))
        #expect(!c.matches(Lead(["region": "EMEA", "arrival": "600"])))
        #expect(try Condition.parse("arrives outside Mon-Fri 09:00-17:00").get().matches(Lead(["arrival": "\(18 * 60)"])))
        #expect((try? Condition.parse("arrives during Funday 09:00-17:00").get()) == nil)
    }

    @Test func aWeekendRuleBeforeTheCatchAllIsReachableWithASaturdayLead() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(Self.weekend + Self.rest)))
        let lead = try #require(plan.routing.rows[0].syntheticLead)
        let minute = try #require(lead["arrival"].flatMap { Int($0) })
        #expect(minute / 1440 == 5 || minute / 1440 == 6)
        #expect(plan.brief.routing.firstIndex { $0.condition.matches(lead) } == 0)
        // A lead for the catch-all arrives on a weekday, or not at all by time.
        let other = try #require(plan.routing.rows[1].syntheticLead)
        #expect(!plan.brief.routing[0].condition.matches(other))
        // 30% after hours over 128 closed hours; the weekend is 48 of them.
        #expect(abs(plan.routing.rows[0].share - 0.3 * 48 / 128) < 1e-9 && plan.routing.rows[0].shareSource == .arrivalWindow)
        #expect(abs(plan.routing.rows[1].share - (1 - 0.3 * 48 / 128)) < 1e-9)
    }

    @Test func aWeekendRuleAfterTheCatchAllIsUnreachable() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(Self.rest + Self.weekend)))
        #expect(!plan.routing.rows[1].isReachable)
        #expect(plan.findings.contains { $0.kind == .unreachableRule(rule: "Weekend", why: .shadowed(by: ["Rest"])) })
    }

    @Test func theWeekendPodReceivesOnlyWeekendLeads() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(Self.weekend + Self.rest)))
        var planner = SLAPlanner(plan.brief, routing: plan.routing)
        let group = try #require(
            planner.network.groups().first { g in g.channels.contains { planner.network.channels[$0].rule == "Weekend" } })
        let weekendChannel = try #require(group.channels.indices.first { group.channel($0).rule == "Weekend" })
        let leads = GroupSimulator(group, segment: "atoms").leads(3)
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        var counted = 0
        for i in leads.times.indices where Int(leads.channels[i]) == weekendChannel {
            let date = Date(timeIntervalSince1970: leads.times[i])
            let weekday = Calendar(identifier: .gregorian).dateComponents(in: zone, from: date).weekday ?? 0
            #expect(weekday == 1 || weekday == 7, "a weekend lead arrived on weekday \(weekday)")
            counted += 1
        }
        let expected: Double = 26.0 * 300.0 * 0.3 * 48.0 / 128.0
        #expect(Double(counted) > expected * 0.8)
        _ = planner.plan()
    }
}
