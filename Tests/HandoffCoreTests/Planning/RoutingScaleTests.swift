import Testing

@testable import HandoffCore

/// Reachability stays exact on long rule lists (the search passes rules it already misses
/// without branching); `make bench` measures its time.
@Suite("Routing analysis on a thousand rules")
struct RoutingScaleTests {
    static func brief(rules: Int, catchAllAt: Int?) -> String {
        var routing = ""
        for i in 0..<rules {
            if i == catchAllAt { routing += "  - name: Everyone\n    assign: pod East\n" }
            // Narrow before broad on the same region, so each pair needs a real search step.
            let condition =
                i % 3 == 0
                ? "region = R\(i) and employees >= 1000" : i % 3 == 1 ? "region = R\(i - 1)" : "country in [C\(i), D\(i)]"
            routing += "  - name: Rule \(i)\n    when: \(condition)\n    assign: pod East\n"
        }
        return TestBriefs.base.components(separatedBy: "routing:\n")[0] + "routing:\n" + routing
    }

    @Test func aThousandDistinctRulesAreAllReachable() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(rules: 1_000, catchAllAt: nil)))
        #expect(plan.routing.rows.count == 1_000)
        #expect(plan.routing.rows.allSatisfy { $0.isReachable })
        // Without a catch-all, some lead is left without an owner, and the path finder names one.
        let uncaught = try #require(plan.routing.uncaughtLead)
        #expect(!plan.brief.routing.contains { $0.condition.matches(uncaught) })
        // Every synthetic lead really reaches its rule: it meets it and misses every earlier one.
        for (i, row) in plan.routing.rows.enumerated() {
            let lead = try #require(row.syntheticLead)
            #expect(plan.brief.routing.firstIndex { $0.condition.matches(lead) } == i, "rule \(i)")
        }
    }

    @Test func everythingAfterACatchAllIsUnreachable() throws {
        let plan = try #require(TestBriefs.plan(Self.brief(rules: 1_000, catchAllAt: 500)))
        #expect(plan.routing.rows.count == 1_001)
        #expect(plan.routing.rows[..<501].allSatisfy { $0.isReachable })
        #expect(plan.routing.rows[501...].allSatisfy { !$0.isReachable })
        #expect(plan.routing.uncaughtLead == nil)
    }
}
