public import Columnar
public import Connectors
public import JSONIngest
public import StreamOperators
public import StreamPlan
import Checkpointing

/// A running streaming query: a DataFrame, a sink, and the micro-batch loop that connects them.
///
/// Each batch follows Spark's protocol (see ARCHITECTURE.md): ask every source for its
/// latest offset within the read limit; if there is new data, or the watermark moved and the
/// plan holds state, run a batch over exactly those ranges with the watermark computed at the
/// end of the previous batch; hand the result to the sink under the batch id; then advance the
/// watermark from the event times the batch saw. Progress for every batch goes to
/// ``progressHandler`` and ``recentProgress``.
///
/// With a ``StreamingQueryConfiguration/checkpointLocation`` the query also follows Spark's
/// recovery protocol: it writes `offsets/N` before batch N runs, the state of every stateful
/// operator and `commits/N` after the sink took the batch, and on start resumes after the last
/// commit, re-running an uncommitted batch with exactly its recorded offsets and watermark
/// (see `StreamingQuery+Checkpoint.swift`).
///
/// A sink write that fails with a transient error (``Connectors/TransientFailure``) is retried
/// with the same batch id and rows after a back-off, as ``StreamingQueryConfiguration/sinkRetry``
/// says, on the clock given to ``run(clock:)``; each retry goes to ``retryHandler``. The plan
/// never runs twice for one batch: its output is kept until the sink took it.
public final class StreamingQuery {
    public let configuration: StreamingQueryConfiguration
    public let sink: any StreamSink
    /// The operator trees, one per partition.
    let plan: PartitionedPlan
    let sources: [any StreamSource]
    /// `watermarkOperators[k][p]`: watermark operator k of partition p.
    let watermarkOperators: [[WatermarkOperator]]
    /// `statefulOperators[k][p]`: stateful operator k of partition p; its state is saved as
    /// `state/k/p` (see ``StatePartitionLayout``).
    let statefulOperators: [[any StatefulOperator]]
    /// Every partition's operators that set malformed input aside, in source order.
    let quarantiningOperators: [any QuarantiningOperator]
    /// How the checkpoint names each partition's state (decided when the checkpoint is opened).
    var stateLayout: StatePartitionLayout

    /// The id the next batch will get.
    public internal(set) var nextBatchId: Int64 = 0
    /// The last offset each source's data was processed to.
    public internal(set) var committedOffsets: [SourceOffset?]
    /// The watermark computed after the last batch (in force for the next one), microseconds.
    public internal(set) var watermark: Int64 = 0
    /// The watermark that was in force during the last batch.
    var lastBatchWatermark: Int64 = 0
    var operatorWatermarks: [Int64?]
    /// Progress of the most recent batches, oldest first (at most 100).
    public internal(set) var recentProgress: [QueryProgress] = []
    /// The malformed messages the query set aside: an exact ``QueryQuarantine/count`` over the
    /// query's life, and only the latest ``StreamingQueryConfiguration/quarantineRetained``
    /// messages in memory (every one is written to the quarantine directory when one is set).
    public internal(set) var quarantine: QueryQuarantine
    /// Called after every batch.
    public var progressHandler: ((QueryProgress) -> Void)?
    /// Called when a sink write failed with a transient error, before the query waits to try
    /// again; `"\(retry)"` is a line for a terminal. Called on the task running the query.
    public var retryHandler: ((SinkRetry) -> Void)?
    let stopSignal = StopSignal()
    /// The batch whose plan ran but whose sink write has not succeeded yet; the next batch
    /// writes it again instead of running the plan a second time.
    var pendingBatch: PreparedBatch?
    /// Where offsets, commits and state are saved, when checkpointing.
    let checkpoint: CheckpointDirectory?
    /// The recorded offsets of a batch that was planned but not committed before the restart:
    /// the next batch re-runs it exactly.
    var pendingRerun: OffsetSeq?
    /// Called at each step of the commit protocol; a test throws from it to simulate a crash there.
    @_spi(Testing) public var checkpointHook: ((CheckpointStep, Int64) throws -> Void)?

    /// Plans `dataFrame` and prepares a query writing to `sink`; nothing runs until ``run()``.
    /// With a checkpoint location, also restores the offsets, watermarks and operator state saved there.
    /// - Throws: ``PlanError`` for a plan that cannot run; ``QueryError`` when the checkpoint
    ///   cannot be read or was written by an incompatible plan, or when
    ///   ``StreamingQueryConfiguration/sinkRetry`` is invalid.
    public init(_ dataFrame: DataFrame, sink: any StreamSink, configuration: StreamingQueryConfiguration) throws {
        guard dataFrame.isStreaming else {
            throw PlanError.invalidPlan("a streaming query needs a streaming DataFrame; use collect() for a bounded one")
        }
        let handles = dataFrame.plan.sources
        let planner = PhysicalPlanner(resolution: configuration.resolution, outputMode: configuration.outputMode)
        let plan = try planner.planPartitions(dataFrame.plan, sources: handles, count: configuration.partitions)
        let root = plan.root
        try StreamingPlanCheck.check(root, outputMode: configuration.outputMode)
        do {
            try configuration.sinkRetry.validate()
        } catch {
            throw QueryError(query: configuration.name, batchId: nil, phase: "validating the configuration", domain: .user,
                             underlying: error)
        }
        self.configuration = configuration
        self.sink = sink
        self.plan = plan
        self.sources = handles.map(\.source)
        watermarkOperators = plan.operators(of: WatermarkOperator.self)
        statefulOperators = plan.operators(of: (any StatefulOperator).self)
        quarantiningOperators = plan.operators(of: (any QuarantiningOperator).self).flatMap { $0 }
        quarantine = QueryQuarantine(retained: configuration.quarantineRetained)
        committedOffsets = handles.map { _ in nil }
        operatorWatermarks = watermarkOperators.map { _ in nil }
        stateLayout = .partitioned(configuration.partitions)
        checkpoint = try Self.openCheckpoint(configuration, root: root, sourceCount: handles.count)
        try recoverFromCheckpoint()
        configureLateRows()
    }

    /// The operator tree (partition 0's, when the query runs several), for tests and `explain`.
    public var physicalPlan: any PhysicalOperator { plan.root }

    /// Every partition's operator tree.
    public var partitionedPlan: PartitionedPlan { plan }

    /// Asks the query to stop after its current batch; safe to call from any task.
    ///
    /// A query waiting for its next processing-time trigger stops at once. A query waiting to
    /// retry a sink write stops at once too, leaving that batch uncommitted: its offsets are in
    /// the checkpoint and its commit is not, so a query restarted on the checkpoint runs it again.
    public func stop() {
        stopSignal.request()
    }

    var isStopRequested: Bool { stopSignal.isRequested }

    /// Runs batches as the trigger says, on the continuous clock; returns when the trigger is
    /// done or ``stop()`` was called.
    public func run() async throws {
        try await run(clock: ContinuousClock())
    }

    /// Runs batches as the trigger says, with `clock` pacing a processing-time trigger and the
    /// back-off of sink retries (tests pass a clock they control).
    public func run<C: Clock<Duration>>(clock: C) async throws {
        switch configuration.trigger {
        case .once:
            _ = try await runBatch(limit: .all, clock: clock)
        case .availableNow:
            while !isStopRequested, try await runBatch(limit: configuration.readLimit, clock: clock) == .committed {
                // A batch holds its thread while it runs; between batches, queries running side by
                // side on the same cooperative threads each get their turn.
                await Task.yield()
            }
        case .processingTime(let interval):
            while !isStopRequested {
                let started = clock.now
                _ = try await runBatch(limit: configuration.readLimit, clock: clock)
                if isStopRequested { break }
                // A batch longer than the interval starts the next one at once: yield first, so
                // that the other queries of a group are not starved.
                await Task.yield()
                let deadline = started.advanced(by: interval)
                if clock.now < deadline { _ = try await sleepUnlessStopped(until: deadline, clock: clock) }
            }
        }
    }
}
