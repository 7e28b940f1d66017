/// A set of rows stored column by column: the unit of data every operator consumes and produces.
///
/// Batches are immutable values; operators build new ones, sharing unchanged columns.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [Column]
    public let rowCount: Int

    /// - Throws: ``ColumnarError/lengthMismatch(column:expected:actual:)`` when a column's
    ///   length differs from `rowCount`.
    public init(schema: Schema, columns: [Column], rowCount: Int) throws(ColumnarError) {
        precondition(schema.count == columns.count, "schema has \(schema.count) fields for \(columns.count) columns")
        for (field, column) in zip(schema.fields, columns) where column.count != rowCount {
            throw .lengthMismatch(column: field.name, expected: rowCount, actual: column.count)
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A batch from columns that are known to have `rowCount` rows each.
    public init(trusted schema: Schema, columns: [Column], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A batch with no rows.
    public static func empty(_ schema: Schema) -> RecordBatch {
        var builders = schema.fields.map { ColumnBuilder(type: $0.type) }
        return RecordBatch(trusted: schema, columns: builders.indices.map { builders[$0].finish() }, rowCount: 0)
    }

    public var isEmpty: Bool { rowCount == 0 }

    /// The column called `name` (case-insensitive by default).
    public func column(_ name: String, resolution: NameResolution = .caseInsensitive) throws(ColumnarError) -> Column {
        columns[try schema.requireIndex(of: name, resolution: resolution)]
    }

    /// The rows at `indices`, in order.
    public func take(_ indices: [Int]) -> RecordBatch {
        RecordBatch(trusted: schema, columns: columns.map { $0.take(indices) }, rowCount: indices.count)
    }

    /// The rows in `range`, in order.
    public func slice(_ range: Range<Int>) -> RecordBatch {
        if range.count == rowCount { return self }
        return RecordBatch(trusted: schema, columns: columns.map { $0.slice(range) }, rowCount: range.count)
    }

    /// The rows where `mask` is true.
    public func filter(_ mask: [Bool]) -> RecordBatch {
        take(mask.indices.filter { mask[$0] })
    }

    /// Row `row` as scalars (for tests and console output).
    public func row(_ row: Int) -> [Scalar] {
        columns.map { $0.scalar(at: row) }
    }

    /// Several batches of one schema as one.
    public static func concatenate(_ batches: [RecordBatch], schema: Schema) -> RecordBatch {
        let nonEmpty = batches.filter { !$0.isEmpty }
        if nonEmpty.isEmpty { return .empty(schema) }
        if nonEmpty.count == 1 { return nonEmpty[0] }
        let columns = schema.fields.indices.map { i in
            Column.concatenate(nonEmpty.map { $0.columns[i] }, type: schema.fields[i].type)
        }
        return RecordBatch(trusted: schema, columns: columns, rowCount: nonEmpty.reduce(0) { $0 + $1.rowCount })
    }
}
