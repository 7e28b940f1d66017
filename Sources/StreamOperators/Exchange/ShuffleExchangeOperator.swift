public import Columnar
public import Expressions

/// Spark's `Exchange hashpartitioning(keys, N)`: moves every row to the partition its keys hash
/// to, so the stateful operator above sees all rows of a key, in every batch, in one partition.
///
/// A partitioned plan has one copy of this operator per partition, sharing one ``ShuffleExchange``.
/// It runs in two phases that the runner orders: ``produce(_:)`` executes the child (this
/// partition's rows) and deposits them split by key hash; then ``execute(_:)`` returns the rows
/// all partitions sent here. Event-time bounds pass through unchanged: moving rows between
/// partitions changes none of their values.
public final class ShuffleExchangeOperator: PhysicalOperator {
    public let child: any PhysicalOperator
    /// The hash keys: the grouping keys of an aggregation, or one side's equality keys of a join.
    public let keys: [Expression]
    /// This copy's partition.
    public let partition: Int
    public let exchange: ShuffleExchange
    private let partitioner: HashPartitioner
    public var name: String { "exchange" }
    public var outputSchema: Schema { child.outputSchema }
    public var children: [any PhysicalOperator] { [child] }
    public var eventTimeBounds: EventTimeBounds { child.eventTimeBounds }

    public init(child: any PhysicalOperator, keys: [Expression], partition: Int, exchange: ShuffleExchange,
                evaluator: ExpressionEvaluator) throws(OperatorError) {
        for key in keys {
            do {
                _ = try evaluator.dataType(of: key, in: child.outputSchema)
            } catch {
                throw .expression(error, operator: "exchange")
            }
        }
        self.child = child
        self.keys = keys
        self.partition = partition
        self.exchange = exchange
        partitioner = HashPartitioner(keys: keys, count: exchange.count, evaluator: evaluator)
    }

    /// Runs the child for this partition and sends its rows to their partitions.
    public func produce(_ context: BatchContext) throws {
        let input = try child.execute(context)
        exchange.deposit(from: partition, input, rows: try partitioner.assign(input))
    }

    /// The rows every partition sent to this one (after all partitions produced).
    public func execute(_ context: BatchContext) throws -> RecordBatch {
        exchange.gather(for: partition, schema: outputSchema)
    }

    /// Releases the batch's rows once every partition has gathered.
    public func finishBatch() {
        exchange.clear()
    }
}
