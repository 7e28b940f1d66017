public import Connectors
public import StreamExecution
import StreamPlan
import Columnar
import FileConnector
import KafkaConnector
import MachineLearning
import StreamOperators

/// Runs the top-up pipeline's stages as streaming queries side by side (each with its own
/// sources, as each Spark query has its own) and writes every batch's rows as it commits.
///
/// What runs depends on the outputs asked for:
/// - ``outputDirectory`` (`--dump`): every stage, each batch appended to its JSON-lines file,
///   the shapes of a fixture's `expected/` directory: `customer_parsed.jsonl`,
///   `bureau_cleaned.jsonl`, `bureau_groups.jsonl`, `joined.jsonl`, and with a model
///   `predictions.jsonl` and `state_counts.jsonl` (per batch, predicted top-ups per State),
///   and with ``lineage`` `lineage.jsonl` (each prediction's input records, ``TopUpLineage``);
/// - ``parquetDirectory`` (`--out`): the joined stage as Parquet with a Spark manifest in
///   `DIR/cust_bureau`, and with a model the predictions in `DIR/top_up_predictions`;
/// - ``stateCountsTopic``: each scored batch's state counts published to Kafka, as the seed's
///   `foreachBatch` did (needs a model).
///
/// With a ``checkpointDirectory`` every stage is checkpointed in `DIR/<stage>` (the root is
/// claimed by a `_pipeline` file: ``PipelineCheckpoint``); a rerun resumes each stage after
/// its last committed batch and the dumps continue after that batch's rows (see
/// ``JSONLinesFileSink``). Everything the options name is checked by ``prepare()`` before
/// any query runs. Turning ``noDataBatches`` off makes every run's batches hold exactly the
/// data that arrived for them, so a feed can be replayed one micro-batch per run.
public struct TopUpDump {
    public var customerLocation: String
    public var bureauLocation: String
    public var trigger: Trigger
    public var readLimit: ReadLimit
    /// Where each stage's rows go as JSON lines; nil writes no dumps (and runs only the stages
    /// the other outputs need).
    public var outputDirectory: String?
    /// A saved Spark `PipelineModel` to score the joined stream with; nil skips scoring.
    public var modelDirectory: String?
    /// Receives a line per batch, per resumed stage and per finished stage; called from the
    /// stages' tasks, one line at a time per stage.
    public var log: @Sendable (String) -> Void
    /// When set, each stage is checkpointed in `checkpointDirectory/<stage>`.
    public var checkpointDirectory: String?
    /// When set, the joined stage is also written to `parquetDirectory/cust_bureau` as Parquet,
    /// and with a model the predictions to `parquetDirectory/top_up_predictions` (the columns of
    /// `predictions.jsonl` plus `State`).
    public var parquetDirectory: String?
    /// Where malformed messages are kept (`DIR/<stage>/batch-N.jsonl`); default: `quarantine/`
    /// under the dump, Parquet or checkpoint directory, the first one given.
    public var quarantineDirectory: String?
    /// Spark's `spark.sql.streaming.noDataMicroBatches.enabled` for every stage's query
    /// (``StreamingQueryConfiguration/noDataBatches``). Default true, as in Spark.
    public var noDataBatches = true
    /// How many partitions every stage's query runs (``StreamingQueryConfiguration/partitions``):
    /// default one per core; recorded in each stage's checkpoint.
    public var partitions = StreamingQueryConfiguration.defaultPartitions
    /// The late-rows side output and the event-time guard, for every stage (default: neither).
    public var lateRows = LateRowsOptions()
    /// When set (`kafka://HOST:PORT[,HOST:PORT…]/TOPIC`), every scored batch with predicted
    /// top-ups is also published there, one message per batch keyed by its largest
    /// `window_end` (``TopUpTargeting/stateCountsDocument(batchId:scored:)``), as the seed
    /// published `Statewide_customer_count`. Needs ``modelDirectory``.
    public var stateCountsTopic: String?
    /// When set (`--lineage`), the predictions stage traces the records behind each prediction
    /// and writes them to `lineage.jsonl` in the dump (``TopUpLineage``); every other output keeps
    /// its columns. Needs ``modelDirectory`` and ``outputDirectory``.
    public var lineage: TopUpLineage?

    /// Every stage's name, which is also its checkpoint subdirectory.
    public static let stageNames = ["customer_parsed", "bureau_cleaned", "bureau_groups", "joined", "predictions"]

    public init(
        customerLocation: String, bureauLocation: String, trigger: Trigger, readLimit: ReadLimit,
        outputDirectory: String?, modelDirectory: String? = nil, checkpointDirectory: String? = nil,
        parquetDirectory: String? = nil, log: @escaping @Sendable (String) -> Void = { print($0) }
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

    /// One stage's outcome.
    public typealias StageResult = PipelineRun.StageResult

    /// Prepares and runs every stage until the trigger is done; see ``prepare()``.
    @discardableResult
    public func run() async throws -> [StageResult] {
        try await prepare().run()
    }

    /// Checks every option, opens the sources, sinks and checkpoints and plans each stage's
    /// query, without running anything; the result runs them and can be stopped.
    /// - Throws: ``PipelineError`` for an option that cannot work (a missing model, an
    ///   unwritable directory, another pipeline's checkpoint, no output at all); the errors of
    ///   planning and of opening a checkpoint.
    public func prepare() throws -> PipelineRun {
        guard outputDirectory != nil || parquetDirectory != nil || stateCountsTopic != nil else {
            throw PipelineError.nothingToWrite(pipeline: "topup", options: ["--dump DIR", "--out DIR", "--state-counts-topic (with --model)"])
        }
        guard lineage == nil || (modelDirectory != nil && outputDirectory != nil) else {
            throw PipelineError.conflictingOptions("--lineage traces the predictions into DIR/lineage.jsonl: give --model and --dump DIR too")
        }
        guard stateCountsTopic == nil || modelDirectory != nil else {
            throw PipelineError.conflictingOptions("--state-counts-topic publishes the scored stream's counts: give --model too")
        }
        try StartupCheck.checkInput(customerLocation, option: "--customer", warn: log)
        try StartupCheck.checkInput(bureauLocation, option: "--bureau", warn: log)
        if let outputDirectory { try StartupCheck.prepareDirectory(outputDirectory, option: "--dump") }
        if let parquetDirectory { try StartupCheck.prepareDirectory(parquetDirectory, option: "--out") }
        let model = try modelDirectory.map { path throws(PipelineError) in
            try StartupCheck.loadModel(path) { try PipelineModel.load(directory: $0) }
        }
        if let checkpointDirectory {
            try PipelineCheckpoint.claim(checkpointDirectory, pipeline: "topup", stages: Self.stageNames)
        }
        let quarantineRoot = try quarantineDirectory ?? (outputDirectory ?? parquetDirectory ?? checkpointDirectory).map { "\($0)/quarantine" }
            ?? { throw PipelineError.conflictingOptions(
                "malformed messages need a place: give --quarantine DIR (or --dump, --out or --checkpoint, which keep them in quarantine/)") }()
        let publisher = try stateCountsPublisher()

        var stages: [PipelineRun.Stage] = []
        if let outputDirectory {
            let dumpOnly: [(String, (TopUpPipeline) throws -> DataFrame)] = [
                ("customer_parsed", { try $0.customerParsed() }), ("bureau_cleaned", { try $0.bureauCleaned() }),
                ("bureau_groups", { try $0.bureauGroups() }),
            ]
            for (name, build) in dumpOnly {
                let file = try JSONLinesFileSink(path: "\(outputDirectory)/\(name).jsonl")
                let sink = StageSink(name: name) { try file.addBatch($0, $1) }
                stages.append(try stage(name, plan: try build(try pipeline()), sink: sink, files: [file],
                                        quarantineRoot: quarantineRoot))
            }
        }
        if outputDirectory != nil || parquetDirectory != nil {
            let dump = try outputDirectory.map { try JSONLinesFileSink(path: "\($0)/joined.jsonl") }
            let parquet = try parquetDirectory.map { try ParquetFileSink(path: "\($0)/cust_bureau") }
            let sink = StageSink(name: "joined") { batchId, batch in
                try parquet?.addBatch(batchId, batch)
                try dump?.addBatch(batchId, batch)
            }
            stages.append(try stage("joined", plan: try pipeline().joined(), sink: sink, files: dump.map { [$0] } ?? [],
                                    quarantineRoot: quarantineRoot))
        }
        if let model {
            let predictionsFile = try outputDirectory.map { try JSONLinesFileSink(path: "\($0)/predictions.jsonl") }
            let countsFile = try outputDirectory.map { try JSONLinesFileSink(path: "\($0)/state_counts.jsonl") }
            let parquet = try parquetDirectory.map { try ParquetFileSink(path: "\($0)/top_up_predictions") }
            let lineageFile = try lineage.flatMap { _ in try outputDirectory.map { try JSONLinesFileSink(path: "\($0)/lineage.jsonl") } }
            let sink = StageSink(name: "predictions") { batchId, batch in
                let published = try TopUpTargeting.predictions(scored: batch)
                // The dataset keeps State, so analysts can count targets per state with SQL.
                try parquet?.addBatch(batchId, TopUpLineage.withoutLineage(batch))
                try lineageFile?.addBatch(batchId, try TopUpLineage.sideTable(scored: batch))
                try predictionsFile?.addBatch(batchId, published)
                if let counts = try TopUpTargeting.stateCounts(batchId: batchId, scored: batch) {
                    try countsFile?.addBatch(batchId, counts)
                } else {
                    try countsFile?.resume(at: batchId)
                }
                if let publisher, let document = try TopUpTargeting.stateCountsDocument(batchId: batchId, scored: batch) {
                    try publisher.publish(batchId: batchId, document)
                }
            }
            let scored = try pipeline().scored(model: model)
            stages.append(try stage("predictions", plan: try lineage.map { try $0.traced(scored) } ?? scored, sink: sink,
                                    files: [predictionsFile, countsFile, lineageFile].compactMap { $0 }, quarantineRoot: quarantineRoot))
        }
        return PipelineRun(stages: stages, log: log)
    }

    /// Kafka sources stop at the topics' ends at start unless the trigger runs until stopped.
    private var bounded: Bool {
        if case .processingTime = trigger { return false }
        return true
    }

    /// Fresh sources for one stage's query.
    private func pipeline() throws -> TopUpPipeline {
        TopUpPipeline(customerSource: try SourceLocation.open(customerLocation, boundedAtStart: bounded),
                      bureauSource: try SourceLocation.open(bureauLocation, boundedAtStart: bounded))
    }

    private func stage(
        _ name: String, plan: DataFrame, sink: StageSink, files: [JSONLinesFileSink], quarantineRoot: String
    ) throws -> PipelineRun.Stage {
        try PipelineRun.Stage.make(
            name, plan: plan, sink: sink, files: files, trigger: trigger, readLimit: readLimit, noDataBatches: noDataBatches,
            partitions: partitions, checkpointRoot: checkpointDirectory, quarantineRoot: quarantineRoot, lateRows: lateRows, log: log)
    }

    /// The publisher for ``stateCountsTopic``, checked before any stage runs; nil when unset.
    private func stateCountsPublisher() throws -> KafkaBatchPublisher? {
        guard let stateCountsTopic else { return nil }
        let (servers, topics) = try SourceLocation.kafkaTopics(stateCountsTopic)
        guard topics.count == 1 else {
            throw ConnectorError.unreadableLocation(stateCountsTopic, reason: "state counts go to one topic, got \(topics.count)")
        }
        return try KafkaBatchPublisher(configuration: KafkaSinkConfiguration(bootstrapServers: servers, topic: topics[0]))
    }
}
