import Foundation
import Testing

@testable import HandoffCore

@Suite("Erlang C")
struct ErlangCTests {
    /// The textbook formula with factorials, fine for small c: an independent check.
    static func directWaitProbability(c: Int, a: Double) -> Double {
        var sum = 0.0
        var term = 1.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let top = term * a / Double(c) * Double(c) / (Double(c) - a)
        return top / (sum + top)
    }

    @Test func publishedReferenceValues() {
        // A = 10 Erlangs, 14 agents, SLA a ninth of the handle time.
        #expect(abs(ErlangC.probabilityOfWait(agents: 14, load: 10) - 0.174132) < 5e-7)
        #expect(abs(ErlangC.serviceLevel(agents: 14, load: 10, slaOverHandle: 1.0 / 9) - 0.888350) < 5e-7)
        // A = 2.5, 3 agents, t = 120 min, h = 15 min.
        #expect(abs(ErlangC.probabilityOfWait(agents: 3, load: 2.5) - 0.702247) < 5e-7)
        #expect(abs(ErlangC.serviceLevel(agents: 3, load: 2.5, slaOverHandle: 8) - 0.987138) < 5e-7)
        #expect(abs(ErlangC.averageSpeedOfAnswer(agents: 3, load: 2.5, handle: 15) - 21.07) < 0.005)
    }

    @Test(arguments: [(1, 0.5), (2, 1.2), (5, 3.7), (10, 8.9), (20, 15.0), (30, 29.5)])
    func matchesFactorialFormula(_ c: Int, _ a: Double) {
        let recursion = ErlangC.probabilityOfWait(agents: c, load: a)
        #expect(abs(recursion - Self.directWaitProbability(c: c, a: a)) < 1e-12)
    }

    @Test func largePodsStayFinite() {
        for (c, a) in [(500, 480.0), (1000, 999.9), (1200, 1000.0), (600, 10.0)] {
            let p = ErlangC.probabilityOfWait(agents: c, load: a)
            let sl = ErlangC.serviceLevel(agents: c, load: a, slaOverHandle: 0.5)
            #expect(p.isFinite && p >= 0 && p <= 1, "c=\(c) A=\(a) p=\(p)")
            #expect(sl.isFinite && sl >= 0 && sl <= 1)
        }
        #expect(ErlangC.requiredAgents(load: 999.9, target: 0.9, slaOverHandle: 0.2).map { $0 > 1000 } == true)
    }

    @Test func unstableQueue() {
        #expect(ErlangC.probabilityOfWait(agents: 3, load: 3) == 1)
        #expect(ErlangC.serviceLevel(agents: 3, load: 4, slaOverHandle: 8) == 0)
        #expect(ErlangC.averageSpeedOfAnswer(agents: 2, load: 2, handle: 10).isInfinite)
    }

    @Test func requiredAgentsAtTheBoundary() throws {
        let a = 10.0, ratio = 1.0 / 9
        let sl14 = ErlangC.serviceLevel(agents: 14, load: a, slaOverHandle: ratio)
        let sl13 = ErlangC.serviceLevel(agents: 13, load: a, slaOverHandle: ratio)
        #expect(ErlangC.requiredAgents(load: a, target: sl14, slaOverHandle: ratio) == 14)  // exactly at
        #expect(ErlangC.requiredAgents(load: a, target: sl14 - 1e-6, slaOverHandle: ratio) == 14)  // just below 14's level
        #expect(ErlangC.requiredAgents(load: a, target: sl14 + 1e-6, slaOverHandle: ratio) == 15)  // just above
        #expect(ErlangC.requiredAgents(load: a, target: sl13 + 1e-6, slaOverHandle: ratio) == 14)
        #expect(ErlangC.requiredAgents(load: 0, target: 0.9, slaOverHandle: 1) == 0)
        #expect(ErlangC.requiredAgents(load: 1, target: 1.0, slaOverHandle: 1, limit: 500) == nil)
    }

    @Test func productiveAgentsAreExact() {
        #expect(ErlangC.productiveAgents(reps: 20, shrinkage: Percent(basisPoints: 3000)) == 14)
        #expect(ErlangC.productiveAgents(reps: 10, shrinkage: Percent(basisPoints: 3000)) == 7)
        #expect(ErlangC.productiveAgents(reps: 3, shrinkage: Percent(basisPoints: 3333)) == 2)
        #expect(ErlangC.requiredReps(agents: 14, shrinkage: Percent(basisPoints: 3000)) == 20)
        #expect(ErlangC.requiredReps(agents: 3, shrinkage: Percent(basisPoints: 5000)) == 6)
        #expect(ErlangC.requiredReps(agents: 1, shrinkage: .hundred) == nil)
    }
}
