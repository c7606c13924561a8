/// A simulation event: a rep becomes free, a pod opens, a lead's SLA runs out.
struct Event: Sendable {
    enum Kind: UInt8, Sendable {
        case repFree, podOpens, deadline
    }

    var time: Double
    var kind: Kind
    var id: Int32
    /// For deadlines: how many SLAs have passed.
    var lap: Int32
}

/// A binary min-heap of events by time (ties: in order of kind, then id, so runs repeat).
struct EventQueue: Sendable {
    private var items: [Event] = []

    var isEmpty: Bool { items.isEmpty }
    var peekTime: Double { items[0].time }

    static func before(_ a: Event, _ b: Event) -> Bool {
        if a.time != b.time { return a.time < b.time }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.id < b.id
    }

    mutating func push(_ e: Event) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Event {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < items.count, Self.before(items[l], items[m]) { m = l }
                if r < items.count, Self.before(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}

/// Leads waiting in one queue, most urgent first (smallest priority; ties by lead order).
struct PriorityQueue: Sendable {
    struct Entry: Sendable {
        var priority: Double
        var lead: Int32
        var version: Int32
    }

    private var items: [Entry] = []

    var isEmpty: Bool { items.isEmpty }
    var peek: Entry? { items.first }

    static func before(_ a: Entry, _ b: Entry) -> Bool { a.priority < b.priority || (a.priority == b.priority && a.lead < b.lead) }

    mutating func push(_ priority: Double, lead: Int32, version: Int32) {
        items.append(Entry(priority: priority, lead: lead, version: version))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Entry {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var m = i
                if l < items.count, Self.before(items[l], items[m]) { m = l }
                if r < items.count, Self.before(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
