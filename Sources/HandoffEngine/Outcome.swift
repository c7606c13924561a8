/// What one replica's routing did, counted per channel and pod, and, when asked, lead by lead.
public struct Outcome: Sendable {
    public let pods: Int
    public let channels: Int
    /// Per channel and pod (`channel * pods + pod`): the channel's leads first assigned to the
    /// pod, and how many of them were touched within their SLA.
    public var cellLeads: [Int32]
    public var cellMet: [Int32]
    /// Per channel: every lead, including those no pod could take, and those met.
    public var channelLeads: [Int32]
    public var channelMet: [Int32]
    /// Per lead, when collected: the pod it was first assigned to (-1: none) and its time to
    /// first touch in seconds of its channel's clock (working seconds on the business clock;
    /// infinity: never touched).
    public var home: [Int32]
    public var waits: [Double]

    init(pods: Int, channels: Int) {
        self.pods = pods
        self.channels = channels
        cellLeads = Array(repeating: 0, count: pods * channels)
        cellMet = Array(repeating: 0, count: pods * channels)
        channelLeads = Array(repeating: 0, count: channels)
        channelMet = Array(repeating: 0, count: channels)
        home = []
        waits = []
    }

    /// The counts alone, without the lead-by-lead arrays (what a memo of runs keeps).
    public var counts: Outcome {
        var copy = self
        copy.home = []
        copy.waits = []
        return copy
    }

    /// The pod's leads over all its channels, and those met.
    public func podLeads(_ p: Int) -> (leads: Int, met: Int) {
        var leads = 0
        var met = 0
        for c in 0..<channels {
            leads += Int(cellLeads[c * pods + p])
            met += Int(cellMet[c * pods + p])
        }
        return (leads, met)
    }
}
