/// What the advice for one pod that misses its target works from (SPEC §3.3.4): the group's
/// simulator, the pod, today's staffing and the shifts it may add.
protocol PodAdvice {
    var sim: GroupSimulator { get }
    var pod: Int { get }
    var today: GroupConfiguration { get }
    var candidates: [GroupConfiguration.Shift] { get }
}

extension PodAdvice {
    var group: PodGroup { sim.group }
    var search: StaffingSearch { StaffingSearch(sim: sim, pod: pod) }
    var contract: Double { group.network.contractHours }
    /// The pod's FTE in a configuration.
    func fte(_ config: GroupConfiguration) -> Double { config.fte(pod, contract: contract) }
    /// FTE added (negative: saved) against today.
    func fteChange(_ config: GroupConfiguration) -> Double { fte(config) - fte(today) }
}
