/// The known name a mistyped one most likely meant, for "did you mean …?" in messages.
enum NearestName {
    /// The name in `names` closest to `name`: equal ignoring case, `_` and `-` (`demo_directory`
    /// for `demoDirectory`), else within an edit distance of a third of its length (at least 1,
    /// at most 3), the nearest first; nil when none is that close.
    static func find(_ name: String, among names: [String]) -> String? {
        func folded(_ text: String) -> [Character] { Array(text.lowercased().filter { $0 != "_" && $0 != "-" }) }
        let wanted = folded(name)
        if let same = names.first(where: { folded($0) == wanted }) { return same }
        let limit = min(3, max(1, wanted.count / 3))
        let scored = names.map { (name: $0, distance: distance(wanted, folded($0))) }.filter { $0.distance <= limit }
        return scored.min { ($0.distance, $0.name) < ($1.distance, $1.name) }?.name
    }

    /// The Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours costs 1).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }
}
