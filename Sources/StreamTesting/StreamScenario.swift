public import Columnar
public import Connectors
public import StreamExecution
public import StreamPlan

/// Drives a streaming query batch by batch in a test: add data, run a batch, look at what
/// the sink received and at the progress.
///
/// ```swift
/// let scenario = try StreamScenario(dataFrame, mode: .append)
/// source.addData(...)
/// let out = try scenario.runBatch()        // rows the sink got from that batch
/// ```
public final class StreamScenario {
    public let query: StreamingQuery
    public let sink: MemorySink

    public init(_ dataFrame: DataFrame, configuration: StreamingQueryConfiguration = .init(readLimit: .maxFiles(1))) throws {
        sink = MemorySink(name: "scenario")
        query = try StreamingQuery(dataFrame, sink: sink, configuration: configuration)
    }

    /// Runs one batch; returns the rows it emitted, or nil when no batch was due.
    @discardableResult
    public func runBatch() throws -> [[Scalar]]? {
        let before = query.nextBatchId
        guard try query.runBatch(limit: query.configuration.readLimit) else { return nil }
        let batch = sink.batches.first { $0.batchId == before }?.batch
        return batch.map(Rows.scalars) ?? []
    }

    /// Runs batches until none is due; returns all rows emitted.
    public func runUntilIdle() throws -> [[Scalar]] {
        var rows: [[Scalar]] = []
        while let batch = try runBatch() { rows += batch }
        return rows
    }

    /// The last batch's progress.
    public var lastProgress: QueryProgress? { query.recentProgress.last }
}
