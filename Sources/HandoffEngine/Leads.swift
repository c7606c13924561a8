/// The leads of one replica, before any routing: arrival time, channel, handle time and a draw
/// for the account-owner choice, in arrival order. They depend only on the channels' streams and
/// the seed, never on staffing, so every headcount and change tried sees the same leads (common
/// random numbers). Held in flat storage: the engine reads them for every lead it routes.
public final class Leads: @unchecked Sendable {
    public let count: Int
    let time: UnsafeMutablePointer<Double>
    let channel: UnsafeMutablePointer<Int32>
    let service: UnsafeMutablePointer<Double>
    let pick: UnsafeMutablePointer<Double>
    /// Per channel: the replica's leads, those that arrived in the channel's window, and their
    /// work (seconds of handle time) — the control variates' raw figures, whose expectations the
    /// network knows exactly.
    public let channelLeads: [Int]
    public let channelInWindow: [Int]
    public let channelWork: [Double]

    private init(
        count: Int, time: UnsafeMutablePointer<Double>, channel: UnsafeMutablePointer<Int32>, service: UnsafeMutablePointer<Double>,
        pick: UnsafeMutablePointer<Double>, leads: [Int], inWindow: [Int], work: [Double]
    ) {
        self.count = count
        self.time = time
        self.channel = channel
        self.service = service
        self.pick = pick
        channelLeads = leads
        channelInWindow = inWindow
        channelWork = work
    }

    deinit {
        time.deallocate()
        channel.deallocate()
        service.deallocate()
        pick.deallocate()
    }

    /// Arrival times, channels, handle times (for tests and reports; the engine reads the storage).
    public var times: [Double] { Array(UnsafeBufferPointer(start: time, count: count)) }
    public var channels: [Int32] { Array(UnsafeBufferPointer(start: channel, count: count)) }
    public var services: [Double] { Array(UnsafeBufferPointer(start: service, count: count)) }

    /// Draws a replica's leads: each stream's Poisson arrivals in its own open time, merged in
    /// time order (ties by channel), then every lead's handle time, then every lead's pick, all
    /// from one SplitMix64 stream seeded with `seed`.
    public static func draw(_ net: Network, seed: UInt64) -> Leads {
        var rng = SplitMix64(seed: seed)
        // Each stream's arrivals are already in time order: a merge, not a sort.
        var runs: [(times: [Double], channel: Int32, inWindow: Bool)] = []
        for (c, channel) in net.channels.enumerated() {
            for stream in channel.streams where stream.ratePerSecond > 0 && stream.intervals.total > 0 {
                let total = stream.intervals.total
                let mean = 1 / stream.ratePerSecond
                var cursor = stream.intervals.instantCursor
                var times: [Double] = []
                times.reserveCapacity(Int(total * stream.ratePerSecond * 1.1) + 16)
                var t = rng.nextExponential(mean: mean)
                while t < total {
                    times.append(cursor.instant(atOpenTime: t))
                    t += rng.nextExponential(mean: mean)
                }
                runs.append((times, Int32(c), stream.inWindow))
            }
        }
        let n = runs.reduce(0) { $0 + $1.times.count }
        let channels = net.channels.count
        var leadsPerChannel = Array(repeating: 0, count: channels)
        var inWindow = Array(repeating: 0, count: channels)
        var work = Array(repeating: 0.0, count: channels)
        let time = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        let channel = UnsafeMutablePointer<Int32>.allocate(capacity: max(n, 1))
        let service = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        let pick = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
        var heads = Array(repeating: 0, count: runs.count)
        for i in 0..<n {
            var best = -1
            for r in runs.indices where heads[r] < runs[r].times.count {
                if best < 0 { best = r; continue }
                let (a, b) = (runs[r].times[heads[r]], runs[best].times[heads[best]])
                if a < b || (a == b && runs[r].channel < runs[best].channel) { best = r }
            }
            time[i] = runs[best].times[heads[best]]
            channel[i] = runs[best].channel
            heads[best] += 1
            let c = Int(runs[best].channel)
            leadsPerChannel[c] += 1
            if runs[best].inWindow { inWindow[c] += 1 }
        }
        let handle = net.channels.map(\.handleSeconds)
        for i in 0..<n {
            let c = Int(channel[i])
            service[i] = rng.nextExponential(mean: handle[c])
            work[c] += service[i]
        }
        for i in 0..<n { pick[i] = rng.nextUnit() }
        return Leads(
            count: n, time: time, channel: channel, service: service, pick: pick, leads: leadsPerChannel, inWindow: inWindow,
            work: work)
    }
}
