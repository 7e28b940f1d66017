#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Checkpointing
import Columnar
import Connectors
import StreamOperators
import StreamPlan

/// Spark's recovery protocol over a ``CheckpointDirectory``.
///
/// Batch N writes `offsets/N` (the end offset of every source and the watermark in force)
/// before it reads anything; after the sink took N it saves every stateful operator's state
/// and the query's watermarks as version N, then writes `commits/N`. On start, the query:
/// - with no offsets, starts afresh;
/// - when the last offsets entry N is committed, restores the state of N and continues with N + 1;
/// - when it is not, restores the state of N − 1 (none for N = 0) and re-runs N with exactly
///   the recorded offsets and watermark, so an idempotent sink ends up with the same output.
extension StreamingQuery {
    /// The state-store name of the query's own watermarks (operators use their index).
    static let queryStateName = "query"

    static func openCheckpoint(
        _ configuration: StreamingQueryConfiguration, root: any PhysicalOperator, sourceCount: Int
    ) throws -> CheckpointDirectory? {
        guard let location = configuration.checkpointLocation else { return nil }
        let phase = "opening the checkpoint \(location)"
        guard configuration.checkpointRetention >= 1 else {
            throw QueryError(query: configuration.name, batchId: nil, phase: phase, domain: .user,
                             underlying: CheckpointError.invalidOption(name: "checkpointRetention",
                                                                        detail: "\(configuration.checkpointRetention) must be at least 1"))
        }
        do {
            let directory = try CheckpointDirectory(location)
            _ = try directory.open(plan: planDescription(root, sourceCount: sourceCount, mode: configuration.outputMode))
            return directory
        } catch {
            let domain: QueryError.Domain = if case .incompatiblePlan = error { .user } else { .external }
            throw QueryError(query: configuration.name, batchId: nil, phase: phase, domain: domain, underlying: error)
        }
    }

    /// The plan as one line: every operator with its output columns, window sizes and watermark
    /// delays. Its fingerprint decides whether a checkpoint's state fits this query.
    static func planDescription(_ root: any PhysicalOperator, sourceCount: Int, mode: OutputMode) -> String {
        func describe(_ op: any PhysicalOperator) -> String {
            // Exchanges depend on the partition count, which the checkpoint checks on its own
            // (with a message saying what to do), so they are not part of the fingerprint.
            if let exchange = op as? ShuffleExchangeOperator { return describe(exchange.child) }
            var text = op.name
            if let aggregate = op as? WindowAggregateOperator, let window = aggregate.window {
                text += "{window=\(window.duration)/\(window.slide)/\(window.startTime)}"
            }
            if let watermark = op as? WatermarkOperator { text += "{delay=\(watermark.delay)}" }
            text += "[" + op.outputSchema.fields.map { "\($0.name):\($0.type)" }.joined(separator: ",") + "]"
            if !op.children.isEmpty { text += "(" + op.children.map(describe).joined(separator: ", ") + ")" }
            return text
        }
        return "sources=\(sourceCount) mode=\(mode) " + describe(root)
    }

    func recoverFromCheckpoint() throws {
        guard let checkpoint else { return }
        do {
            guard let (lastId, lastOffsets) = try checkpoint.offsets.latest() else {
                if let commit = try checkpoint.commits.latest() {
                    throw CheckpointError.inconsistentLogs(path: checkpoint.path, detail: "commits/\(commit.batchId) exists without offsets")
                }
                return
            }
            guard lastOffsets.offsets.count == sources.count else {
                throw CheckpointError.inconsistentLogs(
                    path: checkpoint.offsets.path(of: lastId),
                    detail: "it records \(lastOffsets.offsets.count) sources, the query reads \(sources.count)")
            }
            stateLayout = StatePartitionLayout(recorded: lastOffsets.metadata.conf[StatePartitionLayout.confKey])
            guard stateLayout.count == configuration.partitions else {
                throw CheckpointError.partitionCountChanged(path: checkpoint.path, checkpointed: stateLayout.count,
                                                            requested: configuration.partitions)
            }
            let lastCommit = try checkpoint.commits.latest()?.batchId
            if lastCommit == lastId {
                try restoreState(after: lastId)
                committedOffsets = lastOffsets.offsets
                nextBatchId = lastId + 1
            } else if lastCommit == lastId - 1 || (lastCommit == nil && lastId == 0) {
                if lastId > 0 {
                    guard let previous = try checkpoint.offsets.get(lastId - 1) else {
                        throw CheckpointError.inconsistentLogs(path: checkpoint.path, detail: "offsets/\(lastId - 1) is missing")
                    }
                    try restoreState(after: lastId - 1)
                    committedOffsets = previous.offsets
                }
                nextBatchId = lastId
                pendingRerun = lastOffsets
            } else {
                throw CheckpointError.inconsistentLogs(
                    path: checkpoint.path,
                    detail: "the last offsets are for batch \(lastId) but the last commit is for \(lastCommit.map(String.init) ?? "none")")
            }
        } catch {
            let domain: QueryError.Domain = switch error {
            case is OperatorError: .internal
            case CheckpointError.partitionCountChanged: .user
            default: .external
            }
            throw QueryError(query: configuration.name, batchId: nil, phase: "recovering from \(checkpoint.path)",
                             domain: domain, underlying: error)
        }
    }

    /// Loads the query's watermarks and every operator's state saved after batch `batchId`,
    /// from `directory` (a replay's read-only checkpoint) or the query's own checkpoint.
    func restoreState(after batchId: Int64, from directory: CheckpointDirectory? = nil) throws {
        guard let checkpoint = directory ?? checkpoint else { return }
        let store = checkpoint.state
        guard let watermarkBytes = try store.read(operator: Self.queryStateName, batchId: batchId) else {
            throw CheckpointError.missingState(path: store.path(operator: Self.queryStateName, batchId: batchId), batchId: batchId)
        }
        let saved = try WatermarkState(bytes: watermarkBytes, path: store.path(operator: Self.queryStateName, batchId: batchId), batchId: batchId)
        guard saved.operatorWatermarks.count == operatorWatermarks.count else {
            throw CheckpointError.corruptState(path: store.path(operator: Self.queryStateName, batchId: batchId), batchId: batchId,
                                               detail: "\(saved.operatorWatermarks.count) watermark operators where the plan has \(operatorWatermarks.count)")
        }
        for (index, partitions) in statefulOperators.enumerated() {
            for (partition, op) in partitions.enumerated() {
                let name = stateLayout.stateName(operator: index, partition: partition)
                guard let bytes = try store.read(operator: name, batchId: batchId) else {
                    throw CheckpointError.missingState(path: store.path(operator: name, batchId: batchId), batchId: batchId)
                }
                try op.restore(bytes)
            }
        }
        watermark = saved.watermark
        lastBatchWatermark = saved.lastBatchWatermark
        operatorWatermarks = saved.operatorWatermarks
    }

    /// Records the offsets of batch `batchId` before it runs.
    func writeOffsets(_ ends: [SourceOffset?], batchId: Int64, timestampMs: Int64) throws {
        guard let checkpoint else { return }
        var conf = ["spark.sql.streaming.multipleWatermarkPolicy": "min", "stream360.outputMode": "\(configuration.outputMode)"]
        if case .partitioned(let count) = stateLayout { conf[StatePartitionLayout.confKey] = String(count) }
        let metadata = OffsetSeqMetadata(
            batchWatermarkMs: Self.floorDivide(watermark, 1000), batchTimestampMs: timestampMs,
            conf: conf)
        try phase("writing offsets", batchId) { try checkpoint.offsets.add(batchId, OffsetSeq(metadata: metadata, offsets: ends)) }
    }

    /// Saves the state after batch `batchId`, then commits it and purges what retention no longer needs.
    func commitCheckpoint(batchId: Int64) throws {
        guard let checkpoint else { return }
        try phase("saving state", batchId) {
            try saveOperatorState(to: checkpoint.state, batchId: batchId)
            let state = WatermarkState(watermark: watermark, lastBatchWatermark: lastBatchWatermark, operatorWatermarks: operatorWatermarks)
            try checkpoint.state.write(state.bytes, operator: Self.queryStateName, batchId: batchId)
            try checkpoint.state.sync(operators: [Self.queryStateName] + stateNames)
        }
        try checkpointHook?(.stateWritten, batchId)
        try phase("writing the commit", batchId) {
            try checkpoint.commits.add(batchId, CommitEntry(nextBatchWatermarkMs: Self.floorDivide(watermark, 1000)))
        }
        try checkpointHook?(.committed, batchId)
        let keepFrom = batchId - Int64(configuration.checkpointRetention) + 1
        if keepFrom > 0 {
            try phase("purging old checkpoint entries", batchId) {
                try checkpoint.offsets.purge(before: keepFrom)
                try checkpoint.commits.purge(before: keepFrom)
                try checkpoint.state.purge(before: keepFrom)
            }
        }
    }

    /// Every (operator, partition) state name, operator-major.
    private var stateNames: [String] {
        statefulOperators.indices.flatMap { index in
            statefulOperators[index].indices.map { stateLayout.stateName(operator: index, partition: $0) }
        }
    }

    /// Snapshots every operator of every partition and writes the snapshots, partitions in parallel.
    private func saveOperatorState(to store: StateSnapshotStore, batchId: Int64) throws {
        let layout = stateLayout
        let operators = statefulOperators
        try ParallelWork.forEach(plan.count) { partition in
            for index in operators.indices {
                try store.write(try operators[index][partition].snapshot(),
                                operator: layout.stateName(operator: index, partition: partition), batchId: batchId)
            }
        }
    }

    private func phase(_ name: String, _ batchId: Int64, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw QueryError(query: configuration.name, batchId: batchId, phase: name,
                             domain: error is OperatorError ? .internal : .external, underlying: error)
        }
    }

    static func wallClockMs() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
