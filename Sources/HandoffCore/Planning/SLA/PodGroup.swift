import Foundation
import HandoffEngine

/// How a group of pods is staffed and promised: each pod's shifts (hours and reps) and each
/// channel's clock. Today's staffing is one configuration; every change the advice tries is
/// another, and the runs of a configuration are kept under it (the same leads give the same
/// outcome), so a headcount asked about twice is simulated once.
struct GroupConfiguration: Sendable, Hashable {
    /// Reps who keep the same hours (SPEC §2.4).
    struct Shift: Sendable, Hashable {
        var name: String = ""
        var hours: WeeklyHours
        var reps: Int

        init(name: String = "", hours: WeeklyHours, reps: Int) {
            self.name = name
            // Hours compare by their days, however they were written.
            self.hours = WeeklyHours(days: hours.days)
            self.reps = reps
        }
    }

    /// Per pod of the group (in the group's order), its shifts.
    var pods: [[Shift]]
    /// Per channel of the group, whether its SLA runs on the business clock.
    var businessClock: [Bool]
    /// A pod given as many reps as its leads could want (the ceiling), by local index.
    var unlimited: Int?
    /// Per channel, a promise other than the rule's (a longer SLA the advice tries); empty: none.
    var sla: [ResponseDuration?] = []

    /// Pod `p`'s reps over its shifts.
    func reps(_ p: Int) -> Int { pods[p].reduce(0) { $0 + $1.reps } }

    /// Pod `p`'s rep-hours a week: each shift's reps × its weekly hours (SPEC §2.4).
    func repHours(_ p: Int) -> Double { pods[p].reduce(0) { $0 + Double($1.reps) * $1.hours.weeklyHours } }

    /// Pod `p`'s full-time equivalents: rep-hours over a rep's contract.
    func fte(_ p: Int, contract: Double) -> Double { contract > 0 ? repHours(p) / contract : 0 }

    /// The same configuration with `delta` reps more (or fewer) on pod `p`'s shift `k`.
    func adding(_ delta: Int, toShift k: Int, pod p: Int) -> GroupConfiguration {
        var copy = self
        copy.pods[p][k].reps = max(0, copy.pods[p][k].reps + delta)
        return copy
    }

    /// The same configuration with pod `p`'s reps scaled to `total`, spread over its shifts in
    /// proportion to today's (largest remainders first, ties to the earlier shift).
    func withReps(_ total: Int, pod p: Int) -> GroupConfiguration {
        var copy = self
        copy.pods[p] = Self.spread(total, over: pods[p])
        return copy
    }

    static func spread(_ total: Int, over shifts: [Shift]) -> [Shift] {
        guard shifts.count > 1 else { return shifts.map { Shift(name: $0.name, hours: $0.hours, reps: total) } }
        let today = shifts.reduce(0) { $0 + $1.reps }
        let weights = today > 0 ? shifts.map { Double($0.reps) / Double(today) } : shifts.map { _ in 1 / Double(shifts.count) }
        var counts = weights.map { Int((Double(total) * $0).rounded(.down)) }
        var left = total - counts.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let (ra, rb) = (Double(total) * weights[a] - Double(counts[a]), Double(total) * weights[b] - Double(counts[b]))
            return ra != rb ? ra > rb : a < b
        }
        for k in order where left > 0 {
            counts[k] += 1
            left -= 1
        }
        return zip(shifts, counts).map { Shift(name: $0.name, hours: $0.hours, reps: $1) }
    }
}

/// Pods linked by channels (a rotation between them, or nothing at all) and those channels: the
/// part of a brief simulated on its own. Pods and channels are numbered locally.
struct PodGroup: Sendable {
    let network: BriefNetwork
    /// Brief indices of the group's pods.
    let pods: [Int]
    /// Indices of the group's channels in the brief network.
    let channels: [Int]

    /// Channel `c` of the group.
    func channel(_ c: Int) -> BriefNetwork.Channel { network.channels[channels[c]] }
    /// Pod `p` of the group.
    func pod(_ p: Int) -> BriefNetwork.Pod { network.pods[pods[p]] }

    /// The group's own pod for a brief pod index.
    func local(_ briefPod: Int) -> Int { pods.firstIndex(of: briefPod) ?? 0 }

    /// Today's staffing and promises.
    var today: GroupConfiguration {
        GroupConfiguration(
            pods: pods.map { network.pods[$0].shifts }, businessClock: channels.map { network.channels[$0].clock == .business },
            unlimited: nil)
    }

    /// The routing of channel `c` in the group's own pod numbers.
    func routing(_ c: Int) -> Network.Routing {
        switch channel(c).routing {
        case .podQueue(let p): .podQueue(pod: local(p))
        case .accountOwner(let p): .accountOwner(pod: local(p))
        case .rotation(let ps, let w): .rotation(pods: ps.map(local), weights: w)
        }
    }

    /// Productive agents of pod `p` with `reps` reps (SPEC §3.3.1: exact decimal arithmetic).
    func agents(_ p: Int, reps: Int) -> Int { ErlangC.productiveAgents(reps: reps, shrinkage: pod(p).shrinkage) }

    /// Pod `p`'s hours in a configuration: whenever one of its staffed shifts works (a shift
    /// the advice lists at no reps opens nothing); all its shifts' hours when none is staffed.
    func hours(_ p: Int, in config: GroupConfiguration) -> WeeklyHours {
        let staffed = config.pods[p].filter { $0.reps > 0 }
        let shifts = staffed.isEmpty ? config.pods[p] : staffed
        return shifts.dropFirst().reduce(shifts.first?.hours ?? pod(p).hours) { $0.union($1.hours) }
    }
}
