/// Which rows of a stateful aggregation a batch emits, as in Spark.
public enum OutputMode: String, Sendable, Hashable, CaseIterable {
    /// A group is emitted once, final, when the watermark passes its window's end.
    case append
    /// Every group changed by the batch is emitted with its current value.
    case update
    /// Every group is emitted after every batch (state is never evicted).
    case complete
}
