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
}
