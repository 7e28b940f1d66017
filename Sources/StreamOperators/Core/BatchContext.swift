public import Columnar

/// What one micro-batch's execution knows: its id, its watermarks and its input rows.
///
/// Two watermarks are in play, as in Spark 3.4+: rows are judged late against the watermark
/// of the previous batch (``watermarkForLateEvents``), while state is emitted and evicted with
/// the watermark in force for this batch (``watermarkForEviction``). Both are microseconds
/// since the epoch; before any data they are 0 (1970-01-01).
public struct BatchContext: Sendable {
    public let batchId: Int64
    public let watermarkForLateEvents: Int64
    public let watermarkForEviction: Int64
    /// The rows each source contributes to this batch, by source index.
    public let inputs: [Int: RecordBatch]
    /// When the runner read sources split by partition (``Connectors/StreamSource/readSplits(from:to:count:)``):
    /// each source's rows by partition, instead of ``inputs``.
    public let partitionInputs: [Int: [RecordBatch]]
    /// Which of the query's ``partitionCount`` partitions runs this copy of the plan. A source
    /// scan reads its share of each source's rows (see ``PartitionSlice``); operators above an
    /// exchange see the rows whose keys hash to this partition.
    public let partition: Int
    /// How many partitions the query runs (Spark's `spark.sql.shuffle.partitions`); 1 runs the
    /// whole batch in one plan.
    public let partitionCount: Int
    /// When the batch started, microseconds since the epoch (Spark's `batchTimestampMs`, kept in
    /// the offsets log so a re-run batch has the same): the arrival time of its rows.
    public let batchTimestamp: Int64

    public init(batchId: Int64, watermarkForLateEvents: Int64, watermarkForEviction: Int64, inputs: [Int: RecordBatch],
                partitionInputs: [Int: [RecordBatch]] = [:], partition: Int = 0, partitionCount: Int = 1,
                batchTimestamp: Int64 = 0) {
        precondition(partitionCount >= 1 && (0..<partitionCount).contains(partition), "partition \(partition) of \(partitionCount)")
        self.batchId = batchId
        self.watermarkForLateEvents = watermarkForLateEvents
        self.watermarkForEviction = watermarkForEviction
        self.inputs = inputs
        self.partitionInputs = partitionInputs
        self.partition = partition
        self.partitionCount = partitionCount
        self.batchTimestamp = batchTimestamp
    }

    /// The same batch as seen by partition `partition`.
    public func forPartition(_ partition: Int) -> BatchContext {
        BatchContext(batchId: batchId, watermarkForLateEvents: watermarkForLateEvents, watermarkForEviction: watermarkForEviction,
                     inputs: inputs, partitionInputs: partitionInputs, partition: partition, partitionCount: partitionCount,
                     batchTimestamp: batchTimestamp)
    }

    /// This partition's rows of source `index` (nil when the source has no rows in this batch).
    public func sourceRows(_ index: Int) -> RecordBatch? {
        if let splits = partitionInputs[index] { return splits[partition] }
        guard let input = inputs[index] else { return nil }
        guard partitionCount > 1 else { return input }
        return input.slice(PartitionSlice.rows(of: input.rowCount, partition: partition, count: partitionCount))
    }

    /// The index in source `index`'s whole batch of this partition's first row.
    public func firstSourceRow(_ index: Int) -> Int {
        if let splits = partitionInputs[index] { return splits[..<partition].reduce(0) { $0 + $1.rowCount } }
        guard partitionCount > 1, let input = inputs[index] else { return 0 }
        return PartitionSlice.rows(of: input.rowCount, partition: partition, count: partitionCount).lowerBound
    }
}
