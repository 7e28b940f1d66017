public import Columnar

/// A bounded table as a plan leaf: the same rows on every execution.
public final class TableScanOperator: PhysicalOperator {
    public let table: RecordBatch
    public var name: String { "table" }
    public var outputSchema: Schema { table.schema }
    public var children: [any PhysicalOperator] { [] }
    public var eventTimeBounds: EventTimeBounds { EventTimeBounds() }

    public init(_ table: RecordBatch) {
        self.table = table
    }

    public func execute(_ context: BatchContext) -> RecordBatch { table }
}
