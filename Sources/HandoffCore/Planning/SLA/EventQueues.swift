/// What a binary heap orders by.
protocol HeapOrdered: Sendable {
    static func before(_ a: Self, _ b: Self) -> Bool
}

/// A binary min-heap: the simulation's event list and every rep's and pod's queue.
struct BinaryHeap<Element: HeapOrdered>: Sendable {
    private var items: [Element] = []

    var isEmpty: Bool { items.isEmpty }
    var peek: Element? { items.first }

    // Both sifts move a hole instead of swapping, over the buffer without bounds or uniqueness
    // checks: the heaps are read on every simulated event. The comparisons are the textbook
    // ones, so elements come out in exactly the same order as a swapping heap gives.
    mutating func push(_ e: Element) {
        items.append(e)
        items.withUnsafeMutableBufferPointer { buffer in
            var i = buffer.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard Element.before(e, buffer[parent]) else { break }
                buffer[i] = buffer[parent]
                i = parent
            }
            buffer[i] = e
        }
    }

    mutating func pop() -> Element {
        let top = items[0]
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var i = 0
            while true {
                let l = 2 * i + 1
                guard l < count else { break }
                let r = l + 1
                let m = r < count && Element.before(buffer[r], buffer[l]) ? r : l
                guard Element.before(buffer[m], last) else { break }
                buffer[i] = buffer[m]
                i = m
            }
            buffer[i] = last
        }
        return top
    }
}

/// A simulation event: a rep becomes free, a pod opens, a lead's SLA runs out.
struct Event: HeapOrdered {
    enum Kind: UInt8, Sendable {
        case repFree, podOpens, deadline
    }

    var time: Double
    var kind: Kind
    var id: Int32
    /// For deadlines: how many SLAs have passed.
    var lap: Int32

    /// By time; ties in order of kind, then id, so runs repeat.
    static func before(_ a: Event, _ b: Event) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.id < b.id
    }
}

/// The events still to come.
struct EventQueue: Sendable {
    private var heap = BinaryHeap<Event>()
    var isEmpty: Bool { heap.isEmpty }
    var peekTime: Double { heap.peek?.time ?? .infinity }
    var peekKind: Event.Kind? { heap.peek?.kind }
    var peekID: Int32 { heap.peek?.id ?? .max }
    mutating func push(_ e: Event) { heap.push(e) }
    mutating func pop() -> Event { heap.pop() }
}

/// Leads waiting in one queue, most urgent first (smallest priority; ties by lead order).
struct PriorityQueue: Sendable {
    struct Entry: HeapOrdered {
        var priority: Double
        var lead: Int32
        var version: Int32

        static func before(_ a: Entry, _ b: Entry) -> Bool { a.priority < b.priority || (a.priority == b.priority && a.lead < b.lead) }
    }

    private var heap = BinaryHeap<Entry>()
    var isEmpty: Bool { heap.isEmpty }
    var peek: Entry? { heap.peek }
    mutating func push(_ priority: Double, lead: Int32, version: Int32) {
        heap.push(Entry(priority: priority, lead: lead, version: version))
    }
    mutating func pop() -> Entry { heap.pop() }
}

/// Every lead's first deadline, kept out of the event heap. Within one channel and pod,
/// deadlines never decrease with arrival (the same SLA on the same calendar), so each such lane
/// is a list read from the front, and a small heap holds only each lane's first entry: pushing
/// and popping cost the log of the lanes, not of every lead still waiting.
struct DeadlineLanes: Sendable {
    private struct Head: HeapOrdered {
        var time: Double
        var lead: Int32
        var lane: Int32

        /// The order one event heap would give: by time, then lead.
        static func before(_ a: Head, _ b: Head) -> Bool { a.time < b.time || (a.time == b.time && a.lead < b.lead) }
    }

    /// One lead in a lane, with its deadline.
    private struct Entry: Sendable {
        var time: Double
        var lead: Int32
    }

    private var lanes: [[Entry]]
    private var next: [Int]
    private var heads = BinaryHeap<Head>()

    init(lanes count: Int) {
        lanes = Array(repeating: [], count: count)
        next = Array(repeating: 0, count: count)
    }

    var isEmpty: Bool { heads.isEmpty }
    var peekTime: Double { heads.peek?.time ?? .infinity }
    var peekLead: Int32 { heads.peek?.lead ?? .max }

    /// Adds a lead at the back of its lane; false when its deadline is earlier than the lane's
    /// last (then the caller keeps it in the event heap).
    mutating func append(_ lead: Int32, at time: Double, lane: Int) -> Bool {
        if let last = lanes[lane].last, next[lane] < lanes[lane].count, last.time > time { return false }
        lanes[lane].append(Entry(time: time, lead: lead))
        if next[lane] == lanes[lane].count - 1 { heads.push(Head(time: time, lead: lead, lane: Int32(lane))) }
        return true
    }

    /// Takes the earliest deadline's lead.
    mutating func pop() -> Int32 {
        let head = heads.pop()
        let lane = Int(head.lane)
        next[lane] += 1
        if next[lane] < lanes[lane].count {
            let entry = lanes[lane][next[lane]]
            heads.push(Head(time: entry.time, lead: entry.lead, lane: head.lane))
        }
        return head.lead
    }
}
