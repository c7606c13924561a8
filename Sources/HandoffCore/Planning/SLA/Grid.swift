/// Figures per channel and pod of a group of pods, read `grid[channel, pod]`: a pod that serves
/// several channels is judged per channel (SPEC §2.3).
struct Grid<Element> {
    let channels: Int
    let pods: Int
    private var storage: [Element]

    init(channels: Int, pods: Int, repeating value: Element) {
        self.channels = channels
        self.pods = pods
        storage = Array(repeating: value, count: channels * pods)
    }

    subscript(channel: Int, pod: Int) -> Element {
        get { storage[channel * pods + pod] }
        set { storage[channel * pods + pod] = newValue }
    }

    /// The channels with figures at pod `p` (some leads in some replica).
    func channels(of p: Int, where included: (Element) -> Bool) -> [Int] {
        (0..<channels).filter { included(self[$0, p]) }
    }
}

extension Grid: Sendable where Element: Sendable {}
