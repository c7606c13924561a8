/// The engine's growable buffers and heaps, in manually managed memory: they are touched on
/// every simulated event, and Swift arrays nested in arrays pay a uniqueness check and a retain
/// at each level. Each is freed by its owner (`free()`), never copied.

/// What a raw heap orders by.
protocol HeapOrdered {
    static func before(_ a: Self, _ b: Self) -> Bool
}

/// The two sifts of a binary min-heap in manually managed memory, shared by every heap here.
/// Both move a hole instead of swapping; the comparisons are the textbook ones.
enum RawHeap {
    /// Adds `e` to the heap of `count` items at `items` (room for one more is the caller's).
    @inline(__always)
    static func push<T: HeapOrdered>(_ e: T, into items: UnsafeMutablePointer<T>, count: Int) {
        var i = count
        while i > 0 {
            let parent = (i - 1) >> 1
            guard T.before(e, items[parent]) else { break }
            items[i] = items[parent]
            i = parent
        }
        items[i] = e
    }

    /// Removes the smallest of `count` items and returns it; the heap then holds `count - 1`.
    @inline(__always)
    static func pop<T: HeapOrdered>(_ items: UnsafeMutablePointer<T>, count: Int) -> T {
        let top = items[0]
        let n = count - 1
        guard n > 0 else { return top }
        let last = items[n]
        var i = 0
        while true {
            let l = 2 * i + 1
            guard l < n else { break }
            let r = l + 1
            let m = r < n && T.before(items[r], items[l]) ? r : l
            guard T.before(items[m], last) else { break }
            items[i] = items[m]
            i = m
        }
        items[i] = last
        return top
    }
}

/// A simulation event: a rep becomes free, a shift opens, a lead's SLA runs out.
struct Event: HeapOrdered {
    static let repFree: UInt8 = 0
    static let shiftOpens: UInt8 = 1
    static let deadline: UInt8 = 2

    var time: Double
    var kind: UInt8
    var id: Int32
    /// For deadlines: how many SLAs have passed.
    var lap: Int32

    /// By time; ties in order of kind, then id, so runs repeat.
    @inline(__always)
    static func before(_ a: Event, _ b: Event) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.kind != b.kind { return a.kind < b.kind }
        return a.id < b.id
    }
}

/// A binary min-heap of events.
struct EventHeap {
    private(set) var items: UnsafeMutablePointer<Event>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        items = .allocate(capacity: self.capacity)
    }

    func free() { items.deallocate() }

    var isEmpty: Bool { count == 0 }
    var peekTime: Double { count > 0 ? items[0].time : .infinity }
    var peek: Event { items[0] }

    @inline(__always)
    mutating func push(_ e: Event) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: items, count: count)
            items.deallocate()
            items = bigger
            capacity *= 2
        }
        RawHeap.push(e, into: items, count: count)
        count += 1
    }

    @inline(__always)
    mutating func pop() -> Event {
        let top = RawHeap.pop(items, count: count)
        count -= 1
        return top
    }
}

/// A lead waiting in a queue: most urgent first (smallest priority; ties by lead order).
struct QueueEntry: HeapOrdered {
    var priority: Double
    var lead: Int32
    var version: Int32

    @inline(__always)
    static func before(_ a: QueueEntry, _ b: QueueEntry) -> Bool {
        a.priority < b.priority || (a.priority == b.priority && a.lead < b.lead)
    }
}

/// Many small min-heaps of waiting leads (one per rep, one per pod), each a growable block.
struct QueueSet {
    private var base: UnsafeMutablePointer<UnsafeMutablePointer<QueueEntry>?>
    private var counts: UnsafeMutablePointer<Int32>
    private var capacities: UnsafeMutablePointer<Int32>
    let queues: Int

    init(queues: Int) {
        self.queues = queues
        base = .allocate(capacity: max(1, queues))
        base.initialize(repeating: nil, count: max(1, queues))
        counts = .allocate(capacity: max(1, queues))
        counts.initialize(repeating: 0, count: max(1, queues))
        capacities = .allocate(capacity: max(1, queues))
        capacities.initialize(repeating: 0, count: max(1, queues))
    }

    func free() {
        for q in 0..<queues { base[q]?.deallocate() }
        base.deallocate()
        counts.deallocate()
        capacities.deallocate()
    }

    @inline(__always) func isEmpty(_ q: Int) -> Bool { counts[q] == 0 }
    @inline(__always) func peek(_ q: Int) -> QueueEntry { base[q].unsafelyUnwrapped[0] }

    @inline(__always)
    mutating func push(_ q: Int, _ e: QueueEntry) {
        let n = Int(counts[q])
        if n == Int(capacities[q]) {
            let capacity = max(8, 2 * n)
            let bigger = UnsafeMutablePointer<QueueEntry>.allocate(capacity: capacity)
            if let old = base[q] {
                bigger.moveInitialize(from: old, count: n)
                old.deallocate()
            }
            base[q] = bigger
            capacities[q] = Int32(capacity)
        }
        RawHeap.push(e, into: base[q].unsafelyUnwrapped, count: n)
        counts[q] = Int32(n + 1)
    }

    @inline(__always)
    mutating func pop(_ q: Int) -> QueueEntry {
        let n = Int(counts[q])
        counts[q] = Int32(n - 1)
        return RawHeap.pop(base[q].unsafelyUnwrapped, count: n)
    }
}

/// Every lead's first deadline, kept out of the event heap. Within one channel and pod,
/// deadlines never decrease with arrival (the same SLA on the same calendar), so each lane is a
/// list read from the front, and a small heap holds only each lane's first entry.
struct DeadlineLanes {
    private struct Head: HeapOrdered {
        var time: Double
        var lead: Int32
        var lane: Int32

        /// The order one event heap would give: by time, then lead.
        @inline(__always)
        static func before(_ a: Head, _ b: Head) -> Bool { a.time < b.time || (a.time == b.time && a.lead < b.lead) }
    }

    private let lanes: Int
    /// All lanes' entries in one block: lane `l` holds `start[l] ..< start[l] + written[l]`.
    private let times: UnsafeMutablePointer<Double>
    private let leads: UnsafeMutablePointer<Int32>
    private let start: UnsafeMutablePointer<Int>
    private let written: UnsafeMutablePointer<Int>
    private let next: UnsafeMutablePointer<Int>
    private var heads: UnsafeMutablePointer<Head>
    private var headCount = 0

    /// `capacity[l]`: the most entries lane `l` can take (its leads).
    init(capacity: [Int]) {
        lanes = capacity.count
        let total = capacity.reduce(0, +)
        times = .allocate(capacity: max(1, total))
        leads = .allocate(capacity: max(1, total))
        start = .allocate(capacity: max(1, lanes))
        written = .allocate(capacity: max(1, lanes))
        next = .allocate(capacity: max(1, lanes))
        heads = .allocate(capacity: max(1, lanes))
        var offset = 0
        for l in 0..<lanes {
            start[l] = offset
            written[l] = 0
            next[l] = 0
            offset += capacity[l]
        }
    }

    func free() {
        times.deallocate()
        leads.deallocate()
        start.deallocate()
        written.deallocate()
        next.deallocate()
        heads.deallocate()
    }

    var isEmpty: Bool { headCount == 0 }
    var peekTime: Double { headCount > 0 ? heads[0].time : .infinity }
    var peekLead: Int32 { headCount > 0 ? heads[0].lead : .max }

    /// Adds a lead at the back of its lane; false when its deadline is earlier than the lane's
    /// last still waiting (the caller then keeps it in the event heap).
    @inline(__always)
    mutating func append(_ lead: Int32, at time: Double, lane: Int) -> Bool {
        let w = written[lane]
        if w > next[lane], times[start[lane] + w - 1] > time { return false }
        times[start[lane] + w] = time
        leads[start[lane] + w] = lead
        written[lane] = w + 1
        if next[lane] == w { pushHead(Head(time: time, lead: lead, lane: Int32(lane))) }
        return true
    }

    /// Takes the earliest deadline's lead.
    @inline(__always)
    mutating func pop() -> Int32 {
        let head = popHead()
        let lane = Int(head.lane)
        next[lane] += 1
        if next[lane] < written[lane] {
            let k = start[lane] + next[lane]
            pushHead(Head(time: times[k], lead: leads[k], lane: head.lane))
        }
        return head.lead
    }

    @inline(__always)
    private mutating func pushHead(_ e: Head) {
        RawHeap.push(e, into: heads, count: headCount)
        headCount += 1
    }

    @inline(__always)
    private mutating func popHead() -> Head {
        let top = RawHeap.pop(heads, count: headCount)
        headCount -= 1
        return top
    }
}
