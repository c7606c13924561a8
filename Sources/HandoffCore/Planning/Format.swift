import Foundation

/// How figures read on pages and in messages, in one place so every page agrees.
public enum Format {
    /// `88.4%` (one decimal, trailing `.0` kept off for whole numbers).
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "∞" }
        let value = (fraction * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }

    /// Minutes as `45m`, `2h 05m`, `1d 3h`; `never` for infinity.
    public static func minutes(_ m: Double) -> String {
        guard m.isFinite else { return "never" }
        let total = Int(m.rounded())
        if total < 60 { return "\(total)m" }
        let hours = total / 60
        let mins = total % 60
        if hours < 24 { return mins == 0 ? "\(hours)h" : String(format: "%dh %02dm", hours, mins) }
        let days = hours / 24
        let h = hours % 24
        return h == 0 ? "\(days)d" : "\(days)d \(h)h"
    }

    /// A number with up to two decimals: `8.4`, `12`, `0.56`.
    public static func number(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return "∞" }
        var s = String(format: "%.\(decimals)f", x)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}
