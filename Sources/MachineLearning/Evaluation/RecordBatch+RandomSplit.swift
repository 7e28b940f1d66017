public import Columnar

extension RecordBatch {
    /// Splits the rows at random into parts of about the given relative `weights` (Spark's
    /// `randomSplit`): the same seed and batch always give the same parts.
    ///
    /// Row *i* draws the *i*-th number of a SplitMix64 stream seeded with `seed` and goes to
    /// the part whose share of the cumulative weights holds it; rows keep their order within a
    /// part. Spark draws per partition after a local sort, so its parts differ from these for
    /// the same seed; the sizes follow the same law.
    ///
    /// ```swift
    /// let parts = batch.randomSplit([0.8, 0.2], seed: 42)   // train, test
    /// ```
    public func randomSplit(_ weights: [Double], seed: UInt64) -> [RecordBatch] {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 } && weights.reduce(0, +) > 0,
                     "randomSplit needs non-negative weights with a positive sum")
        let total = weights.reduce(0, +)
        var bounds: [Double] = []
        var running = 0.0
        for weight in weights {
            running += weight / total
            bounds.append(running)
        }
        var generator = SplitMix64(seed: seed)
        var masks = Array(repeating: Array(repeating: false, count: rowCount), count: weights.count)
        for row in 0..<rowCount {
            let u = Double(generator.next() >> 11) * 0x1p-53
            let part = bounds.firstIndex { u < $0 } ?? weights.count - 1
            masks[part][row] = true
        }
        return masks.map { filter($0) }
    }
}

/// Steele, Lea and Flood's SplitMix64: a small, fast, well-mixed seeded generator.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
