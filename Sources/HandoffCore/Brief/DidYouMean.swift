/// "Did you mean" suggestions by edit distance.
public enum DidYouMean {
    /// The closest candidate within a third of the word's length (at least 2 edits), if any.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        // A truncated word ('shrink' for 'shrinkage') is as good a hint as a typo.
        // So is a fragment of a longer name ('activation' for 'product-activation').
        let lower = word.lowercased()
        if word.count >= 4,
            let partial = candidates.first(where: { $0.lowercased().hasPrefix(lower) })
                ?? candidates.first(where: { $0.lowercased().contains(lower) })
        {
            return partial
        }
        let limit = max(2, word.count / 3)
        var best: (candidate: String, distance: Int)?
        let target = Array(lower)
        for candidate in candidates {
            // The distance is at least the difference in length: most candidates stop here.
            let bound = min(limit, best.map { $0.distance - 1 } ?? limit)
            guard abs(candidate.count - target.count) <= bound else { continue }
            let d = distance(target, Array(candidate.lowercased()))
            if d <= bound { best = (candidate, d) }
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or "".
    static func hint(for word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int { distance(Array(a), Array(b)) }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
