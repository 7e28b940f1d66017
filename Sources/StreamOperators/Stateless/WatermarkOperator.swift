public import Columnar

/// `withWatermark(column, delay)`: passes rows through and observes their event times.
///
/// After each batch the runner reads ``maxEventTime`` of every watermark operator and moves
/// the query's watermark to `max(event time) - delay` (never backwards); with several
/// watermark operators the query uses the minimum, Spark's default policy. The operator
/// itself drops nothing: stateful operators downstream judge lateness.
///
/// With the event-time guard on (``maxEventTimeSkew``, off by default, so that Spark's
/// behaviour is unchanged), a row whose event time is more than the skew after its batch's
/// arrival time cannot poison the watermark: it is set aside (counted in ``suspectRows``, kept
/// for the late-rows side output when ``keepsLateRows`` is on) instead of passing on.
public final class WatermarkOperator: LateRowReporting {
    public let child: any PhysicalOperator
    public let columnIndex: Int
    public let column: String
    /// The delay in microseconds.
    public let delay: Int64
    /// The largest event time seen in the last batch, or nil when it had no rows with one.
    public private(set) var maxEventTime: Int64?
    /// The smallest event time seen in the last batch.
    public private(set) var minEventTime: Int64?
    /// The event-time guard: rows more than this many microseconds after their batch's arrival
    /// time (``BatchContext/batchTimestamp``) are set aside. Nil (the default): no guard.
    public var maxEventTimeSkew: Int64?
    /// Rows the guard set aside in the last batch.
    public private(set) var suspectRows = 0
    public var keepsLateRows = false
    private var pendingLateRows: [LateRows] = []
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
        var input = try child.execute(context)
        suspectRows = 0
        if let maxEventTimeSkew { input = settingAsideSuspectRows(input, latestAllowed: context.batchTimestamp + maxEventTimeSkew) }
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

    /// `input` without the rows whose event time is after `latestAllowed`.
    private func settingAsideSuspectRows(_ input: RecordBatch, latestAllowed: Int64) -> RecordBatch {
        let times = input.columns[columnIndex]
        let values = times.int64Values
        var suspect: [Int] = []
        for row in 0..<input.rowCount where !times.isNull(row) && values[row] > latestAllowed { suspect.append(row) }
        guard !suspect.isEmpty else { return input }
        suspectRows = suspect.count
        if keepsLateRows {
            let reasons = suspect.map { row in
                "event time \(column) = \(TimestampFormat.iso8601(micros: values[row])) is after its arrival plus the allowed skew "
                    + "(\(TimestampFormat.iso8601(micros: latestAllowed))), so it may not move the watermark"
            }
            pendingLateRows.append(LateRows(operatorName: name, watermark: latestAllowed, rows: input.take(suspect), reasons: reasons))
        }
        var keep = [Bool](repeating: true, count: input.rowCount)
        for row in suspect { keep[row] = false }
        return input.filter(keep)
    }

    public func drainLateRows() -> [LateRows] {
        defer { pendingLateRows = [] }
        return pendingLateRows
    }
}
