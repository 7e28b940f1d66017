public import Columnar
public import Connectors
import StreamExecution
import StreamOperators

/// The churn fixture's `weblog_stats` rows, computed as Spark's batch job computed them.
///
/// Spark answered them with one batch job over every click file (`local[2]`): its scan splits
/// the files into partitions (``SparkFilePartitioning``), each task builds a partial aggregate
/// of its partition's rows in order, and the final aggregate merges the partials in partition
/// order. Exact statistics do not care, but `percentile_approx` does: a Greenwald–Khanna summary
/// depends on which values were summarised together and in which order the summaries merged.
/// So each dimension runs as a complete-mode query over a ``FilePartitionSource``, one Spark
/// partition per micro-batch: each batch's values form one partial summary, merged into the
/// state in partition order, exactly as Spark merges them.
///
/// A Kafka location has no Spark file partitions; it is read as one batch.
public struct WeblogStatistics {
    public var clickLocation: String
    /// The CRM documents (the statistics do not use them; the pipeline needs a table).
    public var crm: RecordBatch
    /// Spark's file-partition settings of the batch job being reproduced (default: `local[2]`).
    public var partitioning: SparkFilePartitioning

    public init(clickLocation: String, crm: RecordBatch, partitioning: SparkFilePartitioning = SparkFilePartitioning()) {
        self.clickLocation = clickLocation
        self.crm = crm
        self.partitioning = partitioning
    }

    /// One batch per dimension (``ChurnSchemas/statisticsDimensions``), in that order.
    public func run() async throws -> [RecordBatch] {
        var statistics: [RecordBatch] = []
        for dimension in ChurnSchemas.statisticsDimensions {
            let sink = MemorySink(name: dimension)
            let query = try StreamingQuery(
                try ChurnPipeline(clickSource: try source(), crm: crm).statistics(by: dimension), sink: sink,
                configuration: .init(name: "weblog_stats/\(dimension)", outputMode: .complete, trigger: .availableNow,
                                     readLimit: .all))
            try await query.run()
            if let last = sink.batches.last?.batch { statistics.append(last) }
        }
        return statistics
    }

    private func source() throws -> any StreamSource {
        if clickLocation.hasPrefix("kafka://") { return try SourceLocation.open(clickLocation) }
        let path = clickLocation.hasPrefix("file://") ? String(clickLocation.dropFirst("file://".count)) : clickLocation
        return try FilePartitionSource(directory: path, partitioning: partitioning)
    }
}
