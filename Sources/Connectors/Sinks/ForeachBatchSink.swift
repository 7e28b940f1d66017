public import Columnar

/// Spark's `foreachBatch`: hands each micro-batch's rows and batch id to a Swift closure.
///
/// The closure must itself be idempotent by batch id for exactly-once results (the seed's
/// per-state publisher keys its Kafka message by the batch's max window end, for instance).
public final class ForeachBatchSink: StreamSink {
    public let description: String
    private let body: (Int64, RecordBatch) throws -> Void

    public init(name: String = "foreachBatch", _ body: @escaping (Int64, RecordBatch) throws -> Void) {
        description = "ForeachBatchSink[\(name)]"
        self.body = body
    }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        try body(batchId, batch)
    }
}
