/// A fixed set of values with relative weights, drawn from in proportion to their weights.
///
/// The catalogues of the generators (payment modes, account types, browsers…) are weighted
/// tables built once; a draw is one uniform double and a linear scan over the cumulative
/// weights, which for a dozen entries is faster than a binary search.
public struct WeightedTable<Value: Sendable>: Sendable {
    /// The values in their declared order.
    public let values: [Value]
    private let cumulative: [Double]
    private let total: Double

    /// A table of `(value, weight)` pairs; weights must be positive and the list non-empty.
    public init(_ entries: [(Value, Double)]) {
        precondition(!entries.isEmpty, "a weighted table needs at least one entry")
        values = entries.map(\.0)
        var sum = 0.0
        cumulative = entries.map { entry in
            sum += entry.1
            return sum
        }
        total = sum
    }

    /// One value, chosen with probability weight / total.
    public func draw(_ random: inout SeededRandom) -> Value {
        let x = random.unit() * total
        for (index, bound) in cumulative.enumerated() where x < bound { return values[index] }
        return values[values.count - 1]
    }
}
