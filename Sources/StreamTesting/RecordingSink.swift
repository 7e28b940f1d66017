public import Columnar
public import Connectors
import Synchronization

/// A sink that records every `addBatch` call, re-runs included, for exactly-once tests.
///
/// ``committedRows`` is what an idempotent sink ends up holding (the last write of each batch
/// id); ``calls`` shows how often each batch was written and with what.
public final class RecordingSink: StreamSink, Sendable {
    private let state = Mutex<[(Int64, RecordBatch)]>([])
    public let description: String

    public init(name: String = "recording") {
        description = "RecordingSink[\(name)]"
    }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) {
        state.withLock { $0.append((batchId, batch)) }
    }

    /// Every call, in order.
    public var calls: [(batchId: Int64, batch: RecordBatch)] {
        state.withLock { $0.map { (batchId: $0.0, batch: $0.1) } }
    }

    /// The rows of the last write of each batch id, by batch id.
    public var committedRows: [[Scalar]] {
        var last: [Int64: RecordBatch] = [:]
        for (id, batch) in calls { last[id] = batch }
        return last.keys.sorted().flatMap { Rows.scalars(last[$0] ?? .empty(Schema([]))) }
    }
}

/// The error a test throws from a checkpoint hook to stop a query as a crash would.
public struct SimulatedCrash: Error, CustomStringConvertible {
    public let step: String
    public let batchId: Int64

    public init(step: String, batchId: Int64) {
        self.step = step
        self.batchId = batchId
    }

    public var description: String { "simulated crash after \(step) of batch \(batchId)" }
}

/// Rows as a sorted list of their text, to compare outputs as multisets.
public func multiset(_ rows: [[Scalar]]) -> [String] {
    rows.map { $0.map(\.description).joined(separator: "|") }.sorted()
}
