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
    /// Set while planning one partition's tree of a partitioned plan (see ``planPartitions(_:sources:count:)``).
    private var partitioning: PartitionPlanning?

    private final class Notes {
        var warnings: [String] = []
    }

    /// Which tree of a partitioned plan is being planned, and the exchanges the trees share: the
    /// k-th exchange planned in every tree is the same ``ShuffleExchange``, since planning is
    /// deterministic.
    private final class PartitionPlanning {
        let partition: Int
        let shared: SharedExchanges

        init(partition: Int, shared: SharedExchanges) {
            self.partition = partition
            self.shared = shared
        }
    }

    private final class SharedExchanges {
        let count: Int
        var exchanges: [ShuffleExchange] = []
        var next = 0

        init(count: Int) {
            self.count = count
        }

        func nextExchange() -> ShuffleExchange {
            if next == exchanges.count { exchanges.append(ShuffleExchange(count: count)) }
            defer { next += 1 }
            return exchanges[next]
        }
    }

    public init(resolution: NameResolution = .caseInsensitive, outputMode: OutputMode = .append) {
        self.resolution = resolution
        self.outputMode = outputMode
    }

    /// Plans `plan` once per partition (Spark's `spark.sql.shuffle.partitions`): every tree reads
    /// its share of each source and has its own operators and state; an exchange on the grouping
    /// or join keys precedes every stateful operator over a stream, so that all rows of a key meet
    /// in one partition. With `count` 1 the plan has no exchange and is exactly ``plan(_:sources:)``'s.
    public func planPartitions(_ plan: LogicalPlan, sources: [SourceHandle], count: Int) throws(PlanError) -> PartitionedPlan {
        guard count >= 1 else { throw PlanError.invalidPlan("a query needs at least 1 partition, not \(count)") }
        guard count > 1 else { return PartitionedPlan(trees: [try self.plan(plan, sources: sources)]) }
        let shared = SharedExchanges(count: count)
        var trees: [any PhysicalOperator] = []
        for partition in 0..<count {
            var planner = self
            planner.partitioning = PartitionPlanning(partition: partition, shared: shared)
            shared.next = 0
            trees.append(try planner.plan(plan, sources: sources))
        }
        return PartitionedPlan(trees: trees)
    }

    /// `input` behind a hash exchange on `keys` when planning a partitioned plan, else `input`.
    private func exchanged(_ input: any PhysicalOperator, keys: [Expression], evaluator: ExpressionEvaluator) throws -> any PhysicalOperator {
        guard let partitioning, partitioning.shared.count > 1 else { return input }
        return try ShuffleExchangeOperator(child: input, keys: keys, partition: partitioning.partition,
                                           exchange: partitioning.shared.nextExchange(), evaluator: evaluator)
    }

    /// Plans `plan`, numbering sources by their position in `sources`.
    public func plan(_ plan: LogicalPlan, sources: [SourceHandle]) throws(PlanError) -> any PhysicalOperator {
        var children: [any PhysicalOperator] = []
        for child in plan.children { children.append(try self.plan(child, sources: sources)) }
        return try planStep(plan, over: children, sources: sources)
    }

    /// Plans only the top step of `plan`, over operators already planned for its children (in
    /// ``LogicalPlan/children`` order): how a ``DataFrame`` checks each new step without planning
    /// the whole tree again.
    public func planStep(_ plan: LogicalPlan, over children: [any PhysicalOperator], sources: [SourceHandle]) throws(PlanError) -> any PhysicalOperator {
        precondition(children.count == plan.children.count, "\(children.count) operators for \(plan.children.count) children")
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
            case .parseJSON(let child, let column, let recordSchema, let positionColumn):
                return try JSONParseOperator(child: children[0], column: column, recordSchema: recordSchema,
                                             resolution: resolution, positionColumn: positionColumn)
            case .project(let child, let expressions):
                return try ProjectOperator(child: children[0], expressions: expressions, evaluator: evaluator)
            case .filter(let child, let predicate):
                return try FilterOperator(child: children[0], predicate: predicate, evaluator: evaluator)
            case .explode(let child, let column, let alias):
                return try ExplodeOperator(child: children[0], column: column, alias: alias, resolution: resolution)
            case .watermark(let child, let column, let delay):
                return try WatermarkOperator(child: children[0], column: column, delay: delay, resolution: resolution)
            case .aggregate(let child, let window, let keys, let aggregations):
                var mode = child.isStreaming ? outputMode : .complete
                // A DataFrame is checked in append mode before its query's mode is known; an
                // aggregation without a window is refused in append mode by StreamingQuery at
                // start (as Spark does), so it is checked here as it runs in update mode.
                if mode == .append && window == nil { mode = .update }
                var input = children[0]
                if child.isStreaming { input = try exchanged(input, keys: keys.map { .column($0) }, evaluator: evaluator) }
                return try WindowAggregateOperator(child: input, window: window, keys: keys,
                                                   aggregations: aggregations, outputMode: mode, resolution: resolution)
            case .mapBatches(let child, let function):
                return try MapBatchesOperator(child: children[0], function: function)
            case .join(let left, let right, let specification):
                return try planJoin(left, right, specification, leftOperator: children[0], rightOperator: children[1], evaluator: evaluator)
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
        leftOperator: any PhysicalOperator, rightOperator: any PhysicalOperator, evaluator: ExpressionEvaluator
    ) throws -> any PhysicalOperator {
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
                left: try exchanged(leftOperator, keys: analysis.leftKeys, evaluator: evaluator),
                right: try exchanged(rightOperator, keys: analysis.rightKeys, evaluator: evaluator), leftKeys: analysis.leftKeys, rightKeys: analysis.rightKeys,
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
