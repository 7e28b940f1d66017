import ArgumentParser
import Connectors
import Customer360
import StreamExecution
import StreamSQL
#if canImport(Glibc)
import Glibc
#endif

/// `s360 run FILE.sql`: runs every `INSERT INTO` of a pipeline file as checkpointed streaming
/// queries side by side (Sources/StreamSQL/README.md, "Pipelines").
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a streaming SQL pipeline file: every INSERT INTO sink SELECT … as a checkpointed query.",
        discussion: """
            The file declares sources and sinks with CREATE TABLE name [(columns, WATERMARK FOR ts AS \
            ts - INTERVAL '5' SECOND)] USING json|text|kafka|parquet|sqlite|postgres|jsonl|console \
            OPTIONS (…), named intermediate streams with CREATE VIEW name AS SELECT …, and one \
            streaming query per INSERT INTO sink SELECT …; predict(MODEL 'dir', TABLE t) scores a \
            saved pipeline model. ${NAME} in the file is replaced by --var NAME=VALUE (or the \
            ${NAME:-default} it gives). The queries run side by side until the trigger is done; \
            with --checkpoint DIR each is checkpointed in DIR/<sink> and a rerun resumes after the \
            last committed batch. A query whose state can grow without bound (complete mode, a \
            GROUP BY without an event-time window, a join side never evicted) is refused before \
            anything runs unless --allow-unbounded-state; `s360 explain FILE.sql` shows every \
            stateful operator's bound. On a terminal a status line shows each query's batch, records/s, \
            watermark and state rows. Ctrl-C or SIGTERM finishes the running batches and stops.

            Example: s360 run examples/topup.sql --var FIXTURES=../shared/fixtures --var OUT=out/topup-sql --checkpoint out/topup-sql/checkpoint
            """)

    @Argument(help: "The pipeline file.")
    var file: String

    @Option(help: "Checkpoint directory (one subdirectory per INSERT, named after its sink): a rerun resumes after the last committed batch.")
    var checkpoint: String?

    @Option(name: .customLong("var"), help: "NAME=VALUE: replaces ${NAME} in the file (repeatable).")
    var variables: [String] = []

    @Option(help: "available-now | once | processing-time=<seconds>.")
    var trigger: String = "available-now"

    @Option(help: "Append every batch's progress (Spark's lastProgress JSON) to this file, one line per batch.")
    var progress: String?

    @Option(help: "Directory for malformed messages (default: quarantine/ under --checkpoint).")
    var quarantine: String?

    @Option(help: "Run a batch without new data when the watermark moved (Spark's noDataMicroBatches.enabled): true | false.")
    var noDataBatches: Bool = true

    @Option(help: "Partitions each query runs in parallel (Spark's spark.sql.shuffle.partitions); default: one per core. Recorded in the checkpoint: a restart must use the same count.")
    var partitions: Int?

    @Flag(help: "Run queries whose state can grow without bound (refused by default; `s360 explain FILE.sql` shows why).")
    var allowUnboundedState = false

    func validate() throws {
        if let partitions, partitions < 1 { throw ValidationError("--partitions must be at least 1, got \(partitions)") }
        for variable in variables where !variable.contains("=") {
            throw ValidationError("--var takes NAME=VALUE, not '\(variable)'")
        }
    }

    func run() async throws {
        let parsedTrigger = try TriggerOption.parse(trigger)
        let program = try PipelineFile.load(file, variables: variables)
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let status = RunStatusLine(queries: program.inserts.map(\.table), live: isatty(2) != 0, progressFile: progress)
        var pipeline = SQLPipeline(program: program, name: name, trigger: parsedTrigger, checkpointDirectory: checkpoint) { status.log($0) }
        pipeline.quarantineDirectory = quarantine
        pipeline.noDataBatches = noDataBatches
        pipeline.allowUnboundedState = allowUnboundedState
        if let partitions { pipeline.partitions = partitions }
        pipeline.progress = { status.report($0) }
        let clock = ContinuousClock()
        let started = clock.now
        let run: PipelineRun
        do {
            run = try pipeline.prepare()
        } catch let error as SQLError {
            StandardError.write("Error: \(file): \(error)")
            throw ExitCode.failure
        }
        let signals = StopOnSignal(command: "run") { run.stop() }
        let results = try await run.run()
        withExtendedLifetime(signals) {}
        status.finish()
        print("done in \(started.duration(to: clock.now)): " + results.map { "\($0.name)=\($0.rows)" }.joined(separator: ", "))
    }
}

/// Reading a pipeline file for `s360 run` and `s360 explain`.
enum PipelineFile {
    /// The file's program, with `--var NAME=VALUE` substituted; a SQL error is printed with its
    /// line, column and caret, and ends the command.
    static func load(_ file: String, variables: [String]) throws -> SQLProgram {
        let text = String(decoding: try FileSystem.readAll(file), as: UTF8.self)
        var values: [String: String] = [:]
        for variable in variables {
            let parts = variable.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        do {
            return try SQLProgram(text, variables: values)
        } catch {
            StandardError.write("Error: \(file): \(error)")
            throw ExitCode.failure
        }
    }
}
