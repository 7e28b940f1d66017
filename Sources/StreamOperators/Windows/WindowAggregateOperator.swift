public import Columnar

/// `groupBy(window(ts, …), keys…).agg(…)` over a stream, with watermark-driven emission.
///
/// Per batch, as Spark's streaming aggregation does:
/// 1. each input row is assigned to its window(s); a (row, window) whose window ended at or
///    before the *previous* batch's watermark is late: it is dropped and counted (except in
///    complete mode, which keeps every group and drops nothing);
/// 2. the remaining rows update their groups' accumulators;
/// 3. in append mode every group whose window ends at or before *this* batch's watermark is
///    emitted once and removed; in update mode the groups changed by the batch are emitted and
///    closed windows are removed silently; in complete mode all groups are emitted.
///
/// Output columns: `window` (struct of `start`, `end`) when windowed, the keys, then one
/// column per aggregation. State is one slot per group; accumulators store slot-indexed arrays.
public final class WindowAggregateOperator: StatefulOperator, LateRowReporting {
    public let child: any PhysicalOperator
    public let window: TimeWindow?
    public let outputMode: OutputMode
    public let outputSchema: Schema
    public let eventTimeBounds: EventTimeBounds
    public var name: String { "stateStoreSave" }
    public var children: [any PhysicalOperator] { [child] }
    public private(set) var stateProgress: StateOperatorProgress?
    public var keepsLateRows = false
    private var pendingLateRows: [LateRows] = []
    /// Per slot, the generation of the last batch that updated it (see ``distinctSlots(_:)``).
    private var updateMarks: [UInt32] = []
    private var generation: UInt32 = 0

    public func drainLateRows() -> [LateRows] {
        defer { pendingLateRows = [] }
        return pendingLateRows
    }

    private let timeIndex: Int?
    let keyIndices: [Int]
    private let inputIndices: [Int]
    let accumulators: [any Accumulator]
    var groups = GroupIndex()
    var keyValues: [[Scalar]] = []
    var freeSlots: [Int] = []
    var liveSlots = Set<Int>()
    var slotsByWindow: [Int64: [Int]] = [:]

    public init(
        child: any PhysicalOperator, window: TimeWindow?, keys: [String], aggregations: [Aggregation],
        outputMode: OutputMode, resolution: NameResolution
    ) throws(OperatorError) {
        let schema = child.outputSchema
        func index(_ name: String) throws(OperatorError) -> Int {
            do {
                return try schema.requireIndex(of: name, resolution: resolution)
            } catch {
                throw .columnar(error, operator: "groupBy")
            }
        }
        var fields: [Field] = []
        var bounds = EventTimeBounds()
        if let window {
            let t = try index(window.timeColumn)
            guard schema.fields[t].type == .timestamp else {
                throw .invalidInput(operator: "window", detail: "column '\(window.timeColumn)' is \(schema.fields[t].type), not a timestamp")
            }
            timeIndex = t
            fields.append(Field("window", TimeWindow.structType))
            if outputMode == .append {
                bounds.set("window.end", offset: 0)
                bounds.set("window.start", offset: -window.duration)
            }
        } else {
            guard outputMode != .append else {
                throw .invalidInput(operator: "groupBy", detail: "append mode needs an event-time window so that groups can close; use update or complete mode")
            }
            timeIndex = nil
        }
        keyIndices = try keys.map { name throws(OperatorError) in try index(name) }
        fields += keyIndices.map { schema.fields[$0] }
        var inputs: [Int] = []
        var accumulators: [any Accumulator] = []
        for aggregation in aggregations {
            let input = aggregation.function == .countAll ? 0 : try index(aggregation.column)
            let type = schema.fields[input].type
            if case .approxCountDistinct = aggregation.function, case .structure = type {
                throw .invalidInput(operator: "approx_count_distinct", detail: "column '\(aggregation.column)' is a struct")
            }
            if case .approxCountDistinct = aggregation.function, case .array = type {
                throw .invalidInput(operator: "approx_count_distinct", detail: "column '\(aggregation.column)' is an array")
            }
            if Self.needsNumbers(aggregation.function), !(type.isNumeric || type == .boolean) {
                throw .invalidInput(operator: aggregation.function.name, detail: "column '\(aggregation.column)' is \(type), not numeric")
            }
            inputs.append(input)
            accumulators.append(try Accumulators.make(aggregation.function, input: type))
            fields.append(Field(aggregation.alias, aggregation.function.resultType(input: type)))
        }
        self.child = child
        self.window = window
        self.outputMode = outputMode
        self.inputIndices = inputs
        self.accumulators = accumulators
        self.outputSchema = Schema(fields)
        self.eventTimeBounds = bounds
    }

    static func needsNumbers(_ function: AggregateFunction) -> Bool {
        switch function {
        case .sum, .avg, .percentile, .percentileApprox: true
        default: false
        }
    }

    /// The number of groups held in state.
    public var groupCount: Int { groups.count }

    public func execute(_ context: BatchContext) throws -> RecordBatch {
        let input = try child.execute(context)
        var progress = StateOperatorProgress(operatorName: name)
        var rows: [Int] = []
        var starts: [Int64] = []
        rows.reserveCapacity(input.rowCount)
        starts.reserveCapacity(input.rowCount)
        var lateRows: [Int] = []
        var lateReasons: [String] = []
        if let window, let timeIndex {
            let times = input.columns[timeIndex]
            let values = times.int64Values
            for row in 0..<input.rowCount where !times.isNull(row) {
                window.forEachStart(containing: values[row]) { start in
                    // Complete mode keeps every group, so Spark filters no late rows there.
                    if outputMode != .complete && start + window.duration <= context.watermarkForLateEvents {
                        progress.numRowsDroppedByWatermark += 1
                        if keepsLateRows {
                            lateRows.append(row)
                            lateReasons.append("its window [\(TimestampFormat.iso8601(micros: start)), "
                                + "\(TimestampFormat.iso8601(micros: start + window.duration))) ended at or before the watermark")
                        }
                    } else {
                        rows.append(row)
                        starts.append(start)
                    }
                }
            }
        } else {
            rows = Array(0..<input.rowCount)
            starts = Array(repeating: 0, count: input.rowCount)
        }
        if !lateRows.isEmpty {
            pendingLateRows.append(LateRows(operatorName: name, watermark: context.watermarkForLateEvents,
                                            rows: input.take(lateRows), reasons: lateReasons))
        }
        let slots = assignSlots(input: input, rows: rows, starts: starts)
        for (i, accumulator) in accumulators.enumerated() {
            accumulator.update(input.columns[inputIndices[i]], rows: rows, slots: slots)
        }
        let updated = distinctSlots(slots)
        progress.numRowsUpdated = updated.count

        var emitted: [Int] = []
        var closed: [Int] = []
        if let window {
            // Closing windows in start order: a re-run batch emits its rows in the same order.
            for start in slotsByWindow.keys.sorted() where start + window.duration <= context.watermarkForEviction {
                if outputMode != .complete { closed += slotsByWindow[start] ?? [] }
                slotsByWindow[start] = nil
            }
        }
        switch outputMode {
        case .append: emitted = closed
        case .update: emitted = updated.sorted()
        case .complete: emitted = liveSlots.sorted()
        }
        let output = results(for: emitted)
        release(closed)
        progress.numRowsRemoved = closed.count
        progress.numRowsTotal = groups.count
        progress.memoryUsedBytes = groups.count * (accumulators.reduce(48) { $0 + $1.bytesPerSlot })
        stateProgress = progress
        return output
    }

    /// The distinct slots of `slots`, in first-seen order, marked in a per-slot array stamped with
    /// the batch's generation (no `Set` over a million rows' slots).
    private func distinctSlots(_ slots: [Int]) -> [Int] {
        generation &+= 1
        if generation == 0 {
            // The stamps wrapped around: start over so no old stamp equals a new generation.
            updateMarks = Array(repeating: 0, count: updateMarks.count)
            generation = 1
        }
        if updateMarks.count < keyValues.count {
            updateMarks.append(contentsOf: repeatElement(0, count: keyValues.count - updateMarks.count))
        }
        var distinct: [Int] = []
        for slot in slots where updateMarks[slot] != generation {
            updateMarks[slot] = generation
            distinct.append(slot)
        }
        return distinct
    }

    private func assignSlots(input: RecordBatch, rows: [Int], starts: [Int64]) -> [Int] {
        let keys = GroupKeyEncoder(columns: keyIndices.map { input.columns[$0] }).encodeAll(rowCount: input.rowCount)
        // Work on a local index so that the loop pays no exclusivity checks or reference counting.
        var groups = self.groups
        self.groups = GroupIndex()
        defer { self.groups = groups }
        var slots: [Int] = []
        slots.reserveCapacity(rows.count)
        keys.bytes.withUnsafeBufferPointer { arena in
            for (row, start) in zip(rows, starts) {
                let key = UnsafeBufferPointer(rebasing: arena[keys.offsets[row]..<keys.offsets[row + 1]])
                let hash = GroupIndex.hash(start: start, key: key)
                if let slot = groups.find(start: start, key: key, hash: hash) {
                    slots.append(slot)
                    continue
                }
                let slot = freeSlots.popLast() ?? keyValues.count
                if slot == keyValues.count {
                    keyValues.append([])
                    for accumulator in accumulators { accumulator.ensureCapacity(slot + 1) }
                } else {
                    for accumulator in accumulators { accumulator.reset(slot) }
                }
                groups.insert(slot: slot, start: start, key: key, hash: hash)
                keyValues[slot] = keyIndices.map { input.columns[$0].scalar(at: row) }
                liveSlots.insert(slot)
                slotsByWindow[start, default: []].append(slot)
                slots.append(slot)
            }
        }
        return slots
    }

    private func results(for slots: [Int]) -> RecordBatch {
        var columns: [Column] = []
        if let window {
            let startsColumn = Column(type: .timestamp, count: slots.count, validity: nil,
                                      storage: .int64(slots.map { groups.starts[$0] }))
            let endsColumn = Column(type: .timestamp, count: slots.count, validity: nil,
                                    storage: .int64(slots.map { groups.starts[$0] + window.duration }))
            columns.append(Column(type: TimeWindow.structType, count: slots.count, validity: nil,
                                  storage: .structure([startsColumn, endsColumn])))
        }
        let keyOffset = window == nil ? 0 : 1
        for k in keyIndices.indices {
            columns.append(Column(outputSchema.fields[keyOffset + k].type, slots.map { keyValues[$0][k] }))
        }
        for accumulator in accumulators { columns.append(accumulator.results(slots)) }
        return RecordBatch(trusted: outputSchema, columns: columns, rowCount: slots.count)
    }

    private func release(_ slots: [Int]) {
        for slot in slots {
            groups.remove(slot)
            keyValues[slot] = []
            liveSlots.remove(slot)
            freeSlots.append(slot)
        }
    }
}
