public import Columnar
public import Connectors

/// The sink of one stage of a built-in pipeline: hands each batch to the stage's writers (each
/// idempotent by batch id) and counts the rows this process wrote, a re-run batch once.
public final class StageSink: StreamSink {
    public let description: String
    private let write: (Int64, RecordBatch) throws -> Void
    private var rowsByBatch: [Int64: Int] = [:]

    /// - Parameters:
    ///   - name: the stage, for progress reports.
    ///   - write: writes one batch to every output of the stage.
    public init(name: String, write: @escaping (Int64, RecordBatch) throws -> Void) {
        description = "StageSink[\(name)]"
        self.write = write
    }

    /// Rows of the batches written by this process.
    public var rowsWritten: Int { rowsByBatch.values.reduce(0, +) }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        try write(batchId, batch)
        rowsByBatch[batchId] = batch.rowCount
    }
}
