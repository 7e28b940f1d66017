/// The nearest known name to a misspelt one, by edit distance (Levenshtein, case-insensitive).
enum NameSuggestion {
    /// The closest of `candidates` to `name`, when it is close enough to be a plausible typo
    /// (at most a third of the name's length in edits, and at least one).
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if best == nil || d < best?.distance ?? .max { best = (candidate, d) }
        }
        guard let best, best.distance <= max(1, target.count / 3) else { return nil }
        return best.name
    }

    /// `; did you mean `x`?` or nothing.
    static func hint(for name: String, in candidates: [String]) -> String {
        nearest(to: name, in: candidates).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// `; did you mean `x`?` or `.`, to end a sentence before more detail.
    static func sentence(for name: String, in candidates: [String]) -> String {
        nearest(to: name, in: candidates).map { "; did you mean `\($0)`?" } ?? "."
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
