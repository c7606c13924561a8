/// A binary min-heap of per-rep free times: the earliest-free rep is always at the top.
struct MinHeap: Sendable {
    private var items: [Double]

    init(repeating value: Double, count: Int) { items = Array(repeating: value, count: max(1, count)) }

    var min: Double { items[0] }

    /// Replaces the smallest value and restores the heap order.
    mutating func replaceMin(with value: Double) {
        items[0] = value
        var i = 0
        let n = items.count
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var smallest = i
            if l < n, items[l] < items[smallest] { smallest = l }
            if r < n, items[r] < items[smallest] { smallest = r }
            if smallest == i { return }
            items.swapAt(i, smallest)
            i = smallest
        }
    }
}
