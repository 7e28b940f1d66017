import ArgumentParser
import Connectors
import Customer360
import StreamExecution

/// `s360 churn`: the Customer 360 churn pipeline over a clickstream and a CRM export.
struct ChurnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "churn",
        abstract: "Run the Customer 360 churn pipeline: clickstream ⋈ CRM documents, web-traffic statistics, churn label.",
        discussion: """
            Reads the clickstream (a directory of JSON-lines files: one event object or an array of \
            events per line, or a Kafka topic as kafka://HOST:PORT/TOPIC) and the CRM documents (a \
            JSON-lines file, flexible schema, or a document table). The streaming stages run side by \
            side and write every batch as it commits: with --dump, joined.jsonl (and predictions.jsonl \
            with --model) appended batch by batch, then weblog_stats.jsonl over the clickstream files, \
            the shapes of the c360-small fixture; with --out, Parquet datasets with Spark manifests \
            (DIR/churn_joined, DIR/churn_predictions); with --save-predictions, each customer's latest \
            score upserted into a document table keyed by user_id. With --checkpoint a rerun resumes \
            after the last committed batch. Ctrl-C or SIGTERM finishes the running batch and stops.
            """)

    @Option(help: "Clickstream: a directory of text files, or kafka://HOST:PORT[,HOST:PORT...]/TOPIC.")
    var clicks: String

    @Option(help: "CRM documents: a JSON-lines file, or a document store table (sqlite:PATH#TABLE, postgres://…#TABLE).")
    var crm: String

    @Option(help: "Files per micro-batch (Spark's maxFilesPerTrigger); default: all available.")
    var maxFilesPerTrigger: Int?

    @Option(help: "Kafka messages per micro-batch, spread over partitions (Spark's maxOffsetsPerTrigger); default: all available.")
    var maxMessagesPerTrigger: Int?

    @Option(help: "available-now | once | processing-time=<seconds>.")
    var trigger: String = "available-now"

    @Option(help: "Directory to append the outputs to as JSON lines, batch by batch (resumed runs continue the files).")
    var dump: String?

    @Option(help: "A churn model directory (Spark's saved PipelineModel or Stream360's) to score the joined stream with.")
    var model: String?

    @Option(help: "Checkpoint directory (one subdirectory per stage): a rerun resumes after the last committed batch.")
    var checkpoint: String?

    @Option(help: "Also write Parquet datasets with Spark manifests: DIR/churn_joined, and with --model DIR/churn_predictions.")
    var out: String?

    @Option(help: "Save each customer's latest churn score into this document table (sqlite:PATH#TABLE, postgres://…#TABLE; needs --model).")
    var savePredictions: String?

    @Option(help: "Directory for malformed messages (default: quarantine/ under --dump, --out or --checkpoint).")
    var quarantine: String?

    @Option(help: "Run a batch without new data when the watermark moved (Spark's noDataMicroBatches.enabled): true | false.")
    var noDataBatches: Bool = true

    @Option(help: "Partitions each stage runs in parallel (Spark's spark.sql.shuffle.partitions); default: one per core. Recorded in the checkpoint: a restart must use the same count.")
    var partitions: Int?

    @Option(help: "Write the rows each stage drops as late (behind the watermark, or set aside by --max-event-time-skew) to DIR/<stage>/batch-N.jsonl, with the reason and the watermark.")
    var lateRows: String?

    @Option(help: "Event-time guard: rows whose event time is more than this after their arrival (e.g. 1h) may not move the watermark; they are set aside (see --late-rows). Default: off, as in Spark.")
    var maxEventTimeSkew: String?

    func validate() throws {
        if let partitions, partitions < 1 { throw ValidationError("--partitions must be at least 1, got \(partitions)") }
        if let maxEventTimeSkew { _ = try DurationOption.parse(maxEventTimeSkew, option: "--max-event-time-skew") }
        if maxFilesPerTrigger != nil && maxMessagesPerTrigger != nil {
            throw ValidationError("give --max-files-per-trigger (file sources) or --max-messages-per-trigger (Kafka sources), not both")
        }
        for limit in [maxFilesPerTrigger, maxMessagesPerTrigger].compactMap({ $0 }) where limit < 1 {
            throw ValidationError("a per-trigger limit must be at least 1, got \(limit)")
        }
        if savePredictions != nil && model == nil {
            throw ValidationError("--save-predictions saves the scored stream: give --model too")
        }
    }

    func run() async throws {
        var job = ChurnDump(
            clickLocation: clicks, crmPath: crm, trigger: try TriggerOption.parse(trigger),
            readLimit: maxFilesPerTrigger.map { .maxFiles($0) } ?? maxMessagesPerTrigger.map { .maxRows($0) } ?? .all,
            outputDirectory: dump, modelDirectory: model)
        job.checkpointDirectory = checkpoint
        job.parquetDirectory = out
        job.predictionsTable = savePredictions
        job.quarantineDirectory = quarantine
        job.noDataBatches = noDataBatches
        if let partitions { job.partitions = partitions }
        job.lateRows = LateRowsOptions(directory: lateRows,
                                       maxEventTimeSkew: try maxEventTimeSkew.map { try DurationOption.parse($0, option: "--max-event-time-skew") })
        let prepared = try job.prepare()
        let pipeline = prepared.run
        let signals = StopOnSignal(command: "churn") { pipeline.stop() }
        let results = try await pipeline.run()
        withExtendedLifetime(signals) {}
        if dump != nil, !clicks.hasPrefix("kafka://"), !pipeline.isStopRequested {
            _ = try await job.writeStatistics(prepared.crm)
        }
        print("done: " + results.map { "\($0.name)=\($0.rows)" }.joined(separator: ", "))
    }
}
