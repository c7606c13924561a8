/// A percentage held exactly, in hundredths of a percent (`85.5%` is 8550), so staffing
/// arithmetic such as `floor(reps × (1 − shrinkage))` never suffers binary rounding.
public struct Percent: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// Parses `85%` or `85.5%` (up to two decimals), 0 to 100.
    public init?(parsing text: String) {
        guard text.hasSuffix("%") else { return nil }
        let number = text.dropLast()
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 3,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let w = Int(whole)
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 2, f.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(f) else { return nil }
            fraction = f.count == 1 ? v * 10 : v
        }
        let bp = w * 100 + fraction
        guard bp <= 10_000 else { return nil }
        self.basisPoints = bp
    }

    public static let zero = Percent(basisPoints: 0)
    public static let hundred = Percent(basisPoints: 10_000)

    /// The share as a fraction from 0 to 1.
    public var fraction: Double { Double(basisPoints) / 10_000 }

    public static func < (a: Percent, b: Percent) -> Bool { a.basisPoints < b.basisPoints }

    public var description: String {
        basisPoints % 100 == 0
            ? "\(basisPoints / 100)%"
            : "\(basisPoints / 100).\(String(format2: basisPoints % 100))%"
    }
}

extension String {
    /// Two digits, trailing zero dropped: 50 → "5", 5 → "05".
    init(format2 value: Int) {
        let s = value < 10 ? "0\(value)" : "\(value)"
        self = s.hasSuffix("0") ? String(s.dropLast()) : s
    }
}
