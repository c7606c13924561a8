import Testing

@testable import HandoffSite

@Suite("Formatting figures")
struct FormatTests {
    @Test func numbersAndPercents() {
        #expect(Format.percent(0.8835) == "88.4%")
        #expect(Format.percent(0.9) == "90%")
        #expect(Format.percent(0.00049) == "0%")
        #expect(Format.percent(1) == "100%")
        #expect(Format.number(3.214) == "3.21")
        #expect(Format.number(2.5) == "2.5")
        #expect(Format.number(-0.001) == "0")
        #expect(Format.number(-1.25, decimals: 1) == "-1.3" || Format.number(-1.25, decimals: 1) == "-1.2")
        #expect(Format.number(12, decimals: 1) == "12")
        #expect(Format.number(0.05, decimals: 2) == "0.05")
        #expect(Format.minutes(125) == "2h 05m")
        #expect(Format.minutes(59.6) == "1h")
        #expect(Format.minutes(60 * 28) == "1d 4h")
        #expect(Format.minutes(.infinity) == "never")
    }
}
