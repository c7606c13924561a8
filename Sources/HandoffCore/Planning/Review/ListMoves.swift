/// Which items of a list changed place between two orders, as a reader would say it: the fewest
/// moves (the items outside a longest common subsequence of the two orders), each with its
/// 1-based positions in the full lists and the items whose order relative to it changed.
public enum ListMoves {
    /// One item that moved.
    public struct Move: Sendable, Hashable {
        public var item: String
        public var from: Int
        public var to: Int
        /// The items it now comes before that it came after, or the other way round.
        public var passed: [String]
    }

    public static func moves(from before: [String], to after: [String]) -> [Move] {
        let beforeSet = Set(before), afterSet = Set(after)
        let commonBefore = before.filter(afterSet.contains), commonAfter = after.filter(beforeSet.contains)
        guard commonBefore != commonAfter else { return [] }
        let staying = Set(longestCommonSubsequence(commonBefore, commonAfter))
        let was = Dictionary(commonBefore.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(commonAfter.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return commonAfter.filter { !staying.contains($0) }.map { item in
            let passed = commonAfter.filter { other in
                other != item && ((was[other] ?? 0) < (was[item] ?? 0)) != ((now[other] ?? 0) < (now[item] ?? 0))
            }
            return Move(
                item: item, from: (before.firstIndex(of: item) ?? 0) + 1, to: (after.firstIndex(of: item) ?? 0) + 1, passed: passed)
        }
    }

    static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> [String] {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                out.append(a[i])
                i += 1
                j += 1
            } else if table[i][j + 1] >= table[i + 1][j] {
                // On a tie keep the old order's item: the one that jumped ahead is reported.
                j += 1
            } else {
                i += 1
            }
        }
        return out
    }
}
