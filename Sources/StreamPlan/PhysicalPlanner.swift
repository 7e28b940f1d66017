public import Columnar
import Connectors
public import Expressions
public import StreamOperators

/// Turns a ``LogicalPlan`` into physical operators, checking names and types on the way.
///
/// Planning is cheap and deterministic: the same logical plan and settings always give the
/// same operator tree, which is what lets a restarted query resume its state. Operators are
/// fresh objects with empty state each time.
public struct PhysicalPlanner {
    public var resolution: NameResolution
    public var outputMode: OutputMode
    /// What analysis noticed without refusing the plan, such as a join key cast to the other
    /// side's type (see ``JoinKeyCoercion``); filled by ``plan(_:sources:)``.
    public var warnings: [String] { notes.warnings }
    /// Shared by copies of this planner, so that nested planning reports into one list.
    private let notes = Notes()

    private final class Notes {
        var warnings: [String] = []
    }

    public init(resolution: NameResolution = .caseInsensitive, outputMode: OutputMode = .append) {
        self.resolution = resolution
        self.outputMode = outputMode
    }

    /// Plans `plan`, numbering sources by their position in `sources`.
    public func plan(_ plan: LogicalPlan, sources: [SourceHandle]) throws(PlanError) -> any PhysicalOperator {
        let evaluator = ExpressionEvaluator(resolution: resolution)
        do {
            switch plan {
            case .source(let handle):
                guard let index = sources.firstIndex(where: { $0 === handle }) else {
                    throw PlanError.invalidPlan("source \(handle.source.description) is not registered with the query")
                }
                return SourceScanOperator(sourceIndex: index, schema: handle.source.schema, description: handle.source.description)
            case .table(let table):
                return TableScanOperator(table)
            case .parseJSON(let child, let column, let recordSchema):
                return try JSONParseOperator(child: try self.plan(child, sources: sources), column: column,
                                             recordSchema: recordSchema, resolution: resolution)
            case .project(let child, let expressions):
                return try ProjectOperator(child: try self.plan(child, sources: sources), expressions: expressions, evaluator: evaluator)
            case .filter(let child, let predicate):
                return try FilterOperator(child: try self.plan(child, sources: sources), predicate: predicate, evaluator: evaluator)
            case .explode(let child, let column, let alias):
                return try ExplodeOperator(child: try self.plan(child, sources: sources), column: column, alias: alias, resolution: resolution)
            case .watermark(let child, let column, let delay):
                return try WatermarkOperator(child: try self.plan(child, sources: sources), column: column, delay: delay, resolution: resolution)
            case .aggregate(let child, let window, let keys, let aggregations):
                var mode = child.isStreaming ? outputMode : .complete
                // A DataFrame is checked in append mode before its query's mode is known; an
                // aggregation without a window is refused in append mode by StreamingQuery at
                // start (as Spark does), so it is checked here as it runs in update mode.
                if mode == .append && window == nil { mode = .update }
                return try WindowAggregateOperator(child: try self.plan(child, sources: sources), window: window, keys: keys,
                                                   aggregations: aggregations, outputMode: mode, resolution: resolution)
            case .mapBatches(let child, let function):
                return try MapBatchesOperator(child: try self.plan(child, sources: sources), function: function)
            case .join(let left, let right, let specification):
                return try planJoin(left, right, specification, sources: sources, evaluator: evaluator)
            }
        } catch let error as PlanError {
            throw error
        } catch let error as OperatorError {
            throw .operatorSetup(error)
        } catch {
            throw .invalidPlan("\(error)")
        }
    }

    private func planJoin(
        _ left: LogicalPlan, _ right: LogicalPlan, _ specification: JoinSpecification,
        sources: [SourceHandle], evaluator: ExpressionEvaluator
    ) throws -> any PhysicalOperator {
        let leftOperator = try plan(left, sources: sources)
        let rightOperator = try plan(right, sources: sources)
        var analysis = try JoinConditionAnalysis(
            condition: specification.condition, left: leftOperator.outputSchema, right: rightOperator.outputSchema,
            leftBounds: leftOperator.eventTimeBounds, rightBounds: rightOperator.eventTimeBounds, resolution: resolution)
        guard !analysis.leftKeys.isEmpty else {
            throw PlanError.unsupportedJoin("the condition \(specification.condition) has no equality between a left and a right column; stream joins are hash joins on such keys")
        }
        let keys = try JoinKeyCoercion(
            leftKeys: analysis.leftKeys, rightKeys: analysis.rightKeys, left: leftOperator.outputSchema,
            right: rightOperator.outputSchema, evaluator: evaluator)
        (analysis.leftKeys, analysis.rightKeys) = (keys.leftKeys, keys.rightKeys)
        for warning in keys.warnings where !notes.warnings.contains(warning) { notes.warnings.append(warning) }
        switch (left.isStreaming, right.isStreaming) {
        case (true, true):
            if specification.type == .leftOuter && analysis.leftEviction.isEmpty {
                throw PlanError.invalidPlan("a left outer stream-stream join needs watermarks on both sides and an event-time range condition, so that unmatched rows can be emitted; add withWatermark and a condition such as right.ts BETWEEN left.start AND left.end")
            }
            return try StreamStreamJoinOperator(
                left: leftOperator, right: rightOperator, leftKeys: analysis.leftKeys, rightKeys: analysis.rightKeys,
                condition: analysis.residual, joinType: specification.type, leftEviction: analysis.leftEviction,
                rightEviction: analysis.rightEviction, evaluator: evaluator)
        case (true, false), (false, false):
            let table = try rightOperator.execute(BatchContext(batchId: 0, watermarkForLateEvents: 0, watermarkForEviction: 0, inputs: [:]))
            var joined: any PhysicalOperator = try StreamStaticJoinOperator(
                stream: leftOperator, table: table, streamKeys: analysis.leftKeys, tableKeys: analysis.rightKeys,
                joinType: specification.type, evaluator: evaluator)
            if let residual = analysis.residual {
                guard specification.type == .inner else {
                    throw PlanError.unsupportedJoin("a left outer stream-static join supports equality conditions only")
                }
                joined = try FilterOperator(child: joined, predicate: residual, evaluator: evaluator)
            }
            return joined
        case (false, true):
            throw PlanError.unsupportedJoin("put the stream on the left of a stream-static join (table.join(stream) is not supported)")
        }
    }
}
