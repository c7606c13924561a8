import Foundation

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast, well-mixed generator. The SLA
/// simulation uses it instead of the system generator so that a brief gives the same figures on
/// every machine and every run.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A seed derived from text (FNV-1a, 64-bit), e.g. "enterprise/East".
    public init(seedText: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seedText.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1], never 0, so `-log(u)` is finite.
    public mutating func nextUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// Exponentially distributed with the given mean.
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * log(nextUnit())
    }
}
