import Foundation

extension SLAPlanner {
    /// The textbook in-hours figures of a pod (SPEC §3.3.1): Erlang C for pod queues, GI/M/1 per
    /// rep for rotations, over the hours in which leads arrive while the pod is open.
    struct Reference {
        struct Part {
            var arrivalsPerHour: Double
            var handleHours: Double
            var slaHours: Double
            var target: Double
            var model: ReferenceModel
        }

        var parts: [Int: Part]
        /// The parts in channel order: sums over a dictionary's own order would differ in their
        /// last bits from one run of the program to the next (and so would the page).
        var orderedParts: [Part] { Self.ordered(parts) }

        static func ordered(_ parts: [Int: Part]) -> [Part] { parts.sorted { $0.key < $1.key }.map(\.value) }
        var arrivalsPerHour: Double
        var handleHours: Double
        var agents: Int

        var load: Double { arrivalsPerHour * handleHours }
        var occupancy: Double { agents > 0 ? load / Double(agents) : (load > 0 ? .infinity : 0) }
        var probabilityOfWait: Double { ErlangC.probabilityOfWait(agents: agents, load: load) }
        var asaMinutes: Double { ErlangC.averageSpeedOfAnswer(agents: agents, load: load, handle: handleHours * 60) }

        /// One channel's reference attainment with `agents` productive reps.
        func attainment(_ part: Part, agents c: Int) -> Double {
            switch part.model {
            case .pooled:
                return ErlangC.serviceLevel(agents: c, load: load, slaOverHandle: handleHours > 0 ? part.slaHours / handleHours : 0)
            case .rotation:
                return RotationReference.serviceLevel(
                    arrivalRate: part.arrivalsPerHour, serviceRate: part.handleHours > 0 ? 1 / part.handleHours : .infinity, reps: c,
                    within: part.slaHours)
            }
        }

        /// The pod's reference attainment: its channels' weighted by in-hours arrivals.
        func attainment(agents c: Int) -> Double {
            let ordered = orderedParts
            let total = ordered.reduce(0) { $0 + $1.arrivalsPerHour }
            guard total > 0 else { return 1 }
            return ordered.reduce(0) { $0 + $1.arrivalsPerHour * attainment($1, agents: c) } / total
        }

        var attainment: Double { attainment(agents: agents) }

        /// The pod's in-hours arrival rate and mean handle time over its channels, summed in
        /// channel order.
        static func pooled(_ parts: [Int: Part]) -> (arrivalsPerHour: Double, handleHours: Double) {
            let ordered = ordered(parts)
            let lambda = ordered.reduce(0) { $0 + $1.arrivalsPerHour }
            let handle = lambda > 0 ? ordered.reduce(0) { $0 + $1.arrivalsPerHour * $1.handleHours } / lambda : 0
            return (lambda, handle)
        }

        var channels: [Int: (attainment: Double, model: ReferenceModel)] {
            parts.mapValues { (attainment($0, agents: agents), $0.model) }
        }

        /// The fewest productive agents reaching every channel's target; nil for a 100% target.
        var requiredAgents: Int? {
            guard load > 0 else { return 0 }
            guard parts.values.allSatisfy({ $0.target < 1 }) else { return nil }
            var c = max(1, Int(load.rounded(.down)) + 1)
            while c < 20_000 {
                if parts.values.allSatisfy({ attainment($0, agents: c) >= $0.target - 1e-12 }) { return c }
                c += 1
            }
            return nil
        }
    }

    /// The in-hours reference of pod `p` (local) serving `serving` channels with `agents`.
    static func inHoursReference(_ sim: GroupSimulator, _ config: GroupConfiguration, pod p: Int, channels serving: [Int], agents: Int)
        -> Reference
    {
        let group = sim.group
        let podHours = group.hours(p, in: config)
        var parts: [Int: Reference.Part] = [:]
        for c in serving {
            let channel = group.channel(c)
            // The window's own rate: leads that arrive in it while the pod is closed (outside
            // its hours, on its holidays) are the simulation's, not squeezed into the overlap.
            let rate = channel.windowRatePerHour * sim.share(c, p, in: config)
            let dayHours = channel.clock == .business ? podHours.averageDayHours : 24
            let sla = Double(channel.sla.days) * dayHours + Double(channel.sla.clockSeconds) / 3600
            let model: ReferenceModel = if case .rotation = group.routing(c) { .rotation } else { .pooled }
            parts[c] = Reference.Part(
                arrivalsPerHour: rate, handleHours: channel.handleSeconds / 3600, slaHours: sla, target: channel.target, model: model)
        }
        let (lambda, handle) = Reference.pooled(parts)
        return Reference(parts: parts, arrivalsPerHour: lambda, handleHours: handle, agents: agents)
    }
}
