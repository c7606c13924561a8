/// What a replica's leads were, against what the network leads one to expect: the control
/// variates (SPEC §3.3.3). Both have exactly known expectations, and a replica with more work,
/// or more leads arriving while nobody works, touches fewer leads in time whatever the staffing.
struct Controls: Sendable, Hashable {
    /// The replica's offered work (handle time of every lead), relative to its expectation, − 1.
    var work: Double
    /// Its leads arriving outside their window, relative to their expectation, − 1.
    var afterHours: Double

    static let none = Controls(work: 0, afterHours: 0)
}

/// A mean over replicas with its 95% interval, adjusted by control variates: the figure of each
/// replica is regressed on its controls, whose expectations are zero, and the intercept is the
/// estimate (Lavenberg and Welch). Its interval is the intercept's, with Student's t on the
/// residual degrees of freedom. With few replicas it uses fewer controls: each costs a degree of
/// freedom.
///
/// Stopping as soon as an interval looks narrow stops most often when the spread happens to be
/// underestimated, and such intervals hold the true mean less often than they say (a test
/// measured 91–94% for 95%). So the figures a page shows follow Stein's two-stage procedure:
/// a pilot of replicas fixes the spread (`freeze()`), the pilot's spread decides how many
/// replicas the interval needs, and the interval is reported with the pilot's spread and degrees
/// of freedom. Under the normal model it holds the mean exactly 95% of the time.
struct ReplicaEstimate: Sendable {
    /// The widest 95% half-interval accepted for a figure the page shows: one point.
    static let precision = 0.01

    private(set) var count = 0
    // Sums over replicas of y, its square, the controls, and their products.
    private var sy = 0.0, syy = 0.0
    private var s1 = 0.0, s2 = 0.0, s11 = 0.0, s12 = 0.0, s22 = 0.0, s1y = 0.0, s2y = 0.0
    /// The pilot's residual variance, degrees of freedom and controls, once frozen.
    private var pilot: (variance: Double, degrees: Int, controls: Int)?

    mutating func add(_ y: Double, _ x: Controls) {
        count += 1
        sy += y
        syy += y * y
        s1 += x.work
        s2 += x.afterHours
        s11 += x.work * x.work
        s12 += x.work * x.afterHours
        s22 += x.afterHours * x.afterHours
        s1y += x.work * y
        s2y += x.afterHours * y
    }

    /// The replicas' own standard deviation, without the controls; nil under two replicas.
    var rawSpread: Double? {
        guard count > 1 else { return nil }
        let n = Double(count)
        return max(0, (syy - sy * sy / n) / (n - 1)).squareRoot()
    }

    /// How many controls the estimate uses with `n` replicas: none under 4, the work from 4, and
    /// the after-hours leads too from 10.
    static func controls(replicas n: Int) -> Int { n < 4 ? 0 : n < 10 ? 1 : 2 }

    /// Fixes the spread from the replicas so far: from now on the interval uses it, with one
    /// degree of freedom fewer than the regression leaves, an allowance for a figure that is not
    /// quite linear in its controls (measured: 94.6–95.4% of intervals hold the mean, against
    /// 94.1–94.5% without it).
    mutating func freeze() {
        guard count > 1, let (q, fit) = bestFit() else { return }
        pilot = (fit.residual, count - 2 - q, q)
    }

    /// The replicas an interval of half-width `h` needs, going by the spread so far.
    func replicasFor(halfWidth h: Double) -> Int {
        let half = interval.half
        guard half > h, count > 0 else { return count }
        return Int((Double(count) * (half / h) * (half / h)).rounded(.up))
    }

    /// The mean (within 0…1) and its 95% half-width; a half-width of 1 with one replica.
    var interval: (mean: Double, half: Double) {
        guard count > 0 else { return (1, 0) }
        guard count > 1 else { return (sy / Double(count), 1) }
        if let pilot, let fit = fit(controls: pilot.controls) {
            let half = ReplicaEstimate.studentT975(degreesOfFreedom: pilot.degrees) * (pilot.variance * fit.multiplier).squareRoot()
            return (min(1, max(0, fit.mean)), half)
        }
        guard let (q, fit) = bestFit() else { return (sy / Double(count), 1) }
        let half = ReplicaEstimate.studentT975(degreesOfFreedom: count - 1 - q) * (fit.residual * fit.multiplier).squareRoot()
        return (min(1, max(0, fit.mean)), half)
    }

    /// The fit with as many controls as the replicas allow, fewer where the controls barely vary.
    private func bestFit() -> (Int, (mean: Double, residual: Double, multiplier: Double))? {
        var q = Self.controls(replicas: count)
        while q >= 0 {
            if let fit = fit(controls: q) { return (q, fit) }
            q -= 1
        }
        return nil
    }

    /// The intercept, the residual variance, and the intercept's variance per unit of it, with
    /// `q` controls; nil when the controls barely vary (the regression would divide by nothing)
    /// or leave no degree of freedom.
    private func fit(controls q: Int) -> (mean: Double, residual: Double, multiplier: Double)? {
        let n = Double(count)
        guard count > q + 1 else { return nil }
        // The normal equations of y ~ b0 + b1·x1 (+ b2·x2), solved in closed form.
        switch q {
        case 0:
            let mean = sy / n
            return (mean, max(0, syy - n * mean * mean) / (n - 1), 1 / n)
        case 1:
            let sxx = s11 - s1 * s1 / n
            guard sxx > 1e-14 * max(1, s11) else { return nil }
            let b1 = (s1y - s1 * sy / n) / sxx
            let b0 = (sy - b1 * s1) / n
            let sse = max(0, syy - b0 * sy - b1 * s1y)
            let xbar = s1 / n
            return (b0, sse / (n - 2), 1 / n + xbar * xbar / sxx)
        default:
            // Centred sums of squares and products of the two controls.
            let c11 = s11 - s1 * s1 / n, c12 = s12 - s1 * s2 / n, c22 = s22 - s2 * s2 / n
            let det = c11 * c22 - c12 * c12
            guard c11 > 0, c22 > 0, det > 1e-10 * c11 * c22 else { return nil }
            let c1y = s1y - s1 * sy / n, c2y = s2y - s2 * sy / n
            let b1 = (c22 * c1y - c12 * c2y) / det
            let b2 = (c11 * c2y - c12 * c1y) / det
            let b0 = (sy - b1 * s1 - b2 * s2) / n
            let sse = max(0, syy - b0 * sy - b1 * s1y - b2 * s2y)
            let x1 = s1 / n, x2 = s2 / n
            // x̄ᵀ C⁻¹ x̄ with C the centred matrix: the intercept's extra variance.
            let quad = (c22 * x1 * x1 - 2 * c12 * x1 * x2 + c11 * x2 * x2) / det
            return (b0, sse / (n - 3), 1 / n + quad)
        }
    }

    /// The 95% half-width of a share of `leads` taken as independent (Agresti–Coull).
    static func binomialHalf(met: Double, of leads: Double) -> Double {
        let share = (met + 2) / (leads + 4)
        return 1.96 * (share * (1 - share) / (leads + 4)).squareRoot()
    }

    /// The 97.5% quantile of Student's t: the published table to 30 degrees of freedom, then the
    /// Cornish–Fisher series in 1/ν about the normal 1.96 (within 0.001 from 30 on).
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [
            12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
            2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        ]
        if df >= 1, df <= table.count { return table[df - 1] }
        let z = 1.959964
        let v = Double(max(df, 1))
        let z3 = z * z * z
        let z5 = z3 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
    }
}
