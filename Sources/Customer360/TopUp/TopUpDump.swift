public import Connectors
public import StreamExecution
public import StreamPlan
import Columnar
import FileConnector
import KafkaConnector
import MachineLearning
import StreamOperators

/// Runs the top-up pipeline's stages as separate queries, the way the fixture's `expected/`
/// files were produced, and writes each stage's rows as JSON lines into a directory:
/// `customer_parsed.jsonl`, `bureau_cleaned.jsonl`, `bureau_groups.jsonl`, `joined.jsonl`; with a
/// model directory, also the scored stream as `predictions.jsonl` and the seed's per-batch
/// state counts (its `foreachBatch`) as `state_counts.jsonl`.
///
/// With a ``checkpointDirectory`` every stage is checkpointed in its own subdirectory
/// (`DIR/<stage>`): a second run with the same checkpoint resumes where the first stopped, and a
/// stage's JSON lines hold only the rows of the batches run this time. With a
/// ``parquetDirectory`` the joined stage is also written as a Parquet dataset with a Spark
/// manifest to `DIR/cust_bureau`, and the scored stream to `DIR/top_up_predictions`.
///
/// With a ``stateCountsTopic`` each scored batch's state counts are also published to Kafka as
/// the seed's `foreachBatch` did. Turning ``noDataBatches`` off makes every run's batches hold
/// exactly the data that arrived for them, so a feed can be replayed one micro-batch per run.
public struct TopUpDump {
    public var customerLocation: String
    public var bureauLocation: String
    public var trigger: Trigger
    public var readLimit: ReadLimit
    public var outputDirectory: String
    /// A saved Spark `PipelineModel` to score the joined stream with; nil skips scoring.
    public var modelDirectory: String?
    /// Receives a line per batch and per finished stage.
    public var log: (String) -> Void
    /// When set, each stage is checkpointed in `checkpointDirectory/<stage>`.
    public var checkpointDirectory: String?
    /// When set, the joined stage is also written to `parquetDirectory/cust_bureau` as Parquet,
    /// and with a model the predictions to `parquetDirectory/top_up_predictions`.
    public var parquetDirectory: String?
    /// Spark's `spark.sql.streaming.noDataMicroBatches.enabled` for every stage's query
    /// (``StreamingQueryConfiguration/noDataBatches``). Default true, as in Spark.
    public var noDataBatches = true
    /// When set (`kafka://HOST:PORT[,HOST:PORT…]/TOPIC`), every scored batch with predicted
    /// top-ups is also published there, one message per batch keyed by its largest
    /// `window_end` (``TopUpTargeting/stateCountsDocument(batchId:scored:)``), as the seed
    /// published `Statewide_customer_count`. Needs ``modelDirectory``.
    public var stateCountsTopic: String?

    public init(
        customerLocation: String, bureauLocation: String, trigger: Trigger, readLimit: ReadLimit,
        outputDirectory: String, modelDirectory: String? = nil, checkpointDirectory: String? = nil,
        parquetDirectory: String? = nil, log: @escaping (String) -> Void = { print($0) }
    ) {
        self.modelDirectory = modelDirectory
        self.checkpointDirectory = checkpointDirectory
        self.parquetDirectory = parquetDirectory
        self.customerLocation = customerLocation
        self.bureauLocation = bureauLocation
        self.trigger = trigger
        self.readLimit = readLimit
        self.outputDirectory = outputDirectory
        self.log = log
    }

    /// Kafka sources stop at the topics' ends at start unless the trigger runs until stopped.
    private var bounded: Bool {
        if case .processingTime = trigger { return false }
        return true
    }

    /// One stage's outcome.
    public struct StageResult: Sendable {
        public var name: String
        public var rows: Int
        public var batches: Int
        public var quarantinedMessages: Int
        public var lateRowsDropped: Int
    }

    /// Runs every stage in turn and returns what each produced.
    @discardableResult
    public func run() async throws -> [StageResult] {
        let publisher = try stateCountsPublisher()
        try FileSystem.createDirectory(outputDirectory)
        let stages: [(String, (TopUpPipeline) throws -> DataFrame)] = [
            ("customer_parsed", { try $0.customerParsed() }),
            ("bureau_cleaned", { try $0.bureauCleaned() }),
            ("bureau_groups", { try $0.bureauGroups() }),
            ("joined", { try $0.joined() }),
        ]
        var results: [StageResult] = []
        for (name, build) in stages {
            // Fresh sources per query, as each Spark query has its own.
            let pipeline = TopUpPipeline(
                customerSource: try SourceLocation.open(customerLocation, boundedAtStart: bounded),
                bureauSource: try SourceLocation.open(bureauLocation, boundedAtStart: bounded))
            let sink = MemorySink(name: name)
            let configuration = StreamingQueryConfiguration(
                name: name, outputMode: .append, trigger: trigger, readLimit: readLimit,
                quarantineDirectory: "\(outputDirectory)/quarantine/\(name)",
                checkpointLocation: checkpointDirectory.map { "\($0)/\(name)" }, noDataBatches: noDataBatches)
            var target: any StreamSink = sink
            if name == "joined", let parquetDirectory {
                let files = try ParquetFileSink(path: "\(parquetDirectory)/cust_bureau")
                target = ForeachBatchSink(name: "joined") { id, batch in
                    try files.addBatch(id, batch)
                    sink.addBatch(id, batch)
                }
            }
            let query = try StreamingQuery(try build(pipeline), sink: target, configuration: configuration)
            query.progressHandler = { log($0.summary) }
            let firstBatch = query.nextBatchId
            try await query.run()
            var bytes: [UInt8] = []
            for (_, batch) in sink.batches { JSONLinesEncoder.encode(batch, into: &bytes) }
            try FileSystem.writeAtomically(bytes, to: "\(outputDirectory)/\(name).jsonl")
            let late = query.recentProgress.reduce(0) { $0 + $1.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark } }
            let result = StageResult(name: name, rows: sink.rowCount, batches: Int(query.nextBatchId - firstBatch),
                                     quarantinedMessages: query.quarantine.count, lateRowsDropped: late)
            log("\(name): \(result.rows) rows in \(result.batches) batches, \(result.lateRowsDropped) late rows dropped, "
                + "\(result.quarantinedMessages) malformed messages quarantined -> \(outputDirectory)/\(name).jsonl")
            results.append(result)
        }
        if let modelDirectory {
            results.append(try await score(with: try PipelineModel.load(directory: modelDirectory), publisher: publisher))
        }
        return results
    }

    /// The publisher for ``stateCountsTopic``, checked before any stage runs; nil when unset.
    private func stateCountsPublisher() throws -> KafkaBatchPublisher? {
        guard let stateCountsTopic else { return nil }
        let (servers, topics) = try SourceLocation.kafkaTopics(stateCountsTopic)
        guard topics.count == 1 else {
            throw ConnectorError.unreadableLocation(stateCountsTopic, reason: "state counts go to one topic, got \(topics.count)")
        }
        guard modelDirectory != nil else {
            throw ConnectorError.unreadableLocation(stateCountsTopic, reason: "state counts come from the scored stream: give a model too")
        }
        return try KafkaBatchPublisher(configuration: KafkaSinkConfiguration(bootstrapServers: servers, topic: topics[0]))
    }

    /// Step 7: scores the joined stream; each micro-batch's rows go to `predictions.jsonl` and
    /// its per-state counts of predicted top-ups to `state_counts.jsonl` (and to `publisher`).
    private func score(with model: PipelineModel, publisher: KafkaBatchPublisher?) async throws -> StageResult {
        let pipeline = TopUpPipeline(
            customerSource: try SourceLocation.open(customerLocation, boundedAtStart: bounded), bureauSource: try SourceLocation.open(bureauLocation, boundedAtStart: bounded))
        var predictions: [UInt8] = []
        var stateCounts: [UInt8] = []
        var rows = 0
        let files = try parquetDirectory.map { try ParquetFileSink(path: "\($0)/top_up_predictions") }
        let sink = ForeachBatchSink(name: "state_counts") { batchId, batch in
            let published = try TopUpTargeting.predictions(scored: batch)
            try files?.addBatch(batchId, published)
            JSONLinesEncoder.encode(published, into: &predictions)
            rows += batch.rowCount
            if let counts = try TopUpTargeting.stateCounts(batchId: batchId, scored: batch) {
                JSONLinesEncoder.encode(counts, into: &stateCounts)
            }
            if let publisher, let document = try TopUpTargeting.stateCountsDocument(batchId: batchId, scored: batch) {
                try publisher.publish(batchId: batchId, document)
            }
        }
        let configuration = StreamingQueryConfiguration(
            name: "predictions", outputMode: .append, trigger: trigger, readLimit: readLimit,
            quarantineDirectory: "\(outputDirectory)/quarantine/predictions",
            checkpointLocation: checkpointDirectory.map { "\($0)/predictions" }, noDataBatches: noDataBatches)
        let query = try StreamingQuery(try pipeline.scored(model: model), sink: sink, configuration: configuration)
        query.progressHandler = { log($0.summary) }
        let firstBatch = query.nextBatchId
        try await query.run()
        try FileSystem.writeAtomically(predictions, to: "\(outputDirectory)/predictions.jsonl")
        try FileSystem.writeAtomically(stateCounts, to: "\(outputDirectory)/state_counts.jsonl")
        log("predictions: \(rows) rows scored by \(model.uid) -> \(outputDirectory)/predictions.jsonl, state_counts.jsonl")
        return StageResult(name: "predictions", rows: rows, batches: Int(query.nextBatchId - firstBatch),
                           quarantinedMessages: query.quarantine.count, lateRowsDropped: 0)
    }
}
