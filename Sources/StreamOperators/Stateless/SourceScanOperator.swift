public import Columnar

/// The leaf of a plan: the rows source number `sourceIndex` contributes to this batch, or, when
/// the query runs several partitions, this partition's contiguous share of them (Spark's input
/// split: every row is read by exactly one partition, in order).
public final class SourceScanOperator: PhysicalOperator {
    public let sourceIndex: Int
    public let outputSchema: Schema
    public let name: String
    public var children: [any PhysicalOperator] { [] }
    public var eventTimeBounds: EventTimeBounds { EventTimeBounds() }

    public init(sourceIndex: Int, schema: Schema, description: String) {
        self.sourceIndex = sourceIndex
        self.outputSchema = schema
        self.name = description
    }

    public func execute(_ context: BatchContext) -> RecordBatch {
        context.sourceRows(sourceIndex) ?? .empty(outputSchema)
    }
}
