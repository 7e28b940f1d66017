import Columnar
import Connectors
import Expressions
import FileConnector
import KafkaConnector
import MachineLearning
import StreamExecution
import StreamOperators
import StreamPlan

/// The demo's three streaming queries, each with its own Kafka consumers and checkpoint.
struct DemoQueries {
    let topupJoined: StreamingQuery
    let topupScored: StreamingQuery
    let churn: StreamingQuery

    var all: [StreamingQuery] { [topupJoined, topupScored, churn] }

    init(configuration: DemoConfiguration, bootstrap: String, tables: DemoTables, crm: RecordBatch) throws {
        let dir = configuration.directory
        func source(_ topic: String) throws -> KafkaSource {
            var settings = KafkaSourceConfiguration(bootstrapServers: bootstrap, subscription: .topics([topic]))
            settings.startingOffsets = .earliest
            return try KafkaSource(configuration: settings)
        }
        func settings(_ name: String) -> StreamingQueryConfiguration {
            var settings = StreamingQueryConfiguration(
                name: name, outputMode: .append, trigger: .processingTime(configuration.triggerInterval),
                quarantineDirectory: "\(dir)/quarantine/\(name)")
            settings.checkpointLocation = "\(dir)/checkpoints/\(name)"
            return settings
        }

        let joined = TopUpPipeline(customerSource: try source("customer_data"), bureauSource: try source("bureau_data"))
        topupJoined = try StreamingQuery(
            try joined.joined(), sink: try ParquetFileSink(path: "\(dir)/parquet/cust_bureau_df"),
            configuration: settings("cust_bureau_df"))

        let scoring = TopUpPipeline(customerSource: try source("customer_data"), bureauSource: try source("bureau_data"))
        let predictionsSink = try ParquetFileSink(path: "\(dir)/parquet/top_up_predictions")
        let publisher = try KafkaBatchPublisher(configuration: KafkaSinkConfiguration(
            bootstrapServers: bootstrap, topic: "Statewide_customer_count"))
        let topupModel = try PipelineModel.load(directory: configuration.topupModel)
        let scored = try scoring.scored(model: topupModel)
        topupScored = try StreamingQuery(
            try configuration.lineage.map { try $0.traced(scored) } ?? scored,
            sink: ForeachBatchSink(name: "top_up_predictions") { batchId, batch in
                // The columns of predictions.jsonl plus State, for per-state SQL over the dataset.
                try predictionsSink.addBatch(batchId, TopUpLineage.withoutLineage(batch))
                let counts = try TopUpTargeting.stateCounts(batchId: batchId, scored: batch)
                try tables.saveTopUp(TopUpLineage.renamed(batch), stateCounts: counts)
                if let document = try TopUpTargeting.stateCountsDocument(batchId: batchId, scored: batch) {
                    try publisher.publish(batchId: batchId, document)
                }
            },
            configuration: settings("top_up_predictions"))

        let churnModel = try PipelineModel.load(directory: configuration.churnModel)
        let clicks = ChurnPipeline(clickSource: try source("clickstream"), crm: crm)
        let scoredClicks = try clicks.joined().transform(with: churnModel).select(
            col("user_id"), col("datetime"), col("os"), col("browser"), col("product"), col("url"), col("response_time_ms"),
            col("churn_label"), col("prediction"), vectorElement(col("probability"), 1).alias("probability"),
            col("sentiment"), col("persona"), col("loyalty_tier"))
        churn = try StreamingQuery(
            scoredClicks,
            sink: ForeachBatchSink(name: "realtime_churn_predictions") { batchId, batch in
                try tables.saveChurn(batch, scoredAt: TimestampFormat.iso8601(micros: FileSystem.wallClockMicros()))
            },
            configuration: settings("realtime_churn_predictions"))
    }
}
