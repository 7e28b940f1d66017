import Columnar
import Connectors
import StreamTesting
import Synchronization

/// A transient or permanent failure, as a sink's backend would report it.
struct Outage: TransientFailure, CustomStringConvertible {
    var isTransient: Bool
    var description: String { isTransient ? "connection refused" : "document rejected" }
}

/// A sink that fails the first writes of chosen batches with scripted errors, then succeeds,
/// recording every attempt (failed ones included) with its batch id and rows.
final class FlakySink: StreamSink, Sendable {
    private struct State {
        var script: [Int64: [any Error]]
        var alwaysFailing: [Int64: any Error]
        var attempts: [(batchId: Int64, rows: [[Scalar]], succeeded: Bool)] = []
    }

    private let state: Mutex<State>
    let description = "FlakySink"

    /// - Parameters:
    ///   - script: for a batch id, the errors its successive writes throw before one succeeds.
    ///   - alwaysFailing: batch ids whose every write throws this error.
    init(script: [Int64: [any Error]] = [:], alwaysFailing: [Int64: any Error] = [:]) {
        state = Mutex(State(script: script, alwaysFailing: alwaysFailing))
    }

    func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        let rows = Rows.scalars(batch)
        let failure: (any Error)? = state.withLock { state in
            var failure = state.alwaysFailing[batchId]
            if failure == nil, var errors = state.script[batchId], !errors.isEmpty {
                failure = errors.removeFirst()
                state.script[batchId] = errors
            }
            state.attempts.append((batchId, rows, failure == nil))
            return failure
        }
        if let failure { throw failure }
    }

    /// Every write, in order.
    var attempts: [(batchId: Int64, rows: [[Scalar]], succeeded: Bool)] { state.withLock { $0.attempts } }

    /// The rows of every successful write, batch by batch.
    var committedRows: [[Scalar]] { attempts.filter(\.succeeded).flatMap(\.rows) }
}
