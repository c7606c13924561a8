import Foundation

/// The Erlang C queueing formulas (SPEC §3.3), computed through the Erlang B recursion so that
/// hundreds of agents and loads near 1,000 Erlangs stay finite: no factorials, no powers.
public enum ErlangC {
    /// Erlang B blocking probability: `B(0) = 1`, `B(k) = A·B(k−1) / (k + A·B(k−1))`.
    public static func blocking(agents c: Int, load a: Double) -> Double {
        var b = 1.0
        if c > 0 {
            for k in 1...c { b = a * b / (Double(k) + a * b) }
        }
        return b
    }

    /// Probability that a lead waits, `C = c·B / (c − A·(1 − B))`; 1 when `A ≥ c`.
    public static func probabilityOfWait(agents c: Int, load a: Double) -> Double {
        guard Double(c) > a else { return 1 }
        guard a > 0 else { return 0 }
        return waitProbability(agents: c, load: a, blocking: blocking(agents: c, load: a))
    }

    static func waitProbability(agents c: Int, load a: Double, blocking b: Double) -> Double {
        let cd = Double(c)
        return cd * b / (cd - a * (1 - b))
    }

    /// Share of leads touched within `t`: `1 − C·exp(−(c − A)·t/h)`; 0 when `A ≥ c`.
    public static func serviceLevel(agents c: Int, load a: Double, slaOverHandle ratio: Double) -> Double {
        guard Double(c) > a else { return 0 }
        let p = probabilityOfWait(agents: c, load: a)
        return max(0, min(1, 1 - p * exp(-(Double(c) - a) * ratio)))
    }

    /// Average speed of answer, in the unit of `handle`: `C·h / (c − A)`; infinite when `A ≥ c`.
    public static func averageSpeedOfAnswer(agents c: Int, load a: Double, handle h: Double) -> Double {
        guard Double(c) > a else { return .infinity }
        return probabilityOfWait(agents: c, load: a) * h / (Double(c) - a)
    }

    /// The smallest number of productive agents whose service level reaches `target`, walking
    /// the B recursion upward once. Zero when there is no load; nil when no staffing can reach
    /// the target (a target of 100% with any load).
    public static func requiredAgents(load a: Double, target: Double, slaOverHandle ratio: Double, limit: Int = 100_000) -> Int? {
        guard a > 0 else { return 0 }
        // Waiting is never impossible, so no finite staffing guarantees 100%.
        guard target < 1 else { return nil }
        var b = 1.0
        var c = 0
        while c < limit {
            c += 1
            b = a * b / (Double(c) + a * b)
            guard Double(c) > a else { continue }
            let p = waitProbability(agents: c, load: a, blocking: b)
            let sl = 1 - p * exp(-(Double(c) - a) * ratio)
            if sl >= target - 1e-12 { return c }
        }
        return nil
    }

    /// Productive agents: `floor(reps × (1 − shrinkage))` in exact integer arithmetic.
    public static func productiveAgents(reps: Int, shrinkage: Percent) -> Int {
        reps * (10_000 - shrinkage.basisPoints) / 10_000
    }

    /// The smallest head count whose productive agents reach `agents`; nil at 100% shrinkage.
    public static func requiredReps(agents: Int, shrinkage: Percent) -> Int? {
        guard agents > 0 else { return 0 }
        let available = 10_000 - shrinkage.basisPoints
        guard available > 0 else { return nil }
        var reps = (agents * 10_000 + available - 1) / available
        while productiveAgents(reps: reps, shrinkage: shrinkage) < agents { reps += 1 }
        while reps > 0, productiveAgents(reps: reps - 1, shrinkage: shrinkage) >= agents { reps -= 1 }
        return reps
    }
}

/// The in-hours reference of a strict rotation (SPEC §3.3.1): each rep's own queue, fed every
/// `c`-th lead, is a GI/M/1 queue with Erlang-`c` interarrival times.
public enum RotationReference {
    /// σ solving `σ = (λ / (λ + μ(1 − σ)))^c` by fixed-point iteration; 1 when the rep cannot
    /// keep up (`λ/c ≥ μ`).
    public static func sigma(arrivalRate lambda: Double, serviceRate mu: Double, reps c: Int) -> Double {
        guard c > 0, lambda > 0 else { return 0 }
        guard lambda / Double(c) < mu else { return 1 }
        var s = 0.5
        for _ in 0..<500 {
            let next = pow(lambda / (lambda + mu * (1 - s)), Double(c))
            if abs(next - s) < 1e-13 { return next }
            s = next
        }
        return s
    }

    /// Share of leads touched within `t`: `1 − σ·exp(−μ(1 − σ)·t)`; 0 when a rep cannot keep up.
    public static func serviceLevel(arrivalRate lambda: Double, serviceRate mu: Double, reps c: Int, within t: Double) -> Double {
        let s = sigma(arrivalRate: lambda, serviceRate: mu, reps: c)
        guard s < 1 else { return 0 }
        return max(0, min(1, 1 - s * exp(-mu * (1 - s) * t)))
    }
}
