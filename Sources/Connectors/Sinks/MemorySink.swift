public import Columnar
import Synchronization

/// Keeps every batch in memory: the sink for tests and for small interactive results.
///
/// Idempotent by batch id: a batch id it already holds is replaced, not appended, so a
/// re-run batch after a crash leaves the same content.
public final class MemorySink: StreamSink, Sendable {
    private let state = Mutex<[(Int64, RecordBatch)]>([])
    public let description: String

    public init(name: String = "memory") {
        description = "MemorySink[\(name)]"
    }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) {
        state.withLock { batches in
            batches.removeAll { $0.0 == batchId }
            batches.append((batchId, batch))
        }
    }

    /// The batches received, in batch-id order.
    public var batches: [(batchId: Int64, batch: RecordBatch)] {
        state.withLock { $0.sorted { $0.0 < $1.0 }.map { (batchId: $0.0, batch: $0.1) } }
    }

    /// Every row received, as one batch of `schema`.
    public func allRows(schema: Schema) -> RecordBatch {
        RecordBatch.concatenate(batches.map(\.batch), schema: schema)
    }

    /// The number of rows received.
    public var rowCount: Int { batches.reduce(0) { $0 + $1.batch.rowCount } }
}
