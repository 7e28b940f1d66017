public import Columnar
public import Connectors
public import Expressions
public import StreamOperators

/// What a query computes, as a tree of relational steps, before any execution decision.
///
/// ``DataFrame`` builds it; ``PhysicalPlanner`` turns it into operators (checking names and
/// types on the way, so a wrong column fails when the DataFrame is built, not mid-stream).
public indirect enum LogicalPlan {
    /// Rows of a source; `index` is the source's position in the plan's source list.
    case source(SourceHandle)
    /// A bounded table (a stream-static join's static side, or a batch DataFrame).
    case table(RecordBatch)
    /// Spark's `explode(from_json(column, array<struct<schema>>))`, fused: one row per JSON record;
    /// with a `positionColumn` (lineage), each record's source position as a string column too.
    case parseJSON(LogicalPlan, column: String, recordSchema: Schema, positionColumn: String?)
    case project(LogicalPlan, [Expression])
    case filter(LogicalPlan, Expression)
    case explode(LogicalPlan, column: String, alias: String)
    /// `withWatermark(column, delay)`, delay in microseconds.
    case watermark(LogicalPlan, column: String, delay: Int64)
    case aggregate(LogicalPlan, window: TimeWindow?, keys: [String], aggregations: [Aggregation])
    case join(LogicalPlan, LogicalPlan, JoinSpecification)
    /// A per-batch user function (see ``BatchFunction``).
    case mapBatches(LogicalPlan, BatchFunction)

    /// The sources under this plan, each once, in first-seen order.
    public var sources: [SourceHandle] {
        var seen: [SourceHandle] = []
        func visit(_ plan: LogicalPlan) {
            switch plan {
            case .source(let handle): if !seen.contains(where: { $0 === handle }) { seen.append(handle) }
            case .table: break
            case .parseJSON(let child, _, _, _), .project(let child, _), .filter(let child, _),
                 .explode(let child, _, _), .watermark(let child, _, _), .aggregate(let child, _, _, _), .mapBatches(let child, _):
                visit(child)
            case .join(let l, let r, _):
                visit(l)
                visit(r)
            }
        }
        visit(self)
        return seen
    }

    /// The plans this step reads: none for a source or table, two for a join (left, right), else one.
    public var children: [LogicalPlan] {
        switch self {
        case .source, .table: []
        case .parseJSON(let child, _, _, _), .project(let child, _), .filter(let child, _), .explode(let child, _, _),
             .watermark(let child, _, _), .aggregate(let child, _, _, _), .mapBatches(let child, _):
            [child]
        case .join(let left, let right, _): [left, right]
        }
    }

    /// Whether the plan reads at least one stream (a plan of tables only is a batch plan).
    public var isStreaming: Bool { !sources.isEmpty }
}

/// A source as it appears in plans: reference identity tells two reads of one source apart
/// from reads of two sources.
public final class SourceHandle {
    public let source: any StreamSource

    public init(_ source: any StreamSource) {
        self.source = source
    }
}

/// How two DataFrames are joined: a condition over both sides' columns, and the join type.
///
/// Equalities between a left column and a right column become the hash keys; the rest of
/// the condition is checked on each candidate pair. Range comparisons between event-time
/// columns of the two sides also tell a stream-stream join when it may evict state.
public struct JoinSpecification {
    public var condition: Expression
    public var type: JoinType

    public init(condition: Expression, type: JoinType = .inner) {
        self.condition = condition
        self.type = type
    }
}
