/// The staffing curve of SPEC §3.3.4: simulated attainment against reps (added to today's
/// shifts in proportion) under the real calendar, with the in-hours reference beside it. Each
/// point is to ±2 points (the page draws a band); today's point is the verdict's own figure, so
/// the curve passes through what the page leads with, and a headcount the search already tried
/// costs nothing.
struct StaffingCurve {
    let sim: GroupSimulator
    let pod: Int
    let today: GroupConfiguration

    func points(required: Int?, todayFigure: SimulatedFigures, reference: SLAPlanner.Reference) -> [StaffingPoint] {
        let reps = today.reps(pod)
        let top = max(2 * (required ?? reps), 2 * reps, 2)
        let step = max(1, (top + 5) / 6)
        var points: [StaffingPoint] = []
        var n = 1
        while n <= top {
            let config = today.withReps(n, pod: pod)
            let agents = sim.agents(pod, in: config)
            let simulated: SimulatedFigures
            if agents == 0 {
                // No productive rep: nothing is touched.
                simulated = SimulatedFigures(
                    leads: 0, attainment: 0, low: 0, high: 0, replicas: 0, capped: false, medianMinutes: 0, p90Minutes: 0, overAWeek: 0)
            } else if n == reps {
                simulated = todayFigure
            } else {
                simulated = sim.run(config, stop: .curvePoint(pod: pod), for: .staffingCurve).pods[pod]
            }
            points.append(
                StaffingPoint(
                    reps: n, simulated: simulated.attainment, low: simulated.low, high: simulated.high,
                    erlang: reference.attainment(agents: agents)))
            n += n < reps && n + step > reps ? reps - n : step
        }
        return points
    }
}
