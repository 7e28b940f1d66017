public import Columnar

/// `withWatermark(column, delay)`: passes rows through and observes their event times.
///
/// After each batch the runner reads ``maxEventTime`` of every watermark operator and moves
/// the query's watermark to `max(event time) - delay` (never backwards); with several
/// watermark operators the query uses the minimum, Spark's default policy. The operator
/// itself drops nothing: stateful operators downstream judge lateness.
public final class WatermarkOperator: PhysicalOperator {
    public let child: any PhysicalOperator
    public let columnIndex: Int
    public let column: String
    /// The delay in microseconds.
    public let delay: Int64
    /// The largest event time seen in the last batch, or nil when it had no rows with one.
    public private(set) var maxEventTime: Int64?
    /// The smallest event time seen in the last batch.
    public private(set) var minEventTime: Int64?
    public var name: String { "eventTimeWatermark" }
    public var children: [any PhysicalOperator] { [child] }
    public var outputSchema: Schema { child.outputSchema }
    public let eventTimeBounds: EventTimeBounds

    public init(child: any PhysicalOperator, column: String, delay: Int64, resolution: NameResolution) throws(OperatorError) {
        let schema = child.outputSchema
        let index: Int
        do {
            index = try schema.requireIndex(of: column, resolution: resolution)
        } catch {
            throw .columnar(error, operator: "withWatermark")
        }
        guard schema.fields[index].type == .timestamp else {
            throw .invalidInput(operator: "withWatermark", detail: "column '\(column)' is \(schema.fields[index].type), not a timestamp")
        }
        self.child = child
        self.columnIndex = index
        self.column = schema.fields[index].name
        self.delay = delay
        var bounds = child.eventTimeBounds
        bounds.set(self.column, offset: 0)
        // Spark's withWatermark marks this column and unmarks any earlier one.
        bounds.eventTimeColumn = self.column
        eventTimeBounds = bounds
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        let times = input.columns[columnIndex]
        let values = times.int64Values
        var low: Int64?
        var high: Int64?
        for row in 0..<input.rowCount where !times.isNull(row) {
            let t = values[row]
            high = max(high ?? t, t)
            low = min(low ?? t, t)
        }
        maxEventTime = high
        minEventTime = low
        return input
    }
}
