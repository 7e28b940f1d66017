import Connectors
public import StreamExecution
import StreamOperators
import StreamPlan

/// Where a pipeline's stages write the rows they drop as late (`DIR/<stage>/batch-N.jsonl`), and
/// the event-time guard (``StreamExecution/StreamingQueryConfiguration/maxEventTimeSkew``).
public struct LateRowsOptions: Sendable {
    public var directory: String?
    public var maxEventTimeSkew: Duration?

    public init(directory: String? = nil, maxEventTimeSkew: Duration? = nil) {
        self.directory = directory
        self.maxEventTimeSkew = maxEventTimeSkew
    }
}

/// A built-in pipeline's stage queries, prepared and ready to run side by side.
///
/// ``run()`` runs every stage until its trigger is done (or ``stop()``), then reports what
/// each stage wrote. Each stage's dump files are cut back to the batches its checkpoint
/// committed before anything runs, and a resumed stage says where it resumed.
public final class PipelineRun: Sendable {
    /// One stage: its query, its sink and the dump files the sink appends to.
    public struct Stage {
        public let query: StreamingQuery
        public let sink: StageSink
        /// The batch id the stage started at in this process.
        public let firstBatch: Int64

        /// Prepares the stage's dump files for the query's next batch.
        /// - Throws: ``ConnectorError`` when a dump file cannot be cut back or created.
        init(query: StreamingQuery, sink: StageSink, files: [JSONLinesFileSink]) throws(ConnectorError) {
            self.query = query
            self.sink = sink
            firstBatch = query.nextBatchId
            for file in files { try file.resume(at: query.nextBatchId) }
            resumeNote = files.isEmpty || query.nextBatchId == 0 ? nil
                : "appending to " + files.map(\.path).joined(separator: ", ") + " after batch \(query.nextBatchId - 1)"
        }

        /// Plans `plan` as the stage `name`: its checkpoint in `checkpointRoot/<name>`, its
        /// malformed messages in `quarantineRoot/<name>`, its plan's warnings logged.
        static func make(
            _ name: String, plan: DataFrame, sink: StageSink, files: [JSONLinesFileSink], trigger: Trigger,
            readLimit: ReadLimit, noDataBatches: Bool, partitions: Int, checkpointRoot: String?, quarantineRoot: String,
            lateRows: LateRowsOptions, log: (String) -> Void
        ) throws -> Stage {
            for warning in plan.warnings { log("\(name): warning: \(warning)") }
            let configuration = StreamingQueryConfiguration(
                name: name, outputMode: .append, trigger: trigger, readLimit: readLimit,
                quarantineDirectory: "\(quarantineRoot)/\(name)",
                checkpointLocation: checkpointRoot.map { "\($0)/\(name)" }, noDataBatches: noDataBatches, partitions: partitions,
                lateRowsDirectory: lateRows.directory.map { "\($0)/\(name)" }, maxEventTimeSkew: lateRows.maxEventTimeSkew)
            let query = try StreamingQuery(plan, sink: sink, configuration: configuration)
            return try Stage(query: query, sink: sink, files: files)
        }

        let resumeNote: String?
        /// Rows dropped by the watermark, summed over this process's batches.
        let lateRows = LateRowTally()
    }

    /// What one stage did in this process.
    public struct StageResult: Sendable {
        public var name: String
        public var rows: Int
        public var batches: Int
        public var quarantinedMessages: Int
        public var lateRowsDropped: Int
    }

    private let group: StreamingQueryGroup
    // Each query is used by the one task that runs it; the stages are read here only before
    // `run()` starts them and after every one of them has finished.
    nonisolated(unsafe) private let stages: [Stage]
    private let log: @Sendable (String) -> Void

    init(stages: [Stage], log: @escaping @Sendable (String) -> Void) {
        self.stages = stages
        self.log = log
        group = StreamingQueryGroup(stages.map(\.query))
        for stage in stages {
            let name = stage.query.configuration.name
            let log = self.log
            let tally = stage.lateRows
            stage.query.progressHandler = { progress in
                tally.count += progress.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark }
                log(progress.summary)
            }
            if stage.firstBatch > 0, let checkpoint = stage.query.configuration.checkpointLocation {
                log("\(name): resuming at batch \(stage.firstBatch) from the checkpoint \(checkpoint)"
                    + (stage.resumeNote.map { "; \($0)" } ?? ""))
            }
        }
    }

    /// The names of the stages, in the order they were prepared.
    public var stageNames: [String] { stages.map(\.query.configuration.name) }

    /// Whether ``stop()`` was called.
    public var isStopRequested: Bool { group.isStopRequested }

    /// Asks every stage to stop after its running batch; safe from any task or thread.
    public func stop() {
        group.stop()
    }

    /// Runs the stages side by side until each is done; the first failure stops the others
    /// after their running batch and is rethrown.
    @discardableResult
    public func run() async throws -> [StageResult] {
        try await group.run()
        return stages.map { stage in
            let query = stage.query
            let result = StageResult(
                name: query.configuration.name, rows: stage.sink.rowsWritten, batches: Int(query.nextBatchId - stage.firstBatch),
                quarantinedMessages: query.quarantine.count, lateRowsDropped: stage.lateRows.count)
            log("\(result.name): \(result.rows) rows in \(result.batches) batches, \(result.lateRowsDropped) late rows dropped, "
                + "\(result.quarantinedMessages) malformed messages quarantined")
            return result
        }
    }
}

/// Counts a stage's late rows from its progress handler (on the stage's own task).
final class LateRowTally {
    var count = 0
}
