import Columnar
public import Connectors
public import StreamExecution
import StreamOperators
import StreamPlan
public import StreamSQL

/// A pipeline file run as Stream360 queries (`s360 run FILE.sql`): every `INSERT INTO` of the
/// ``SQLProgram`` becomes one streaming query with sources of its own, named after its sink,
/// and they run side by side as one ``PipelineRun`` (the built-in pipelines' runner).
///
/// Per query: the read limit is the `maxFilesPerTrigger` (or `maxOffsetsPerTrigger`) of the
/// source tables it reads (they must agree), the output mode the sink's `outputMode` option.
/// With a ``checkpointDirectory`` each query is checkpointed in `DIR/<sink>` (the root is
/// claimed for this file by ``PipelineCheckpoint``); a rerun resumes each query after its last
/// committed batch and its JSON-lines sinks continue after that batch's rows.
public struct SQLPipeline {
    /// The parsed file.
    public var program: SQLProgram
    /// The file's name, which owns the checkpoint root (`run NAME`).
    public var name: String
    public var trigger: Trigger
    /// When set, each query is checkpointed in `checkpointDirectory/<sink>`.
    public var checkpointDirectory: String?
    /// Where malformed messages are kept (`DIR/<sink>/batch-N.jsonl`); default: `quarantine/`
    /// under the checkpoint directory.
    public var quarantineDirectory: String?
    /// Spark's `noDataMicroBatches.enabled` for every query.
    public var noDataBatches = true
    /// Partitions each query runs in parallel (Spark's `spark.sql.shuffle.partitions`); recorded
    /// in each query's checkpoint, so a restart must use the same count.
    public var partitions = StreamingQueryConfiguration.defaultPartitions
    /// Whether to run queries whose state can grow without bound (``SQLStateBounds``);
    /// by default ``prepare()`` refuses them before anything runs.
    public var allowUnboundedState = false
    /// Receives every query's progress after each batch (from the queries' tasks, concurrently).
    public var progress: @Sendable (QueryProgress) -> Void = { _ in }
    /// Receives the runner's lines (warnings, resumed queries, results).
    public var log: @Sendable (String) -> Void

    public init(program: SQLProgram, name: String, trigger: Trigger, checkpointDirectory: String?, log: @escaping @Sendable (String) -> Void) {
        self.program = program
        self.name = name
        self.trigger = trigger
        self.checkpointDirectory = checkpointDirectory
        self.log = log
    }

    /// The query names (the sinks' names), in file order.
    public var queryNames: [String] { program.inserts.map(\.table) }

    /// Compiles every `INSERT` with its own sources, without opening sinks or checkpoints:
    /// what `s360 explain` prints.
    /// - Throws: ``SQLError`` located in the file.
    public func compile() throws(SQLError) -> [SQLProgram.CompiledInsert] {
        let connectors = SQLConnectors(boundedAtStart: bounded, warn: log)
        var compiled: [SQLProgram.CompiledInsert] = []
        for insert in program.inserts { compiled.append(try program.compile(insert, connectors: connectors)) }
        return compiled
    }

    /// Checks the file, opens sources, sinks and checkpoints and plans every query, without
    /// running anything; the result runs them and can be stopped.
    /// - Throws: ``SQLError`` located in the file, ``PipelineError`` for a directory that
    ///   cannot be used, the errors of opening a sink or a checkpoint.
    public func prepare() throws -> PipelineRun {
        let connectors = SQLConnectors(boundedAtStart: bounded, warn: log)
        // Everything is compiled and checked before any checkpoint or sink is touched.
        var plans: [(compiled: SQLProgram.CompiledInsert, outputMode: OutputMode, readLimit: ReadLimit)] = []
        for insert in program.inserts {
            let compiled = try program.compile(insert, connectors: connectors)
            let outputMode: OutputMode
            do { outputMode = try SQLSinks.outputMode(compiled.sink) } catch {
                throw program.error(error.kind, error.message, at: compiled.sink)
            }
            if !allowUnboundedState {
                let unbounded = try SQLStateBounds(compiled.frame, outputMode: outputMode).unbounded
                if !unbounded.isEmpty {
                    throw PipelineError.conflictingOptions(
                        "the query `\(insert.table)` keeps state that can grow without bound (\(unbounded.joined(separator: "; "))); "
                            + "fix the query, or run it anyway with --allow-unbounded-state (`s360 explain` shows every operator's bound)")
                }
            }
            plans.append((compiled, outputMode, try readLimit(compiled)))
        }
        guard let quarantineRoot = quarantineDirectory ?? checkpointDirectory.map({ "\($0)/quarantine" }) else {
            throw PipelineError.conflictingOptions("malformed messages need a place: give --checkpoint DIR (they go to DIR/quarantine) or --quarantine DIR")
        }
        if let checkpointDirectory {
            try PipelineCheckpoint.claim(checkpointDirectory, pipeline: "run \(name)", stages: queryNames + ["quarantine"])
        }
        var stages: [PipelineRun.Stage] = []
        for (compiled, outputMode, readLimit) in plans {
            let insert = compiled.insert
            let made: SQLSinks.Made
            do {
                made = try SQLSinks.make(compiled.sink, stage: insert.table)
            } catch let error as SQLError {
                throw error.sql == nil ? program.error(error.kind, error.message, at: compiled.sink) : error
            } catch {
                throw program.error(.execution, "cannot open the sink `\(insert.table)` (\(compiled.sink.format)): \(error)", at: compiled.sink)
            }
            for warning in compiled.frame.warnings { log("\(insert.table): warning: \(warning)") }
            let configuration = StreamingQueryConfiguration(
                name: insert.table, outputMode: outputMode, trigger: trigger, readLimit: readLimit,
                quarantineDirectory: "\(quarantineRoot)/\(insert.table)",
                checkpointLocation: checkpointDirectory.map { "\($0)/\(insert.table)" }, noDataBatches: noDataBatches,
                partitions: partitions)
            let query = try StreamingQuery(compiled.frame, sink: made.sink, configuration: configuration)
            stages.append(try PipelineRun.Stage(query: query, sink: made.sink, files: made.files))
        }
        let run = PipelineRun(stages: stages, log: log)
        for stage in stages {
            let tally = stage.lateRows
            let progress = self.progress
            stage.query.progressHandler = { report in
                tally.count += report.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark }
                progress(report)
            }
        }
        return run
    }

    /// The read limit of a query: its sources' `maxFilesPerTrigger` or `maxOffsetsPerTrigger`.
    func readLimit(_ compiled: SQLProgram.CompiledInsert) throws(SQLError) -> ReadLimit {
        var limits: [(ReadLimit, String, SQLTableDeclaration)] = []
        for source in compiled.sources {
            for (key, make) in [("maxfilespertrigger", ReadLimit.maxFiles), ("maxoffsetspertrigger", ReadLimit.maxRows)] {
                guard let text = source.option(key) else { continue }
                guard let n = Int(text), n >= 1 else {
                    throw program.error(.syntax, "\(key) of `\(source.name)` must be a whole number ≥ 1, not '\(text)'", at: source)
                }
                limits.append((make(n), "\(key) '\(n)'", source))
            }
        }
        guard let first = limits.first else { return .all }
        if let other = limits.first(where: { $0.1.lowercased() != first.1.lowercased() }) {
            throw program.error(.unsupported, "the query `\(compiled.insert.table)` reads `\(first.2.name)` with \(first.1) and `\(other.2.name)` with \(other.1); a query has one read limit, so give its sources the same",
                                at: other.2)
        }
        return first.0
    }

    /// Kafka sources stop at the topics' ends at start unless the trigger runs until stopped.
    private var bounded: Bool {
        if case .processingTime = trigger { return false }
        return true
    }
}
