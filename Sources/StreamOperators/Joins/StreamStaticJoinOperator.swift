public import Columnar
public import Expressions

/// Joins each batch of a stream with a bounded table held in memory (a hash join).
///
/// The table is indexed once; ``replaceTable(_:)`` swaps in a refreshed copy between batches
/// (a document-store lookup refreshed every N batches uses it). Inner or left outer; output is
/// the stream's columns, then the table's.
public final class StreamStaticJoinOperator: PhysicalOperator {
    public let stream: any PhysicalOperator
    public let joinType: JoinType
    public let outputSchema: Schema
    public var name: String { "streamStaticJoin" }
    public var children: [any PhysicalOperator] { [stream] }
    public var eventTimeBounds: EventTimeBounds { stream.eventTimeBounds }

    private let streamKeys: [Expression]
    private let tableKeys: [Expression]
    private let evaluator: ExpressionEvaluator
    private var table: RecordBatch
    private var index: [[UInt8]: [Int]] = [:]

    public init(
        stream: any PhysicalOperator, table: RecordBatch, streamKeys: [Expression], tableKeys: [Expression],
        joinType: JoinType, evaluator: ExpressionEvaluator
    ) throws(OperatorError) {
        guard streamKeys.count == tableKeys.count, !streamKeys.isEmpty else {
            throw .invalidInput(operator: "join", detail: "a stream-static join needs at least one pair of equality keys")
        }
        self.stream = stream
        self.table = table
        self.streamKeys = streamKeys
        self.tableKeys = tableKeys
        self.joinType = joinType
        self.evaluator = evaluator
        outputSchema = Schema(stream.outputSchema.fields + table.schema.fields)
        try buildIndex()
    }

    /// Replaces the table (same schema) used from the next batch on.
    public func replaceTable(_ newTable: RecordBatch) throws(OperatorError) {
        guard newTable.schema == table.schema else {
            throw .invalidInput(operator: "join", detail: "refreshed table schema \(newTable.schema) differs from \(table.schema)")
        }
        table = newTable
        try buildIndex()
    }

    private func buildIndex() throws(OperatorError) {
        index = [:]
        for (row, key) in try JoinKeys.encode(table, tableKeys, evaluator: evaluator).enumerated() {
            if let key { index[key, default: []].append(row) }
        }
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try stream.execute(context)
        var streamRows: [Int] = []
        var tableRows: [Int?] = []
        for (row, key) in try JoinKeys.encode(input, streamKeys, evaluator: evaluator).enumerated() {
            let matches = key.flatMap { index[$0] } ?? []
            if matches.isEmpty {
                if joinType == .leftOuter {
                    streamRows.append(row)
                    tableRows.append(nil)
                }
                continue
            }
            for match in matches {
                streamRows.append(row)
                tableRows.append(match)
            }
        }
        let streamColumns = input.columns.map { $0.take(streamRows) }
        var tableColumns: [Column] = []
        for column in table.columns {
            var builder = ColumnBuilder(type: column.type, capacity: tableRows.count)
            for row in tableRows {
                if let row { builder.append(from: column, row: row) } else { builder.appendNull() }
            }
            tableColumns.append(builder.finish())
        }
        return RecordBatch(trusted: outputSchema, columns: streamColumns + tableColumns, rowCount: streamRows.count)
    }
}
