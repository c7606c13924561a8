import Foundation

/// How figures read on pages and in messages, in one place so every page agrees.
public enum Format {
    /// `1 rep`, `4 reps`.
    public static func reps(_ n: Int) -> String { n == 1 ? "1 rep" : "\(n) reps" }

    /// `A`, `A and B`, `A, B and C`.
    public static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// Leads a week: whole leads from ten up, one decimal below (`2.4`), so every table that
    /// gives a pod's leads gives the same figure.
    public static func leads(_ perWeek: Double) -> String { number(perWeek, decimals: perWeek < 10 ? 1 : 0) }

    /// `88.4%` (one decimal, trailing `.0` kept off for whole numbers).
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "∞" }
        return number(fraction * 100, decimals: 1) + "%"
    }

    /// Minutes as `45m`, `2h 05m`, `1d 3h`; `never` for infinity.
    public static func minutes(_ m: Double) -> String {
        guard m.isFinite else { return "never" }
        let total = Int(m.rounded())
        if total < 60 { return "\(total)m" }
        let hours = total / 60
        let mins = total % 60
        if hours < 24 { return mins == 0 ? "\(hours)h" : "\(hours)h \(mins < 10 ? "0" : "")\(mins)m" }
        let days = hours / 24
        let h = hours % 24
        return h == 0 ? "\(days)d" : "\(days)d \(h)h"
    }

    /// A whole count with thousands separated: `1,000,000`.
    public static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = n < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    /// Text as the start of a sentence: its first letter in capitals.
    public static func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// Full-time equivalents, always to one decimal, so a column of them lines up: `4.5`, `6.0`.
    public static func fte(_ x: Double) -> String {
        let text = number(x, decimals: 1)
        return text.contains(".") || !x.isFinite ? text : text + ".0"
    }

    /// A number with up to two decimals: `8.4`, `12`, `0.56`.
    public static func number(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return "∞" }
        // Fixed-point in integers: pages format tens of thousands of figures, and
        // String(format:) goes through Foundation for each.
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x * Double(scale)).rounded()
        guard abs(scaled) < 9e15 else { return String(x) }
        let n = Int(scaled)
        let whole = abs(n) / scale
        var fraction = abs(n) % scale
        var digits = decimals
        while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let sign = n < 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let text = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - text.count) + text
    }
}
