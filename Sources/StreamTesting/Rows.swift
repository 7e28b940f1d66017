public import Columnar

/// Builds small record batches from literal rows, for tests.
///
/// ```swift
/// let batch = Rows.batch(["ID": .string, "ts": .timestamp], [[.string("1"), .timestamp(0)]])
/// ```
public enum Rows {
    /// A batch of `schema` from rows of scalars (nil-free: use `.null`).
    public static func batch(_ schema: Schema, _ rows: [[Scalar]]) -> RecordBatch {
        var builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: rows.count) }
        for row in rows {
            precondition(row.count == schema.count, "row \(row) has \(row.count) values for \(schema.count) columns")
            for (i, value) in row.enumerated() { builders[i].append(scalar: value) }
        }
        return RecordBatch(trusted: schema, columns: builders.indices.map { builders[$0].finish() }, rowCount: rows.count)
    }

    /// The rows of a batch as scalars, for comparisons.
    public static func scalars(_ batch: RecordBatch) -> [[Scalar]] {
        (0..<batch.rowCount).map { batch.row($0) }
    }

    /// Seconds since the epoch as a timestamp scalar.
    public static func seconds(_ s: Int64) -> Scalar { .timestamp(s * 1_000_000) }
}
