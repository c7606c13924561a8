/// Nearest-rank quantiles by selection (average linear time; the values get reordered).
enum Quantile {
    static func rank(_ p: Double, _ count: Int) -> Int { min(count - 1, max(0, Int((p * Double(count)).rounded(.up)) - 1)) }

    static func select(_ values: inout [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = rank(p, values.count)
        var lo = 0
        var hi = values.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            let pivot = Swift.max(Swift.min(values[lo], values[mid]), Swift.min(Swift.max(values[lo], values[mid]), values[hi]))
            var i = lo
            var j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j { hi = j } else if rank >= i { lo = i } else { return values[rank] }
        }
        return values[rank]
    }
}
