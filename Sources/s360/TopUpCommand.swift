import ArgumentParser
import Connectors
import Customer360
import StreamExecution

/// `s360 topup`: runs the top-up pipeline over two sources and dumps each stage as JSON lines.
struct TopUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topup",
        abstract: "Run the top-up prediction pipeline: parse, clean, watermark, window-aggregate and join.",
        discussion: """
            Reads the customer and bureau streams (a directory of JSON-lines files each, one message \
            per line, or Kafka topics as kafka://SERVERS/TOPIC, read from the earliest offset; under \
            the available-now trigger up to the topics' ends at start). Every stage is a streaming \
            query of its own, as in the seed, and they run side by side; each batch's rows are \
            written as the batch commits. With --dump DIR every stage is appended to DIR as \
            customer_parsed.jsonl, bureau_cleaned.jsonl, bureau_groups.jsonl and joined.jsonl, the \
            shapes of a fixture's expected/ directory, and with --model also predictions.jsonl (ID, \
            window, ts, prediction, probability, Top-up_Month) and state_counts.jsonl (per batch, \
            predicted top-ups per State). --out DIR writes the joined and scored streams as Parquet \
            datasets with Spark manifests; --state-counts-topic publishes the counts to Kafka, one \
            message per batch keyed by its largest window_end. Without --dump only the stages those \
            outputs need run. Malformed messages are set aside with their file and line under \
            quarantine/ (of --quarantine, --dump, --out or --checkpoint). With --checkpoint a rerun \
            resumes every stage after its last committed batch and continues the dumps. Ctrl-C or \
            SIGTERM finishes the running batches and stops (a second one stops at once). \
            --no-data-batches false runs batches only for new data (no batch just because the \
            watermark moved), so a feed published one file at a time can be replayed one \
            micro-batch per run.
            """)

    @Option(help: "Customer stream: a directory of text files, or kafka://HOST:PORT[,HOST:PORT...]/TOPIC.")
    var customer: String

    @Option(help: "Bureau stream: a directory of text files, or kafka://HOST:PORT[,HOST:PORT...]/TOPIC.")
    var bureau: String

    @Option(help: "Files per micro-batch per source (Spark's maxFilesPerTrigger); default: all available.")
    var maxFilesPerTrigger: Int?

    @Option(help: "Kafka messages per micro-batch per source, spread over partitions (Spark's maxOffsetsPerTrigger); default: all available.")
    var maxMessagesPerTrigger: Int?

    @Option(help: "available-now | once | processing-time=<seconds>.")
    var trigger: String = "available-now"

    @Option(help: "Directory to append each stage's rows to as JSON lines, batch by batch (resumed runs continue the files).")
    var dump: String?

    @Option(help: "Directory for malformed messages (default: quarantine/ under --dump, --out or --checkpoint).")
    var quarantine: String?

    @Option(help: "A Spark ML PipelineModel directory (as PipelineModel.save writes it) to score the joined stream with.")
    var model: String?

    @Option(help: "Checkpoint directory (one subdirectory per stage): a rerun resumes after the last committed batch.")
    var checkpoint: String?

    @Option(help: "Also write Parquet datasets with Spark manifests: the joined stage to OUT/cust_bureau, predictions (with --model) to OUT/top_up_predictions.")
    var out: String?

    @Option(help: "Publish each scored batch's per-State counts to kafka://HOST:PORT[,HOST:PORT...]/TOPIC (needs --model).")
    var stateCountsTopic: String?

    @Option(help: "Run a batch without new data when the watermark moved (Spark's noDataMicroBatches.enabled): true | false.")
    var noDataBatches: Bool = true

    @Option(help: "Partitions each stage runs in parallel (Spark's spark.sql.shuffle.partitions); default: one per core. Recorded in the checkpoint: a restart must use the same count.")
    var partitions: Int?

    @Option(help: "Write the rows each stage drops as late (behind the watermark, or set aside by --max-event-time-skew) to DIR/<stage>/batch-N.jsonl, with the reason and the watermark.")
    var lateRows: String?

    @Option(help: "Event-time guard: rows whose event time is more than this after their arrival (e.g. 1h) may not move the watermark; they are set aside (see --late-rows). Default: off, as in Spark.")
    var maxEventTimeSkew: String?

    @Flag(help: "Lineage: write DUMP/lineage.jsonl, each prediction with the positions (file:line#k or topic-partition@offset#k) of its customer record and of its window's bureau records (needs --model and --dump).")
    var lineage = false

    @Option(help: "With --lineage, how many bureau record positions a window keeps at most (the count is always exact); default 10.")
    var lineageLimit: Int?

    func validate() throws {
        if let lineageLimit {
            guard lineage else { throw ValidationError("--lineage-limit applies to --lineage: give --lineage too") }
            guard lineageLimit >= 1 else { throw ValidationError("--lineage-limit must be at least 1, got \(lineageLimit)") }
        }
        if lineage && (model == nil || dump == nil) {
            throw ValidationError("--lineage traces the predictions into DUMP/lineage.jsonl: give --model and --dump too")
        }
        if let partitions, partitions < 1 { throw ValidationError("--partitions must be at least 1, got \(partitions)") }
        if let maxEventTimeSkew { _ = try DurationOption.parse(maxEventTimeSkew, option: "--max-event-time-skew") }
        if maxFilesPerTrigger != nil && maxMessagesPerTrigger != nil {
            throw ValidationError("give --max-files-per-trigger (file sources) or --max-messages-per-trigger (Kafka sources), not both")
        }
        for limit in [maxFilesPerTrigger, maxMessagesPerTrigger].compactMap({ $0 }) where limit < 1 {
            throw ValidationError("a per-trigger limit must be at least 1, got \(limit)")
        }
        if stateCountsTopic != nil && model == nil {
            throw ValidationError("--state-counts-topic publishes the scored stream's counts: give --model too")
        }
    }

    func run() async throws {
        let parsedTrigger = try TriggerOption.parse(trigger)
        let limit: ReadLimit = maxFilesPerTrigger.map { .maxFiles($0) } ?? maxMessagesPerTrigger.map { .maxRows($0) } ?? .all
        var job = TopUpDump(customerLocation: customer, bureauLocation: bureau, trigger: parsedTrigger,
                            readLimit: limit, outputDirectory: dump, modelDirectory: model,
                            checkpointDirectory: checkpoint, parquetDirectory: out)
        job.noDataBatches = noDataBatches
        if let partitions { job.partitions = partitions }
        job.lateRows = LateRowsOptions(directory: lateRows,
                                       maxEventTimeSkew: try maxEventTimeSkew.map { try DurationOption.parse($0, option: "--max-event-time-skew") })
        job.stateCountsTopic = stateCountsTopic
        if lineage { job.lineage = lineageLimit.map(TopUpLineage.init(limit:)) ?? TopUpLineage() }
        job.quarantineDirectory = quarantine
        let clock = ContinuousClock()
        let started = clock.now
        let pipeline = try job.prepare()
        let signals = StopOnSignal(command: "topup") { pipeline.stop() }
        let results = try await pipeline.run()
        withExtendedLifetime(signals) {}
        print("done in \(started.duration(to: clock.now)): "
            + results.map { "\($0.name)=\($0.rows)" }.joined(separator: ", "))
    }
}

/// Parses the `--trigger` option.
enum TriggerOption {
    static func parse(_ text: String) throws -> Trigger {
        switch text {
        case "available-now": return .availableNow
        case "once": return .once
        default:
            if text.hasPrefix("processing-time="), let seconds = Double(text.dropFirst("processing-time=".count)), seconds > 0 {
                return .processingTime(.milliseconds(Int64(seconds * 1000)))
            }
            throw ValidationError("--trigger must be available-now, once or processing-time=<seconds>, not '\(text)'")
        }
    }
}
