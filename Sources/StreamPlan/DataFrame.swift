public import Columnar
public import Connectors
public import Expressions
public import StreamOperators

/// A relational description of a stream (or a bounded table), built step by step as in Spark.
///
/// Each method returns a new DataFrame; nothing runs until a query starts. Every step is
/// planned at once, so a misspelt column or a wrong type fails where the DataFrame is built,
/// with the available columns in the message.
///
/// ```swift
/// let bureau = try DataFrame.readStream(TextFileSource(directory: "in/bureau"))
///     .parseJSON(column: "value", schema: bureauSchema)
///     .withWatermark("ts", delay: .seconds(5))
/// ```
public struct DataFrame {
    public let plan: LogicalPlan
    /// Column names resolve case-insensitively by default, as in Spark.
    public let resolution: NameResolution
    public let schema: Schema
    /// What planning noticed without refusing the plan, one line each: a join key cast to the
    /// other side's type, as Spark's analyzer casts it (see ``JoinKeyCoercion``). Applications
    /// log these before starting the query.
    public private(set) var warnings: [String]
    /// The operators planned to check this DataFrame: each builder step plans only its own
    /// operator over its parents' (``PhysicalPlanner/planStep(_:over:sources:)``), so building a
    /// long DataFrame costs one planning per step, not one of the whole tree. They are never run:
    /// a query plans its own fresh operators.
    private let checked: any PhysicalOperator

    /// A DataFrame over `plan`, checked by planning it once.
    public init(plan: LogicalPlan, resolution: NameResolution = .caseInsensitive) throws(PlanError) {
        self.plan = plan
        self.resolution = resolution
        let planner = PhysicalPlanner(resolution: resolution, outputMode: .append)
        checked = try planner.plan(plan, sources: plan.sources)
        schema = checked.outputSchema
        warnings = planner.warnings
    }

    /// The DataFrame of the step `plan` over `parents` (whose plans are `plan`'s children).
    private init(step plan: LogicalPlan, over parents: [DataFrame], resolution: NameResolution) throws(PlanError) {
        self.plan = plan
        self.resolution = resolution
        let planner = PhysicalPlanner(resolution: resolution, outputMode: .append)
        checked = try planner.planStep(plan, over: parents.map(\.checked), sources: [])
        schema = checked.outputSchema
        var warnings: [String] = []
        for warning in parents.flatMap(\.warnings) + planner.warnings where !warnings.contains(warning) { warnings.append(warning) }
        self.warnings = warnings
    }

    /// The rows of a streaming source.
    public static func readStream(_ source: any StreamSource, resolution: NameResolution = .caseInsensitive) throws(PlanError) -> DataFrame {
        try DataFrame(plan: .source(SourceHandle(source)), resolution: resolution)
    }

    /// A bounded table (for stream-static joins and batch computations).
    public static func table(_ batch: RecordBatch, resolution: NameResolution = .caseInsensitive) throws(PlanError) -> DataFrame {
        try DataFrame(plan: .table(batch), resolution: resolution)
    }

    private func with(_ plan: LogicalPlan) throws(PlanError) -> DataFrame {
        try DataFrame(step: plan, over: [self], resolution: resolution)
    }

    public var isStreaming: Bool { plan.isStreaming }

    /// This DataFrame with each of its ``warnings`` rewritten by `rewrite`: how a front end that
    /// names columns its own way (SQL's internal `#7` names) says them as its user wrote them.
    public func rewritingWarnings(_ rewrite: (String) -> String) -> DataFrame {
        var copy = self
        copy.warnings = warnings.map(rewrite)
        return copy
    }

    /// Spark's `select(explode(from_json(column, array<struct<schema>>)).alias("r")).select("r.*")`
    /// in one step: each JSON record of each message becomes a row of `schema`'s columns.
    /// Keys match field names exactly (as `from_json` does); malformed messages are quarantined.
    ///
    /// With a `positionColumn` (lineage, opt-in), each record also carries where it came from
    /// as a string column of that name: `file:line#k`, `topic-partition@offset#k` or
    /// `memory message N#k`, k being the record's 1-based index in its message
    /// (see ``JSONParseOperator``). Nil, the default, adds nothing and costs nothing.
    public func parseJSON(column: String, schema recordSchema: Schema, positionColumn: String? = nil) throws(PlanError) -> DataFrame {
        try with(.parseJSON(plan, column: column, recordSchema: recordSchema, positionColumn: positionColumn))
    }

    public func select(_ expressions: [Expression]) throws(PlanError) -> DataFrame {
        try with(.project(plan, expressions))
    }

    public func select(_ expressions: Expression...) throws(PlanError) -> DataFrame {
        try select(expressions)
    }

    /// Adds a column, or replaces the column of the same name in place.
    public func withColumn(_ name: String, _ expression: Expression) throws(PlanError) -> DataFrame {
        var expressions = schema.fields.map { Expression.column($0.name) }
        if let index = try? schema.index(of: name, resolution: resolution) {
            expressions[index] = expression.alias(schema.fields[index].name)
        } else {
            expressions.append(expression.alias(name))
        }
        return try select(expressions)
    }

    /// Renames a column; a missing column is not an error (Spark's behaviour).
    public func withColumnRenamed(_ existing: String, _ new: String) throws(PlanError) -> DataFrame {
        guard let index = try? schema.index(of: existing, resolution: resolution) else { return self }
        var expressions = schema.fields.map { Expression.column($0.name) }
        expressions[index] = .alias(.column(schema.fields[index].name), new)
        return try select(expressions)
    }

    /// Removes columns; names that do not exist are ignored (Spark's behaviour).
    public func drop(_ names: String...) throws(PlanError) -> DataFrame {
        let kept = schema.fields.filter { field in !names.contains { resolution.matches($0, field.name) } }
        return try select(kept.map { .column($0.name) })
    }

    public func filter(_ predicate: Expression) throws(PlanError) -> DataFrame {
        try with(.filter(plan, predicate))
    }

    /// One row per element of the array column `column`, the element named `alias`.
    public func explode(_ column: String, as alias: String) throws(PlanError) -> DataFrame {
        try with(.explode(plan, column: column, alias: alias))
    }

    /// Declares `column` as event time, tolerating events up to `delay` late.
    public func withWatermark(_ column: String, delay: Duration) throws(PlanError) -> DataFrame {
        try with(.watermark(plan, column: column, delay: Self.micros(delay)))
    }

    /// `groupBy(window(…), keys…).agg(…)`: the output starts with the `window` struct column
    /// (when windowed), then the keys, then the aggregates.
    public func groupBy(window: TimeWindow?, _ keys: [String], aggregations: [Aggregation]) throws(PlanError) -> DataFrame {
        try with(.aggregate(plan, window: window, keys: keys, aggregations: aggregations))
    }

    /// Joins with `other` on `condition` (equalities between the sides, plus optional ranges).
    public func join(_ other: DataFrame, on condition: Expression, type: JoinType = .inner) throws(PlanError) -> DataFrame {
        try DataFrame(step: .join(plan, other.plan, JoinSpecification(condition: condition, type: type)), over: [self, other],
                      resolution: resolution)
    }

    /// Applies `function` to every micro-batch (Spark's `DataFrame.transform` with a per-batch
    /// function, or `mapPartitions`); its output schema is checked now.
    public func mapBatches(_ function: BatchFunction) throws(PlanError) -> DataFrame {
        try with(.mapBatches(plan, function))
    }

    /// A window of `duration` sliding by `slide` (tumbling when nil) over `column`.
    public static func window(_ column: String, _ duration: Duration, slide: Duration? = nil) -> TimeWindow {
        TimeWindow(timeColumn: column, duration: micros(duration), slide: slide.map(micros))
    }

    /// Evaluates a bounded DataFrame (no streams) at once.
    public func collect() throws -> RecordBatch {
        guard !isStreaming else {
            throw PlanError.invalidPlan("collect() needs a bounded DataFrame; start a streaming query to run a stream")
        }
        let root = try PhysicalPlanner(resolution: resolution, outputMode: .complete).plan(plan, sources: [])
        return try root.execute(BatchContext(batchId: 0, watermarkForLateEvents: 0, watermarkForEviction: 0, inputs: [:]))
    }

    static func micros(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
