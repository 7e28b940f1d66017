public import Columnar
public import Connectors
public import StreamPlan
import Checkpointing
import StreamOperators

/// Replaying one batch of a checkpointed query, and the plan text a checkpoint records.
///
/// A replay re-runs batch N exactly as a restart after a crash in N would (the recovery
/// protocol of `StreamingQuery+Checkpoint.swift`): the state and watermarks saved after N − 1,
/// the source ranges `(offsets/N−1, offsets/N]` and the watermark recorded in `offsets/N`. The
/// difference is what it leaves alone: the checkpoint is opened read-only
/// (``Checkpointing/CheckpointDirectory/init(existing:)``), nothing is written to it, the
/// sources are read but never committed, and the output goes back to the caller instead of
/// the sink. Since operators are deterministic over the same input and state, the result is
/// the batch the sink committed, row for row and in the same order.
extension StreamingQuery {
    /// The plan text a checkpoint's `metadata` records for `dataFrame` run with `configuration`
    /// (its output mode and name resolution): what `s360 checkpoint diff` compares.
    /// - Throws: ``PlanError`` when the DataFrame cannot be planned.
    public static func checkpointPlan(of dataFrame: DataFrame, configuration: StreamingQueryConfiguration) throws -> String {
        let planner = PhysicalPlanner(resolution: configuration.resolution, outputMode: configuration.outputMode)
        let handles = dataFrame.plan.sources
        // Exchanges, the only operators that depend on the partition count, are not described.
        let plan = try planner.planPartitions(dataFrame.plan, sources: handles, count: 1)
        return planDescription(plan.root, sourceCount: handles.count, mode: configuration.outputMode)
    }

    /// Re-runs batch `batchId` of the query checkpointed at `checkpoint` and returns its output,
    /// without touching the sink, the sources' commits or the checkpoint.
    ///
    /// `dataFrame` and `configuration` describe the query that wrote the checkpoint, as when it
    /// is restarted; its checkpoint location, quarantine directory and partition count are
    /// ignored (the recorded count is used, since state is split by it).
    ///
    /// ```swift
    /// let rows = try StreamingQuery.replay(plan, configuration: settings, batchId: 7, checkpoint: "ckpt/joined")
    /// ```
    /// - Throws: ``Checkpointing/CheckpointError`` when the checkpoint is missing, unreadable or
    ///   was written by another plan (`incompatiblePlan`) or its state N − 1 was purged
    ///   (`missingState`); ``ReplayError`` when the batch's offsets are not kept; ``QueryError``
    ///   when reading the sources or running the plan fails.
    public static func replay(
        _ dataFrame: DataFrame, configuration: StreamingQueryConfiguration, batchId: Int64, checkpoint location: String
    ) throws -> RecordBatch {
        let directory = try CheckpointDirectory(existing: location)
        guard let entry = try directory.offsets.get(batchId) else {
            throw ReplayError.unknownBatch(path: directory.path, batchId: batchId, recorded: try directory.offsets.batchIds())
        }
        var settings = configuration
        settings.checkpointLocation = nil
        settings.quarantineDirectory = nil
        let layout = StatePartitionLayout(recorded: entry.metadata.conf[StatePartitionLayout.confKey])
        settings.partitions = layout.count
        let query = try StreamingQuery(dataFrame, sink: ReplayOutput(), configuration: settings)
        try query.prepareReplay(of: batchId, entry: entry, layout: layout, from: directory)
        guard let batch = try query.prepareBatch(limit: .all) else {
            preconditionFailure("a batch with recorded offsets always runs (prepareBatch re-runs pendingRerun)")
        }
        return batch.output
    }

    /// Puts a fresh query where a restart before batch `batchId` would: the state and
    /// watermarks after `batchId − 1`, that batch's end offsets, and `offsets/batchId` to re-run.
    private func prepareReplay(of batchId: Int64, entry: OffsetSeq, layout: StatePartitionLayout, from directory: CheckpointDirectory) throws {
        guard let metadata = try directory.metadata() else {
            throw CheckpointError.notACheckpoint(path: directory.path, detail: "its metadata file is missing, so the plan that wrote it is unknown")
        }
        let current = Self.planDescription(plan.root, sourceCount: sources.count, mode: configuration.outputMode)
        guard CheckpointMetadata.fingerprint(current) == metadata.planFingerprint else {
            throw CheckpointError.incompatiblePlan(path: directory.path, checkpointed: metadata.planFingerprint,
                                                  current: CheckpointMetadata.fingerprint(current),
                                                  checkpointedPlan: metadata.plan, currentPlan: current)
        }
        guard entry.offsets.count == sources.count else {
            throw ReplayError.sourceCountChanged(path: directory.path, batchId: batchId, recorded: entry.offsets.count, current: sources.count)
        }
        stateLayout = layout
        if batchId > 0 {
            guard let previous = try directory.offsets.get(batchId - 1) else {
                let kept = try directory.offsets.batchIds()
                let oldest = kept.first { kept.contains($0 - 1) || $0 == 0 }
                throw ReplayError.previousOffsetsMissing(path: directory.path, batchId: batchId, oldestReplayable: oldest)
            }
            try restoreState(after: batchId - 1, from: directory)
            committedOffsets = previous.offsets
        }
        nextBatchId = batchId
        pendingRerun = entry
    }
}

/// The sink of a replayed query: the replay returns the batch instead of writing it.
private final class ReplayOutput: StreamSink {
    var description: String { "replay (no sink)" }

    func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        preconditionFailure("a replay never writes to a sink (batch \(batchId))")
    }
}
