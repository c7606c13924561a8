/// The model beside the export (SPEC §3.8): for each channel at each pod, the simulated figure
/// and the range a period as long as the export would show if the model were right, against the
/// actual figure's binomial interval; where they do not overlap, which inputs the export
/// contradicts, and the simulated figure with the export's volume and after-hours share.
extension SLAActuals {
    /// Off by more than this share of the brief's volume, the export contradicts it.
    static let volumeTolerance = 0.10
    /// Off by more than this many points of after-hours share, likewise.
    static let afterHoursTolerance = 0.05

    /// The 95% range a period of `weeks` weeks would show if the model is right: the replicas'
    /// spread (each 26 weeks) scaled to the period, plus the model's own uncertainty.
    static func expectedRange(_ simulated: SimulatedFigures, weeks: Double) -> (low: Double, high: Double) {
        let half = (simulated.high - simulated.low) / 2
        let spread = simulated.replicaSpread ?? half * Double(simulated.replicas).squareRoot() / 1.96
        let band = 1.96 * spread * (26 / max(weeks, 1.0 / 7)).squareRoot() + half
        return (max(0, simulated.attainment - band), min(1, simulated.attainment + band))
    }

    mutating func compare(with plan: HandoffPlan) {
        for k in pods.indices {
            guard let simulated = plan.sla.pods.first(where: { $0.name == pods[k].pod })?.simulated, simulated.replicas > 0 else {
                continue
            }
            let week = Self.expectedRange(simulated, weeks: 1)
            pods[k].modelMean = simulated.attainment
            pods[k].weekLow = week.low
            pods[k].weekHigh = week.high
        }
        for k in cells.indices {
            let cell = cells[k]
            guard
                let simulated = plan.sla.pods.first(where: { $0.name == cell.pod })?.channels.first(where: { $0.rule == cell.rule })?
                    .simulated,
                simulated.replicas > 0
            else { continue }
            // A replica is 26 weeks; a shorter export varies more, as 1/√length.
            let (low, high) = Self.expectedRange(simulated, weeks: weeksObserved)
            let agrees = cell.attainment == nil || (cell.low <= high + 1e-9 && low <= cell.high + 1e-9)
            var contradictions: [Contradiction] = []
            if !agrees, let channel = channels.first(where: { $0.rule == cell.rule }) {
                if channel.briefLeadsPerWeek > 0, abs(channel.leadsPerWeek / channel.briefLeadsPerWeek - 1) > Self.volumeTolerance {
                    contradictions.append(.volume(observed: channel.leadsPerWeek, brief: channel.briefLeadsPerWeek))
                }
                if abs(channel.afterHoursShare - channel.briefAfterHoursShare) > Self.afterHoursTolerance {
                    contradictions.append(.afterHours(observed: channel.afterHoursShare, brief: channel.briefAfterHoursShare))
                }
            }
            cells[k].model = Comparison(
                simulated: simulated, expectedLow: low, expectedHigh: high, agrees: agrees, contradictions: contradictions,
                withObservedInputs: nil)
        }
    }

    /// Where the model and the export disagree, the model again with the export's volume and
    /// after-hours share instead of the brief's (a simulation: the build driver times it with
    /// the others).
    public mutating func rerunWithObservedInputs(_ plan: HandoffPlan) {
        guard cells.contains(where: { $0.model?.agrees == false }) else { return }
        var observed = plan.brief
        observed.volume.leadsPerWeek = Double(routed + outsideSLA + unmatched) / weeksObserved
        observed.volume.afterHoursShare = Percent(basisPoints: Int((afterHoursShare * 10_000).rounded()))
        let figures = SLAModel.todayFigures(observed, routing: plan.routing)
        for k in cells.indices where cells[k].model?.agrees == false {
            let figure = figures[cells[k].pod]?[cells[k].rule]
            cells[k].model?.withObservedInputs = figure
        }
    }
}
