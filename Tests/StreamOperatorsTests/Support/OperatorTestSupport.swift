import Columnar
import StreamOperators
import StreamTesting

/// A plan leaf for operator tests: returns the rows a test puts under its index in the batch
/// context, and declares whatever event-time bounds the test gives it (as a watermarked
/// stream or an append-mode aggregate upstream would).
final class FeedOperator: PhysicalOperator {
    let index: Int
    let outputSchema: Schema
    let eventTimeBounds: EventTimeBounds
    var name: String { "feed\(index)" }
    var children: [any PhysicalOperator] { [] }

    init(_ index: Int, _ schema: Schema, bounds: EventTimeBounds = EventTimeBounds()) {
        self.index = index
        self.outputSchema = schema
        self.eventTimeBounds = bounds
    }

    func execute(_ context: BatchContext) -> RecordBatch {
        context.inputs[index] ?? .empty(outputSchema)
    }
}

/// Runs micro-batches through one operator tree the way the runner does: the caller gives the
/// watermark in force for each batch, and rows are judged late against the previous batch's.
final class OperatorDriver {
    let root: any PhysicalOperator
    private(set) var batchId: Int64 = 0
    private var previousWatermark: Int64 = 0

    init(_ root: any PhysicalOperator) {
        self.root = root
    }

    /// One batch with `inputs` (by feed index) under `watermark` (microseconds); returns its rows.
    func run(_ inputs: [Int: RecordBatch] = [:], watermark: Int64 = 0) throws -> [[Scalar]] {
        let context = BatchContext(batchId: batchId, watermarkForLateEvents: previousWatermark,
                                   watermarkForEviction: watermark, inputs: inputs)
        let output = try root.execute(context)
        previousWatermark = watermark
        batchId += 1
        return Rows.scalars(output)
    }

    var progress: StateOperatorProgress? { root.stateProgress }
}

/// Seconds as microseconds.
func sec(_ seconds: Int64) -> Int64 { seconds * 1_000_000 }

/// A timestamp scalar at `seconds`.
func at(_ seconds: Int64) -> Scalar { Rows.seconds(seconds) }

/// The `window` struct scalar `{start, end}` in seconds.
func window(_ start: Int64, _ end: Int64) -> Scalar { .structure([at(start), at(end)]) }

/// Rows in a stable order, so tests do not depend on hash order of groups.
func sorted(_ rows: [[Scalar]]) -> [[Scalar]] {
    rows.sorted { $0.map(\.description).joined(separator: "|") < $1.map(\.description).joined(separator: "|") }
}
