public import Columnar
public import StreamOperators

/// A physical plan instantiated once per partition, and the way a batch runs through it on all
/// cores.
///
/// Every tree has the same shape (``PhysicalPlanner/planPartitions(_:sources:count:)`` plans them
/// alike): its own operators and state, a share of each source's rows, and copies of the same
/// exchanges. A batch runs in stages, as Spark's does: for each exchange from the leaves up, every
/// partition runs the operators below it and deposits its rows by key hash; then every partition
/// runs the rest of its tree over the rows it received. The stages' partitions run in parallel
/// on Dispatch's worker threads (one per core); the output is the partitions' outputs in order.
public final class PartitionedPlan {
    /// One operator tree per partition.
    public let trees: [any PhysicalOperator]
    /// The exchanges of each tree, children before parents: `exchangeStages[k][p]` is exchange
    /// k of partition p.
    let exchangeStages: [[ShuffleExchangeOperator]]

    /// The plan over `trees`, which must come from one ``PhysicalPlanner/planPartitions(_:sources:count:)``.
    public init(trees: [any PhysicalOperator]) {
        precondition(!trees.isEmpty, "a plan has at least one partition")
        self.trees = trees
        let perTree = trees.map { tree in tree.allOperators.reversed().compactMap { $0 as? ShuffleExchangeOperator } }
        exchangeStages = perTree[0].indices.map { k in perTree.map { $0[k] } }
    }

    /// How many partitions the plan runs.
    public var count: Int { trees.count }

    /// Partition 0's tree: the plan's shape, for `explain` and tests.
    public var root: any PhysicalOperator { trees[0] }

    /// The operators of type `T` of every partition, by position: `result[k][p]` is the k-th such
    /// operator (depth first) of partition p.
    public func operators<T>(of type: T.Type) -> [[T]] {
        let perTree = trees.map { $0.allOperators.compactMap { $0 as? T } }
        return perTree[0].indices.map { k in perTree.map { $0[k] } }
    }

    /// Runs one batch over every partition and returns their outputs one after another.
    /// - Throws: the error of the lowest partition that failed.
    public func execute(_ context: BatchContext) throws -> RecordBatch {
        guard count > 1 else { return try trees[0].execute(context) }
        defer { for stage in exchangeStages { stage[0].finishBatch() } }
        for stage in exchangeStages {
            try ParallelWork.forEach(count) { partition in
                try stage[partition].produce(context.forPartition(partition))
            }
        }
        let outputs = try ParallelWork.map(count) { partition in
            try trees[partition].execute(context.forPartition(partition))
        }
        return RecordBatch.concatenate(outputs, schema: trees[0].outputSchema)
    }
}
