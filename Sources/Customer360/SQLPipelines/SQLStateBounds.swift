import Columnar
import Connectors
import StreamOperators
public import StreamPlan

/// Whether a query's state can grow without bound, per stateful operator, said in words:
/// what `s360 explain` prints and what `s360 run` checks before it starts (no peer engine
/// makes this check before start; Spark only warns about some cases).
///
/// - A window aggregation in append or update mode over a watermarked event time is bounded:
///   a window's groups are dropped once the watermark passes its end, so state spans the
///   window plus the watermark delay of event time.
/// - Complete mode keeps every group forever; a grouping without an event-time window keeps
///   every key it ever saw: unbounded.
/// - A stream-stream join is bounded when both sides have eviction rules (a watermark and an
///   event-time range condition); a side without one keeps every row.
/// - A query whose every source is a fixed replay (a `partitioning 'spark-batch'` scan) reads
///   a finite input, so its state is bounded by that input.
public struct SQLStateBounds {
    /// One stateful operator and its bound.
    public struct Entry: Sendable {
        /// The operator's name in progress reports (`stateStoreSave`, `symmetricHashJoin`).
        public var operatorName: String
        /// Whether the state is bounded.
        public var isBounded: Bool
        /// "bounded by the watermark on ts, 35 s" or "UNBOUNDED: …".
        public var explanation: String
    }

    /// The stateful operators, leaves first.
    public let entries: [Entry]
    /// The physical plan, one operator per line, state bounds beside the stateful ones.
    public let physicalPlan: String

    /// Plans `frame` under `outputMode` and judges every stateful operator.
    /// - Throws: ``PlanError`` when the plan cannot be planned.
    public init(_ frame: DataFrame, outputMode: OutputMode) throws(PlanError) {
        let root = try PhysicalPlanner(resolution: frame.resolution, outputMode: outputMode).plan(frame.plan, sources: frame.plan.sources)
        let finiteInput = frame.plan.isStreaming && frame.plan.sources.allSatisfy { $0.source is FilePartitionSource }
        var entries: [Entry] = []
        var lines: [String] = []
        func visit(_ op: any PhysicalOperator, depth: Int) {
            // A chain of projections (the SQL compiler renames columns at every step) is one line.
            var op = op
            var repeats = 1
            while op is ProjectOperator, op.children.count == 1, op.children[0] is ProjectOperator {
                op = op.children[0]
                repeats += 1
            }
            var line = String(repeating: "  ", count: depth) + Self.describe(op) + (repeats > 1 ? " ×\(repeats)" : "")
            if let entry = Self.judge(op, finiteInput: finiteInput) {
                entries.append(entry)
                line += "    -- state " + entry.explanation
            }
            lines.append(line)
            for child in op.children { visit(child, depth: depth + 1) }
        }
        visit(root, depth: 0)
        self.entries = entries.reversed()
        physicalPlan = lines.joined(separator: "\n")
    }

    /// The unbounded operators' explanations.
    public var unbounded: [String] { entries.filter { !$0.isBounded }.map { "\($0.operatorName): \($0.explanation)" } }

    static func describe(_ op: any PhysicalOperator) -> String {
        switch op {
        case let op as WatermarkOperator: "eventTimeWatermark \(op.column), delay \(seconds(op.delay))"
        case let op as WindowAggregateOperator:
            op.window.map { "stateStoreSave window(\(seconds($0.duration))\($0.slide == $0.duration ? "" : ", slide \(seconds($0.slide))")), \(op.outputMode)" }
                ?? "stateStoreSave group by keys, \(op.outputMode)"
        case let op as StreamStreamJoinOperator: "symmetricHashJoin \(op.joinType)"
        case let op as StreamStaticJoinOperator: "streamStaticJoin \(op.joinType) (static side read once)"
        default: op.name
        }
    }

    static func judge(_ op: any PhysicalOperator, finiteInput: Bool) -> Entry? {
        switch op {
        case let op as WindowAggregateOperator:
            if finiteInput {
                return Entry(operatorName: op.name, isBounded: true, explanation: "bounded by the input: every source is a fixed set of files")
            }
            if op.outputMode == .complete {
                return Entry(operatorName: op.name, isBounded: false,
                             explanation: "UNBOUNDED: complete mode keeps every group forever; use append or update mode with a window over a watermarked event time")
            }
            guard let window = op.window else {
                return Entry(operatorName: op.name, isBounded: false,
                             explanation: "UNBOUNDED: a GROUP BY without window(ts, …) keeps every key it ever saw; group by window(ts, …) over a column with WATERMARK FOR ts")
            }
            guard op.child.eventTimeBounds.offset(of: window.timeColumn) != nil, let watermark = watermarkBelow(op.child) else {
                return Entry(operatorName: op.name, isBounded: false,
                             explanation: "UNBOUNDED: the window's time column has no watermark, so no window ever closes; declare WATERMARK FOR ts AS ts - INTERVAL '…' SECOND on its source")
            }
            return Entry(operatorName: op.name, isBounded: true,
                         explanation: "bounded by the watermark on \(watermark.column), \(seconds(window.duration + watermark.delay))")
        case let op as StreamStreamJoinOperator:
            if finiteInput {
                return Entry(operatorName: op.name, isBounded: true, explanation: "bounded by the input: every source is a fixed set of files")
            }
            let missing = [("left", op.leftEviction), ("right", op.rightEviction)].filter { $0.1.isEmpty }.map(\.0)
            guard missing.isEmpty else {
                return Entry(operatorName: op.name, isBounded: false,
                             explanation: "UNBOUNDED: the \(missing.joined(separator: " and ")) side's rows are never evicted; give both sides a watermark and the join an event-time range condition such as c.ts BETWEEN g.window_start AND g.window_end")
            }
            let span = (op.leftEviction + op.rightEviction).map { -$0.offset }.max() ?? 0
            let column = watermarkBelow(op.left)?.column ?? watermarkBelow(op.right)?.column ?? "the event time"
            let delay = max(watermarkBelow(op.left)?.delay ?? 0, watermarkBelow(op.right)?.delay ?? 0)
            return Entry(operatorName: op.name, isBounded: true,
                         explanation: "bounded by the watermark on \(column), \(seconds(max(span, 0) + delay))")
        default:
            return nil
        }
    }

    /// The nearest watermark operator under `op`.
    static func watermarkBelow(_ op: any PhysicalOperator) -> WatermarkOperator? {
        if let watermark = op as? WatermarkOperator { return watermark }
        for child in op.children { if let found = watermarkBelow(child) { return found } }
        return nil
    }

    static func seconds(_ micros: Int64) -> String {
        micros % 1_000_000 == 0 ? "\(micros / 1_000_000) s" : "\(Double(micros) / 1_000_000) s"
    }
}
