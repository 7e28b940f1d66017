/// Spark's `approxQuantile` answer over values it holds exactly.
///
/// Spark 3+'s `QuantileSummaries.query(q)` returns the first sample whose rank range lies
/// within `targetError = max(g + Δ) / 2` (integer division) of the target rank `ceil(q · n)`.
/// While a summary holds every value (each sample with `g = 1`, `Δ = 0`), `targetError` is 0
/// and the answer is exactly the value of rank `ceil(q · n)`: the lower median for an even
/// count (the median of 1, 2, 3, 4 is 2). Quantiles within `relativeError` of 0 or 1 are the
/// minimum or maximum. Spark compresses summaries past 10,000 values per partition and merges
/// partitions, so on large data its answer can differ from this exact one by at most
/// `relativeError · n` ranks, the bound it guarantees.
enum ApproximateQuantile {
    /// The `quantile` of `sorted` (ascending, non-empty) as Spark's query picks it.
    static func query(_ sorted: [Double], quantile: Double, relativeError: Double) -> Double {
        precondition(!sorted.isEmpty, "a quantile needs at least one value")
        if quantile <= relativeError { return sorted[0] }
        if quantile >= 1 - relativeError { return sorted[sorted.count - 1] }
        let rank = Int((quantile * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
