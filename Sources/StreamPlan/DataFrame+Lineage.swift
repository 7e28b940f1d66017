public import Columnar
import Expressions
public import StreamOperators

extension DataFrame {
    /// The same computation, with the source positions of the records behind every output row
    /// (lineage; see ``Lineage``).
    ///
    /// The plan is rebuilt step by step: every JSON parse keeps each record's position in
    /// `_source`; projections carry the lineage columns of their input along (unless they name
    /// them); a grouping over rows with `_source` adds `_source_count` (how many rows it took in,
    /// exact) and `_sources` (the positions of the first `limit` of them in arrival order, kept
    /// in the aggregate's state, so a checkpoint restores them); a join keeps both sides'
    /// (a right-side name that collides gets `_right`). Everything else is unchanged, so the
    /// original columns and rows are exactly the original plan's.
    ///
    /// ```swift
    /// let traced = try pipeline.scored(model: model).withLineage(limit: 10)
    /// // traced.schema: …, _source, _source_count, _sources
    /// ```
    /// - Parameter limit: the positions a group keeps at most (at least 1).
    /// - Throws: ``PlanError`` when a step cannot be planned again (a name collision with a
    ///   column the plan already has, for instance).
    public func withLineage(limit: Int = Lineage.defaultLimit) throws(PlanError) -> DataFrame {
        guard limit > 0 else { throw PlanError.invalidPlan("lineage keeps at least 1 position per group, got \(limit)") }
        return try Self.traced(plan, limit: limit, resolution: resolution)
    }

    private static func traced(_ plan: LogicalPlan, limit: Int, resolution: NameResolution) throws(PlanError) -> DataFrame {
        func input(_ child: LogicalPlan) throws(PlanError) -> DataFrame { try traced(child, limit: limit, resolution: resolution) }
        switch plan {
        case .source, .table:
            return try DataFrame(plan: plan, resolution: resolution)
        case .parseJSON(let child, let column, let recordSchema, let positionColumn):
            return try input(child).parseJSON(column: column, schema: recordSchema, positionColumn: positionColumn ?? Lineage.source)
        case .project(let child, let expressions):
            let frame = try input(child)
            let named = Set(expressions.map(\.outputName))
            let carried = Lineage.columns(in: frame.schema).filter { !named.contains($0) }
            return try frame.select(expressions + carried.map { col($0) })
        case .filter(let child, let predicate):
            return try input(child).filter(predicate)
        case .explode(let child, let column, let alias):
            return try input(child).explode(column, as: alias)
        case .watermark(let child, let column, let delay):
            return try input(child).withWatermark(column, delay: .microseconds(delay))
        case .aggregate(let child, let window, let keys, let aggregations):
            let frame = try input(child)
            let traces = frame.schema.names.contains(Lineage.source) ? Lineage.aggregations(limit: limit) : []
            return try frame.groupBy(window: window, keys, aggregations: aggregations + traces)
        case .join(let left, let right, let specification):
            let leftFrame = try input(left)
            var rightFrame = try input(right)
            for name in Lineage.columns(in: rightFrame.schema) where leftFrame.schema.names.contains(name) {
                rightFrame = try rightFrame.withColumnRenamed(name, name + "_right")
            }
            return try leftFrame.join(rightFrame, on: specification.condition, type: specification.type)
        case .mapBatches(let child, let function):
            return try input(child).mapBatches(function)
        }
    }
}

/// The names lineage gives its columns (see ``DataFrame/withLineage(limit:)``).
public enum Lineage {
    /// A record's position: `FILE:LINE#K`, `TOPIC-PARTITION@OFFSET#K` or `memory message N#K`,
    /// K being the record's 1-based index in its message (a JSON array holds several records).
    public static let source = "_source"
    /// A group's input rows, counted (a long).
    public static let sourceCount = "_source_count"
    /// The positions of a group's first rows, in arrival order (an array of strings).
    public static let sources = "_sources"
    /// How many positions a group keeps by default.
    public static let defaultLimit = 10

    /// Whether `name` is a lineage column (`_right` renamings included).
    public static func isLineageColumn(_ name: String) -> Bool {
        [source, sourceCount, sources].contains { name == $0 || name.hasPrefix($0 + "_right") }
    }

    /// The lineage columns of `schema`, in its order.
    static func columns(in schema: Schema) -> [String] {
        schema.names.filter(isLineageColumn)
    }

    static func aggregations(limit: Int) -> [Aggregation] {
        [Aggregation(.countAll, source, as: sourceCount), Aggregation(.collectFirst(limit: limit), source, as: sources)]
    }
}
