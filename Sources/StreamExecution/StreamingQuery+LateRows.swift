import Columnar
import Connectors
import StreamOperators
import StreamPlan

/// The late-rows side output (``StreamingQueryConfiguration/lateRowsDirectory``) and the
/// event-time guard (``StreamingQueryConfiguration/maxEventTimeSkew``).
extension StreamingQuery {
    /// Turns on keeping dropped rows and the event-time guard in every partition's operators.
    func configureLateRows() {
        let keeps = configuration.lateRowsDirectory != nil
        for partitions in plan.operators(of: (any LateRowReporting).self) {
            for op in partitions {
                var reporting = op
                reporting.keepsLateRows = keeps
            }
        }
        guard let skew = configuration.maxEventTimeSkew else { return }
        let micros = Self.microseconds(skew)
        for op in watermarkOperators.joined() { op.maxEventTimeSkew = micros }
    }

    /// The rows every operator set aside in this batch, written to `DIR/batch-N.jsonl`
    /// (atomically, so a re-run batch replaces its file); returns how many rows were written.
    func writeLateRows(batchId: Int64) throws -> Int {
        guard let directory = configuration.lateRowsDirectory else { return 0 }
        // Operator by operator, partition by partition: a stable order for the same input.
        let kept = plan.operators(of: (any LateRowReporting).self).flatMap { $0.flatMap { $0.drainLateRows() } }
        let count = kept.reduce(0) { $0 + $1.rows.rowCount }
        guard count > 0 else { return 0 }
        var bytes: [UInt8] = []
        for rows in kept { JSONLinesEncoder.encode(LateRowsFormat.lines(rows, batchId: batchId), into: &bytes) }
        do {
            try FileSystem.createDirectory(directory)
            try FileSystem.writeAtomically(bytes, to: "\(directory)/batch-\(batchId).jsonl")
        } catch {
            throw QueryError(query: configuration.name, batchId: batchId, phase: "writing the late rows",
                             domain: .external, underlying: error)
        }
        return count
    }

    /// Rows the event-time guard set aside in the last batch, over all partitions.
    var suspectEventTimeRows: Int {
        watermarkOperators.joined().reduce(0) { $0 + $1.suspectRows }
    }

    static func microseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}

/// How set-aside rows are written: one JSON object per row with the batch id, the operator, the
/// reason, the watermark (or latest allowed event time) that decided, and the row itself.
enum LateRowsFormat {
    static func lines(_ late: LateRows, batchId: Int64) -> RecordBatch {
        let n = late.rows.rowCount
        let rowType = DataType.structure(late.rows.schema.fields)
        let schema = Schema([
            Field("batchId", .long), Field("operator", .string), Field("reason", .string), Field("watermark", .timestamp),
            Field("row", rowType),
        ])
        return RecordBatch(trusted: schema, columns: [
            .longs(Array(repeating: batchId, count: n)), .strings(Array(repeating: late.operatorName, count: n)),
            .strings(late.reasons), .timestamps(Array(repeating: late.watermark, count: n)),
            Column(type: rowType, count: n, validity: nil, storage: .structure(late.rows.columns)),
        ], rowCount: n)
    }
}
