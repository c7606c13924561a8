import Foundation

/// Timestamps as CRM exports write them (SPEC §3.8): ISO 8601 with an offset
/// (`2027-01-04T14:15:00Z`, `2027-01-04T09:15:00-05:00`, Salesforce's `2027-01-04T14:15:00.000+0000`)
/// or local time in a zone (`2027-01-04 09:15`, `2027-01-04T09:15:30`). Parsed by hand: a million
/// rows cannot afford a formatter each, and a local time needs its zone's offset, cached by hour.
struct ExportTimestamp {
    let zone: TimeZone
    private var offsets: [Int: Int] = [:]

    init(zone: TimeZone) { self.zone = zone }

    /// Seconds since 1970 UTC, or nil when the text is not a timestamp.
    mutating func parse(_ text: Substring) -> Double? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0) }) { return parsed }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0) }
    }

    private mutating func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in 0..<n {
                let c = b[i + k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func take(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), take(45), let month = digits(2), take(45), let day = digits(2),
            let date = CalendarDate(year: year, month: month, day: day)
        else { return nil }
        var seconds = 0
        if i < b.count {
            guard take(84) || take(32) || take(116) else { return nil }  // T, space, t
            guard let hour = digits(2), take(58), let minute = digits(2), hour < 24, minute < 60 else { return nil }
            var second = 0
            if take(58) {
                guard let s = digits(2), s < 60 else { return nil }
                second = s
                if take(46) || take(44) {  // fractions of a second
                    let start = i
                    while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                    guard i > start else { return nil }
                }
            }
            seconds = hour * 3600 + minute * 60 + second
        }
        let local = Double(date.daysSinceEpoch * 86_400 + seconds)
        // An offset: Z, ±HH:MM, ±HHMM or ±HH; none is local time in the zone.
        if i == b.count { return local - Double(offset(local: local)) }
        if take(90) || take(122) { return i == b.count ? local : nil }
        let sign: Double
        if take(43) { sign = 1 } else if take(45) { sign = -1 } else { return nil }
        guard let oh = digits(2), oh <= 18 else { return nil }
        var om = 0
        if i < b.count {
            _ = take(58)
            guard let m = digits(2), m < 60 else { return nil }
            om = m
        }
        guard i == b.count else { return nil }
        return local - sign * Double(oh * 3600 + om * 60)
    }

    /// The zone's offset at a local time: read at the hour, kept for every later row in it.
    /// In a spring-forward gap the offset before it applies; in the repeated autumn hour, the
    /// first.
    mutating func offset(local: Double) -> Int {
        let hour = Int((local / 3600).rounded(.down))
        if let known = offsets[hour] { return known }
        func at(_ t: Double) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)) }
        // The offsets around this time; one is right when the local time maps back onto it.
        let guess = at(local)
        let around = Set([guess, at(local - Double(guess)), at(local - Double(guess) - 7200), at(local - Double(guess) + 7200)])
        let valid = around.filter { at(local - Double($0)) == $0 }
        // Twice valid: the repeated hour, whose first pass has the larger offset. Never valid:
        // the skipped hour, read with the offset before it.
        let chosen = valid.max() ?? around.min() ?? guess
        offsets[hour] = chosen
        return chosen
    }
}
