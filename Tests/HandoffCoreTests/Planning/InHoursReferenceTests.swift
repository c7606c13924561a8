import Testing

@testable import HandoffCore

@Suite("In-hours reference")
struct InHoursReferenceTests {
    typealias Part = SLAPlanner.Reference.Part

    static let rates = [0.713_893_9, 1.632_687_7, 1.109_865_5, 1.811_760_1, 1.877_160_9, 0.196_586_6]

    static func part(_ k: Int) -> Part {
        Part(arrivalsPerHour: rates[k], handleHours: Double(k + 1) / 7, slaHours: 1, target: 0.8, model: .pooled)
    }

    /// A pod's channels were summed in a dictionary's order, which differs between processes
    /// (and between dictionaries of different sizes): the offered load on the page changed in
    /// its last digit from one build to the next. Summed in channel order, it cannot.
    @Test func poolsChannelsInChannelOrderWhateverTheDictionary() {
        let keys = Array(Self.rates.indices)
        var lambda = 0.0
        var work = 0.0
        for k in keys {
            lambda += Self.part(k).arrivalsPerHour
            work += Self.part(k).arrivalsPerHour * Self.part(k).handleHours
        }
        // The numbers are such that order matters: reversed, the sum differs in its last bits.
        #expect(keys.reversed().reduce(0.0) { $0 + Self.rates[$1] } != lambda)
        for (capacity, insertion) in [(0, keys), (64, keys.reversed()), (200, keys.shuffled()), (9, keys.shuffled())] {
            var parts: [Int: Part] = [:]
            parts.reserveCapacity(capacity)
            for k in insertion { parts[k] = Self.part(k) }
            let pooled = SLAPlanner.Reference.pooled(parts)
            #expect(pooled.arrivalsPerHour == lambda, "capacity \(capacity)")
            #expect(pooled.handleHours == work / lambda, "capacity \(capacity)")
        }
    }

    /// SPEC §3.3.1: λ is the window's own rate times the pod's share. A New York pod open
    /// 08:00–17:00 on a Los Angeles window of 08:00–17:00 overlaps it 30 hours a week; the
    /// 18 in-window leads (24 a week, 25% after hours) arrive over the window's 45 hours, so
    /// λ = 18 / 45 = 0.4/h, not 18 / 30 = 0.6. By hand, with one agent and 15 minutes:
    /// A = 0.1, P(wait) = C(1, A) = A = 10%, ASA = C·h / (c − A) = 0.1 × 15 / 0.9 = 1.67 min.
    @Test func inHoursRateIsTheWindowsOwnWhenThePodOverlapsItOnlyInPart() throws {
        let yaml = TestBriefs.replacing([
            "volume": "volume:\n  leads-per-week: 24\n  after-hours-share: 25%\n  handle-time: 15m\n",
            "hours": "hours: Mon-Fri 08:00-17:00\n",
            "pods": "pods:\n  - name: Federal\n    reps: 1\n",
            "routing": """
            routing:
              - name: Everyone
                assign: pod Federal
                arrivals: Mon-Fri 08:00-17:00
                timezone: America/Los_Angeles

            """,
        ])
        let pod = try #require(try Self.model(yaml).pods.first)
        #expect(abs(pod.arrivalsPerHour - 0.4) < 1e-9)
        #expect(abs(pod.offeredLoad - 0.1) < 1e-9)
        #expect(abs(pod.probabilityOfWait - 0.1) < 1e-9)
        #expect(abs(pod.averageSpeedOfAnswerMinutes - 0.1 * 15 / 0.9) < 1e-9)
    }

    /// Leads that arrive on a pod's holidays are not its in-hours leads: λ stays the window's
    /// rate, 40 in-window leads (50 a week, 20% after hours) over 40 hours = 1.0/h, however
    /// many days the pod is closed.
    @Test func holidaysDoNotInflateTheInHoursRate() throws {
        let yaml = TestBriefs.replacing([
            "volume": "volume:\n  leads-per-week: 50\n  after-hours-share: 20%\n  handle-time: 15m\n",
            "pods": "pods:\n  - name: SDR EMEA\n    reps: 3\n    holidays: [2027-03-01, 2027-03-02, 2027-04-05, 2027-05-03, 2027-05-31]\n",
            "routing": "routing:\n  - name: Everyone\n    assign: pod SDR EMEA\n",
        ])
        let pod = try #require(try Self.model(yaml).pods.first)
        #expect(abs(pod.arrivalsPerHour - 1.0) < 1e-9)
    }

    static func model(_ yaml: String) throws -> SLAModel { try #require(TestBriefs.plan(yaml)).sla }
}
