public import Connectors
import Columnar
import DocumentStore
import FileConnector
import JSONIngest
import MachineLearning
public import StreamExecution
import StreamOperators
import StreamPlan

/// Runs the churn pipeline over a clickstream (a directory of JSON-lines files or a Kafka topic)
/// and the CRM documents (a JSON-lines export or a document table): its streaming stages side
/// by side as checkpointable queries, writing every batch as it commits, and the web-traffic
/// statistics as the batch job Spark ran.
///
/// What runs depends on the outputs asked for:
/// - ``outputDirectory`` (`--dump`): `joined.jsonl`, with a model `predictions.jsonl`, each
///   batch appended as it commits (see ``JSONLinesFileSink``), and after the streams
///   `weblog_stats.jsonl` over the clickstream files (a directory source only): the shapes of
///   the `c360-small` fixture;
/// - ``parquetDirectory`` (`--out`): the joined stream as Parquet with a Spark manifest in
///   `DIR/churn_joined`, with a model the predictions in `DIR/churn_predictions`;
/// - ``predictionsTable`` (`--save-predictions sqlite:PATH#TABLE` or `postgres://…#TABLE`):
///   each scored batch's latest score per customer upserted into a document table keyed by
///   `user_id`, in one transaction with its batch id (needs a model), as the seed saved its
///   predictions back into the document store.
///
/// With a ``checkpointDirectory`` each streaming stage is checkpointed in `DIR/<stage>` and a
/// rerun resumes after its last committed batch.
public struct ChurnDump {
    public var clickLocation: String
    /// The CRM documents: a JSON-lines file, or a store table `sqlite:PATH#TABLE` / `postgres://…#TABLE`.
    public var crmPath: String
    public var trigger: Trigger
    public var readLimit: ReadLimit
    /// Where the outputs go as JSON lines; nil writes no dumps.
    public var outputDirectory: String?
    /// When set, the joined stream is also scored with this model into `predictions.jsonl`.
    public var modelDirectory: String?
    /// When set, each streaming stage is checkpointed in `checkpointDirectory/<stage>`.
    public var checkpointDirectory: String?
    /// When set, the joined stream and predictions are also written as Parquet datasets here.
    public var parquetDirectory: String?
    /// When set, predictions are upserted into this document table (needs a model).
    public var predictionsTable: String?
    /// Where malformed messages are kept; default: `quarantine/` under the dump, Parquet or
    /// checkpoint directory, the first one given.
    public var quarantineDirectory: String?
    /// Spark's `noDataMicroBatches.enabled` for the streaming stages (they hold no state, so
    /// it changes nothing but is accepted as `topup` accepts it).
    public var noDataBatches = true
    /// How many partitions every stage's query runs (``StreamingQueryConfiguration/partitions``):
    /// default one per core; recorded in each stage's checkpoint.
    public var partitions = StreamingQueryConfiguration.defaultPartitions
    /// The late-rows side output and the event-time guard, for every stage (default: neither).
    public var lateRows = LateRowsOptions()
    public var log: @Sendable (String) -> Void

    /// Every streaming stage's name, which is also its checkpoint subdirectory.
    public static let stageNames = ["joined", "predictions"]

    public init(
        clickLocation: String, crmPath: String, trigger: Trigger, readLimit: ReadLimit, outputDirectory: String?,
        modelDirectory: String? = nil, log: @escaping @Sendable (String) -> Void = { print($0) }
    ) {
        self.modelDirectory = modelDirectory
        self.clickLocation = clickLocation
        self.crmPath = crmPath
        self.trigger = trigger
        self.readLimit = readLimit
        self.outputDirectory = outputDirectory
        self.log = log
    }

    /// Rows written per output (`joined`, `predictions`, `weblog_stats`).
    @discardableResult
    public func run() async throws -> [String: Int] {
        let prepared = try prepare()
        let results = try await prepared.run.run()
        var counts: [String: Int] = [:]
        for result in results { counts[result.name] = result.rows }
        if outputDirectory != nil, !clickLocation.hasPrefix("kafka://"), !prepared.run.isStopRequested {
            counts.merge(try await writeStatistics(prepared.crm)) { $1 }
        }
        return counts
    }

    /// The streaming stages, prepared, and the CRM rows they join with.
    public struct Prepared {
        public let run: PipelineRun
        public let crm: RecordBatch
    }

    /// Checks every option, loads the CRM documents and the model, opens sinks and checkpoints
    /// and plans the streaming stages, without running anything.
    /// - Throws: ``PipelineError`` for an option that cannot work; the errors of loading the
    ///   CRM documents, of planning and of opening a checkpoint.
    public func prepare() throws -> Prepared {
        guard outputDirectory != nil || parquetDirectory != nil || predictionsTable != nil else {
            throw PipelineError.nothingToWrite(pipeline: "churn", options: ["--dump DIR", "--out DIR", "--save-predictions URL#TABLE (with --model)"])
        }
        guard predictionsTable == nil || modelDirectory != nil else {
            throw PipelineError.conflictingOptions("--save-predictions saves the scored stream: give --model too")
        }
        try StartupCheck.checkInput(clickLocation, option: "--clicks", warn: log)
        if let outputDirectory { try StartupCheck.prepareDirectory(outputDirectory, option: "--dump") }
        if let parquetDirectory { try StartupCheck.prepareDirectory(parquetDirectory, option: "--out") }
        let model = try modelDirectory.map { path throws(PipelineError) in
            try StartupCheck.loadModel(path) { try PipelineModel.load(directory: $0) }
        }
        if let checkpointDirectory {
            try PipelineCheckpoint.claim(checkpointDirectory, pipeline: "churn", stages: Self.stageNames)
        }
        let quarantineRoot = try quarantineDirectory ?? (outputDirectory ?? parquetDirectory ?? checkpointDirectory).map { "\($0)/quarantine" }
            ?? { throw PipelineError.conflictingOptions(
                "malformed messages need a place: give --quarantine DIR (or --dump, --out or --checkpoint, which keep them in quarantine/)") }()
        let predictionsSink = try predictionsTable.map { try ChurnPredictionsTable.open($0) }

        let loaded = try CRMTable.load(crmPath)
        let crm = loaded.rows
        log("crm: \(crm.rowCount) documents from \(loaded.description), schema \(crm.schema)"
            + (loaded.rejectedDocuments == 0 ? "" : ", \(loaded.rejectedDocuments) rejected"))

        var stages: [PipelineRun.Stage] = []
        if outputDirectory != nil || parquetDirectory != nil {
            let dump = try outputDirectory.map { try JSONLinesFileSink(path: "\($0)/joined.jsonl") }
            let parquet = try parquetDirectory.map { try ParquetFileSink(path: "\($0)/churn_joined") }
            let sink = StageSink(name: "joined") { batchId, batch in
                try parquet?.addBatch(batchId, batch)
                try dump?.addBatch(batchId, batch)
            }
            stages.append(try stage("joined", plan: try pipeline(crm).joined(), sink: sink, files: dump.map { [$0] } ?? [],
                                    quarantineRoot: quarantineRoot))
        }
        if let model {
            let dump = try outputDirectory.map { try JSONLinesFileSink(path: "\($0)/predictions.jsonl") }
            let parquet = try parquetDirectory.map { try ParquetFileSink(path: "\($0)/churn_predictions") }
            let sink = StageSink(name: "predictions") { batchId, batch in
                try parquet?.addBatch(batchId, batch)
                try dump?.addBatch(batchId, batch)
                try predictionsSink?.addBatch(batchId, batch)
            }
            stages.append(try stage("predictions", plan: try pipeline(crm).scored(model: model), sink: sink,
                                    files: dump.map { [$0] } ?? [], quarantineRoot: quarantineRoot))
        }
        return Prepared(run: PipelineRun(stages: stages, log: log), crm: crm)
    }

    private func stage(
        _ name: String, plan: DataFrame, sink: StageSink, files: [JSONLinesFileSink], quarantineRoot: String
    ) throws -> PipelineRun.Stage {
        try PipelineRun.Stage.make(
            name, plan: plan, sink: sink, files: files, trigger: trigger, readLimit: readLimit, noDataBatches: noDataBatches,
            partitions: partitions, checkpointRoot: checkpointDirectory, quarantineRoot: quarantineRoot, lateRows: lateRows, log: log)
    }

    /// Writes `weblog_stats.jsonl` into ``outputDirectory``: the web-traffic statistics over the
    /// clickstream files, as the batch job Spark ran. Returns its row count by output name.
    public func writeStatistics(_ crm: RecordBatch) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        // Spark computed the statistics as one batch job over its own partitions of the files.
        let statistics = try await WeblogStatistics(clickLocation: clickLocation, crm: crm).run()
        counts["weblog_stats"] = try write(statistics, "weblog_stats")
        if let outputDirectory { log("weblog_stats: \(counts["weblog_stats"] ?? 0) rows -> \(outputDirectory)/weblog_stats.jsonl") }
        return counts
    }

    private func pipeline(_ crm: RecordBatch) throws -> ChurnPipeline {
        ChurnPipeline(clickSource: try SourceLocation.open(clickLocation, boundedAtStart: bounded), crm: crm)
    }

    /// Kafka sources stop at the topics' ends at start unless the trigger runs until stopped.
    private var bounded: Bool {
        if case .processingTime = trigger { return false }
        return true
    }

    private func write(_ batches: [RecordBatch], _ name: String) throws -> Int {
        guard let outputDirectory else { return 0 }
        var bytes: [UInt8] = []
        for batch in batches { JSONLinesEncoder.encode(batch, into: &bytes) }
        try FileSystem.writeAtomically(bytes, to: "\(outputDirectory)/\(name).jsonl")
        return batches.reduce(0) { $0 + $1.rowCount }
    }

}
