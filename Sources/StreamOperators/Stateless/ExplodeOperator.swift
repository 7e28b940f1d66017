public import Columnar

/// `explode(array)`: one output row per element of an array column; rows whose array is
/// null or empty produce nothing (Spark's `explode`, not `explode_outer`).
/// The element replaces the array column, under `alias`.
public final class ExplodeOperator: PhysicalOperator {
    public let child: any PhysicalOperator
    public let columnIndex: Int
    public let outputSchema: Schema
    public var name: String { "explode" }
    public var children: [any PhysicalOperator] { [child] }
    public var eventTimeBounds: EventTimeBounds { child.eventTimeBounds }

    public init(child: any PhysicalOperator, column: String, alias: String, resolution: NameResolution) throws(OperatorError) {
        let schema = child.outputSchema
        let index: Int
        do {
            index = try schema.requireIndex(of: column, resolution: resolution)
        } catch {
            throw .columnar(error, operator: "explode")
        }
        guard case .array(let element) = schema.fields[index].type else {
            throw .invalidInput(operator: "explode", detail: "column '\(column)' is \(schema.fields[index].type), not an array")
        }
        var fields = schema.fields
        fields[index] = Field(alias, element)
        self.child = child
        self.columnIndex = index
        self.outputSchema = Schema(fields)
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        let arrays = input.columns[columnIndex]
        guard case .list(let offsets, let values) = arrays.storage else { return .empty(outputSchema) }
        var parentRows: [Int] = []
        var elementRows: [Int] = []
        for row in 0..<input.rowCount where !arrays.isNull(row) {
            for element in Int(offsets[row])..<Int(offsets[row + 1]) {
                parentRows.append(row)
                elementRows.append(element)
            }
        }
        var columns = input.columns.map { $0.take(parentRows) }
        columns[columnIndex] = values.take(elementRows)
        return RecordBatch(trusted: outputSchema, columns: columns, rowCount: parentRows.count)
    }
}
