/// Per-batch facts about one stateful operator, named as in Spark's `StateOperatorProgress`.
public struct StateOperatorProgress: Sendable, Hashable {
    public var operatorName: String
    /// Rows (groups, buffered join rows) held after the batch.
    public var numRowsTotal: Int = 0
    /// Rows added or changed by the batch.
    public var numRowsUpdated: Int = 0
    /// Rows removed by watermark eviction in the batch.
    public var numRowsRemoved: Int = 0
    /// Input rows dropped because they were behind the watermark.
    public var numRowsDroppedByWatermark: Int = 0
    /// An estimate of the state's memory.
    public var memoryUsedBytes: Int = 0
    /// How many partitions hold this operator's state (Spark's `numShufflePartitions`).
    public var numShufflePartitions: Int = 1

    public init(operatorName: String) {
        self.operatorName = operatorName
    }

    /// One operator's progress over all its partitions: counts summed, or nil for none.
    public static func merging(_ partitions: [StateOperatorProgress]) -> StateOperatorProgress? {
        guard var total = partitions.first else { return nil }
        for part in partitions.dropFirst() {
            total.numRowsTotal += part.numRowsTotal
            total.numRowsUpdated += part.numRowsUpdated
            total.numRowsRemoved += part.numRowsRemoved
            total.numRowsDroppedByWatermark += part.numRowsDroppedByWatermark
            total.memoryUsedBytes += part.memoryUsedBytes
        }
        total.numShufflePartitions = partitions.count
        return total
    }
}
