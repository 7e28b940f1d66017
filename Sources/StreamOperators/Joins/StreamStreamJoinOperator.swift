public import Columnar
public import Expressions

/// A stream-stream equi-join with an optional extra condition, buffering both sides in state.
///
/// Each batch joins the new left rows with all buffered and new right rows, and the buffered
/// left rows with the new right rows, so every pair meets exactly once. The extra condition
/// (such as `ts BETWEEN window_start AND window_end`) is evaluated on each candidate pair.
/// Buffered rows are evicted with ``EvictionRule``s once the watermark proves that no future
/// on-time row of the other side can match them; in a left outer join an evicted left row that
/// never matched is emitted then, with nulls on the right. Output: left columns, then right.
///
/// As in Spark's `StreamingSymmetricHashJoinExec`, a side whose input carries the marked event
/// time (``EventTimeBounds/eventTimeColumn``: the `withWatermark` column, passed through or
/// renamed) drops its rows whose event time is at or before the watermark for late events
/// before they are joined or buffered, counting them in `numRowsDroppedByWatermark`. A side
/// without the mark (an aggregate's `window_start`/`window_end` are derived, not marked) drops
/// nothing.
public final class StreamStreamJoinOperator: StatefulOperator, LateRowReporting {
    public let left: any PhysicalOperator
    public let right: any PhysicalOperator
    public let joinType: JoinType
    public let outputSchema: Schema
    public let leftEviction: [EvictionRule]
    public let rightEviction: [EvictionRule]
    public var name: String { "symmetricHashJoin" }
    public var children: [any PhysicalOperator] { [left, right] }
    public private(set) var stateProgress: StateOperatorProgress?
    public var keepsLateRows = false
    private var pendingLateRows: [LateRows] = []

    public func drainLateRows() -> [LateRows] {
        defer { pendingLateRows = [] }
        return pendingLateRows
    }
    public var eventTimeBounds: EventTimeBounds { EventTimeBounds() }

    private let leftKeys: [Expression]
    private let rightKeys: [Expression]
    private let condition: Expression?
    private let evaluator: ExpressionEvaluator
    let leftBuffer: JoinSideBuffer
    let rightBuffer: JoinSideBuffer

    public init(
        left: any PhysicalOperator, right: any PhysicalOperator, leftKeys: [Expression], rightKeys: [Expression],
        condition: Expression?, joinType: JoinType, leftEviction: [EvictionRule], rightEviction: [EvictionRule],
        evaluator: ExpressionEvaluator
    ) throws(OperatorError) {
        guard leftKeys.count == rightKeys.count, !leftKeys.isEmpty else {
            throw .invalidInput(operator: "join", detail: "a stream-stream join needs at least one pair of equality keys")
        }
        self.left = left
        self.right = right
        self.leftKeys = leftKeys
        self.rightKeys = rightKeys
        self.condition = condition
        self.joinType = joinType
        self.leftEviction = leftEviction
        self.rightEviction = rightEviction
        self.evaluator = evaluator
        outputSchema = Schema(left.outputSchema.fields + right.outputSchema.fields)
        leftBuffer = JoinSideBuffer(schema: left.outputSchema)
        rightBuffer = JoinSideBuffer(schema: right.outputSchema)
        if let condition {
            do {
                _ = try evaluator.dataType(of: condition, in: outputSchema)
            } catch {
                throw .expression(error, operator: "join")
            }
        }
    }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let (newLeft, droppedLeft) = try droppingLateRows(try left.execute(context), side: "left", eventTime: left.eventTimeBounds.eventTimeColumn,
                                                          watermark: context.watermarkForLateEvents)
        let (newRight, droppedRight) = try droppingLateRows(try right.execute(context), side: "right", eventTime: right.eventTimeBounds.eventTimeColumn,
                                                            watermark: context.watermarkForLateEvents)
        let leftKeyBytes = try JoinKeys.encode(newLeft, leftKeys, evaluator: evaluator)
        let rightKeyBytes = try JoinKeys.encode(newRight, rightKeys, evaluator: evaluator)

        // Candidate pairs, as (batch, row) references on each side.
        var pairs = CandidatePairs()
        var newRightIndex: [[UInt8]: [Int]] = [:]
        for (row, key) in rightKeyBytes.enumerated() {
            if let key { newRightIndex[key, default: []].append(row) }
        }
        for (row, key) in leftKeyBytes.enumerated() {
            guard let key else { continue }
            for id in rightBuffer.matches(key) { pairs.append(left: .new(row), right: .buffered(id)) }
            for r in newRightIndex[key] ?? [] { pairs.append(left: .new(row), right: .new(r)) }
        }
        for (row, key) in rightKeyBytes.enumerated() {
            guard let key else { continue }
            for id in leftBuffer.matches(key) { pairs.append(left: .buffered(id), right: .new(row)) }
        }
        let candidates = gather(pairs, newLeft: newLeft, newRight: newRight)
        var keep = Array(0..<candidates.rowCount)
        if let condition, candidates.rowCount > 0 {
            let mask: Column
            do {
                mask = try evaluator.evaluate(condition, on: candidates)
            } catch {
                throw OperatorError.expression(error, operator: "join")
            }
            let flags = mask.booleanValues
            keep = keep.filter { flags[$0] && !mask.isNull($0) }
        }
        var leftMatchedNew = [Bool](repeating: false, count: newLeft.rowCount)
        for i in keep {
            switch pairs.left[i] {
            case .new(let row): leftMatchedNew[row] = true
            case .buffered(let id): leftBuffer.markMatched(id)
            }
        }
        var output = keep.count == candidates.rowCount ? candidates : candidates.take(keep)

        // Buffer the new rows, then evict what the watermark has closed.
        let watermark = context.watermarkForEviction
        let storeLeft = (0..<newLeft.rowCount).filter { leftKeyBytes[$0] != nil || joinType == .leftOuter }
        leftBuffer.insert(newLeft, rows: storeLeft, keys: storeLeft.map { leftKeyBytes[$0] },
                          deadlines: try deadlines(newLeft, storeLeft, leftEviction),
                          matched: storeLeft.map { leftMatchedNew[$0] })
        let storeRight = (0..<newRight.rowCount).filter { rightKeyBytes[$0] != nil }
        rightBuffer.insert(newRight, rows: storeRight, keys: storeRight.map { rightKeyBytes[$0] },
                           deadlines: try deadlines(newRight, storeRight, rightEviction),
                           matched: storeRight.map { _ in false })
        let evictedLeft = leftEviction.isEmpty ? [] : leftBuffer.evict(before: watermark)
        let evictedRight = rightEviction.isEmpty ? [] : rightBuffer.evict(before: watermark)
        if joinType == .leftOuter {
            let unmatched = evictedLeft.filter { !$0.matched }
            if !unmatched.isEmpty { output = RecordBatch.concatenate([output, outerRows(unmatched)], schema: outputSchema) }
        }
        leftBuffer.compactIfNeeded()
        rightBuffer.compactIfNeeded()

        var progress = StateOperatorProgress(operatorName: name)
        progress.numRowsTotal = leftBuffer.liveCount + rightBuffer.liveCount
        progress.numRowsUpdated = storeLeft.count + storeRight.count
        progress.numRowsRemoved = evictedLeft.count + evictedRight.count
        progress.numRowsDroppedByWatermark = droppedLeft + droppedRight
        progress.memoryUsedBytes = leftBuffer.approximateBytes + rightBuffer.approximateBytes
        stateProgress = progress
        return output
    }

    /// `batch` without its rows whose `eventTime` is at or before `watermark` (a null event
    /// time is kept, as Spark's predicate is not true for it), and how many rows were dropped.
    /// `batch` without its rows whose event time is at or before `watermark`, and how many those
    /// were; they are kept for the late-rows side output when ``keepsLateRows`` is on.
    private func droppingLateRows(
        _ batch: RecordBatch, side: String, eventTime: String?, watermark: Int64
    ) throws -> (RecordBatch, Int) {
        guard let eventTime, batch.rowCount > 0 else { return (batch, 0) }
        let column: Column
        do {
            column = try batch.column(eventTime, resolution: evaluator.resolution)
        } catch {
            throw OperatorError.columnar(error, operator: "join")
        }
        let values = column.int64Values
        let onTime = (0..<batch.rowCount).filter { column.isNull($0) || values[$0] > watermark }
        let dropped = batch.rowCount - onTime.count
        guard dropped > 0 else { return (batch, 0) }
        if keepsLateRows {
            let late = (0..<batch.rowCount).filter { !column.isNull($0) && values[$0] <= watermark }
            let reasons = late.map { row in
                "the \(side) side's event time \(eventTime) = \(TimestampFormat.iso8601(micros: values[row])) is at or before the watermark"
            }
            pendingLateRows.append(LateRows(operatorName: name, watermark: watermark, rows: batch.take(late), reasons: reasons))
        }
        return (batch.take(onTime), dropped)
    }

    private func deadlines(_ batch: RecordBatch, _ rows: [Int], _ rules: [EvictionRule]) throws -> [Int64] {
        guard !rules.isEmpty else { return rows.map { _ in Int64.max } }
        var result = rows.map { _ in Int64.max }
        for rule in rules {
            let column: Column
            do {
                column = try batch.column(rule.column, resolution: evaluator.resolution)
            } catch {
                throw OperatorError.columnar(error, operator: "join")
            }
            let values = column.int64Values
            for (i, row) in rows.enumerated() {
                // A null event time can satisfy no range condition: the row can go at once.
                let deadline = column.isNull(row) ? Int64.min : values[row] &- rule.offset
                result[i] = min(result[i], deadline)
            }
        }
        return result
    }

    private func gather(_ pairs: CandidatePairs, newLeft: RecordBatch, newRight: RecordBatch) -> RecordBatch {
        let leftColumns = Self.gatherSide(pairs.left, new: newLeft, buffer: leftBuffer)
        let rightColumns = Self.gatherSide(pairs.right, new: newRight, buffer: rightBuffer)
        return RecordBatch(trusted: outputSchema, columns: leftColumns + rightColumns, rowCount: pairs.left.count)
    }

    private static func gatherSide(_ refs: [RowReference], new: RecordBatch, buffer: JoinSideBuffer) -> [Column] {
        let newSource = buffer.chunks.count
        let rows = refs.map { ref -> SourceRow in
            switch ref {
            case .new(let r): return SourceRow(source: newSource, row: r)
            case .buffered(let id):
                let entry = buffer.entries[id]
                return SourceRow(source: Int(entry.chunk), row: Int(entry.row))
            }
        }
        return buffer.schema.fields.indices.map { c in
            Column.gather(buffer.chunks.map { $0.columns[c] } + [new.columns[c]], rows, type: buffer.schema.fields[c].type)
        }
    }

    private func outerRows(_ entries: [JoinSideBuffer.Entry]) -> RecordBatch {
        var builders = outputSchema.fields.map { ColumnBuilder(type: $0.type, capacity: entries.count) }
        let leftCount = left.outputSchema.count
        for entry in entries {
            let batch = leftBuffer.chunks[Int(entry.chunk)]
            for c in 0..<leftCount { builders[c].append(from: batch.columns[c], row: Int(entry.row)) }
            for c in leftCount..<builders.count { builders[c].appendNull() }
        }
        return RecordBatch(trusted: outputSchema, columns: builders.indices.map { builders[$0].finish() }, rowCount: entries.count)
    }
}

/// A row of this batch's input, or an entry of a side's buffer.
enum RowReference {
    case new(Int)
    case buffered(Int)
}

struct CandidatePairs {
    var left: [RowReference] = []
    var right: [RowReference] = []

    mutating func append(left l: RowReference, right r: RowReference) {
        left.append(l)
        right.append(r)
    }
}
