extension SLAModel {
    /// Today's simulated figures alone, without the advice: per pod, per rule it serves (the
    /// model re-run with other inputs, SPEC §3.8).
    static func todayFigures(_ brief: Brief, routing: RoutingBlueprint) -> [String: [String: SimulatedFigures]] {
        var out: [String: [String: SimulatedFigures]] = [:]
        for group in BriefNetwork(brief, routing: routing).groups() {
            let sim = GroupSimulator(group, segment: brief.segment)
            let figures = sim.run(group.today, stop: .verdict, for: .verdict)
            for p in group.pods.indices {
                for c in group.channels.indices where figures.cells[c, p].replicas > 0 {
                    out[group.pod(p).name, default: [:]][group.channel(c).rule] = figures.cells[c, p]
                }
            }
        }
        return out
    }
}
