import Checkpointing
import Columnar
import Connectors
import JSONIngest
import StreamOperators
import StreamPlan

extension StreamingQuery {
    /// Runs one micro-batch if there is new data, or if the watermark moved since the last
    /// batch and the plan keeps state (Spark's no-data batch, unless
    /// ``StreamingQueryConfiguration/noDataBatches`` is off). Returns whether a batch ran.
    ///
    /// This synchronous step tries the sink write once: a failure, transient or not, throws a
    /// ``QueryError`` (waiting to retry needs a clock, which ``run(clock:)`` has). The batch's
    /// output is kept, so calling again writes the same rows under the same batch id rather
    /// than running the plan a second time.
    @discardableResult
    public func runBatch(limit: ReadLimit) throws -> Bool {
        guard var batch = try pendingBatch ?? prepareBatch(limit: limit) else { return false }
        do {
            try sink.addBatch(batch.batchId, batch.output)
        } catch {
            batch.failedAttempts += 1
            pendingBatch = batch
            throw sinkFailure(batch, error, phase: "writing to \(sink.description)")
        }
        try finishBatch(batch)
        return true
    }

    /// What one step of ``run(clock:)`` did.
    enum BatchOutcome: Equatable {
        /// No batch was due.
        case idle
        /// A batch ran and committed.
        case committed
        /// ``stop()`` ended a retry's back-off; the batch is not committed.
        case stopped
    }

    /// ``runBatch(limit:)`` retrying the sink write as ``StreamingQueryConfiguration/sinkRetry``
    /// says, waiting on `clock`.
    func runBatch<C: Clock<Duration>>(limit: ReadLimit, clock: C) async throws -> BatchOutcome {
        guard let batch = try pendingBatch ?? prepareBatch(limit: limit) else { return .idle }
        guard let written = try await writeRetrying(batch, clock: clock) else { return .stopped }
        try finishBatch(written)
        return .committed
    }

    /// Plans a batch and runs it up to the sink: offsets, reading, the plan. Returns nil when
    /// no batch is due; otherwise the batch, also kept as ``pendingBatch`` until it commits.
    func prepareBatch(limit: ReadLimit) throws -> PreparedBatch? {
        let batchId = nextBatchId
        let started = ContinuousClock.now
        var ends: [SourceOffset?] = []
        // When the batch started (Spark's batchTimestampMs): the arrival time the event-time
        // guard judges rows by, recorded with the offsets so that a re-run judges alike.
        var timestampMs = Self.wallClockMs()
        if let rerun = pendingRerun {
            // A batch planned before a restart: exactly its recorded range, watermark and time.
            ends = rerun.offsets
            watermark = rerun.metadata.batchWatermarkMs * 1000
            timestampMs = rerun.metadata.batchTimestampMs
        } else {
            for (i, source) in sources.enumerated() {
                do {
                    ends.append(try source.latestOffset(after: committedOffsets[i], limit: limit))
                } catch {
                    throw QueryError(query: configuration.name, batchId: batchId, phase: "latestOffset of \(source.description)",
                                     domain: .external, underlying: error)
                }
            }
            let hasData = ends.indices.contains { ends[$0] != committedOffsets[$0] }
            let watermarkMoved = configuration.noDataBatches && watermark > lastBatchWatermark && !statefulOperators.isEmpty
            guard hasData || watermarkMoved else { return nil }
            try writeOffsets(ends, batchId: batchId, timestampMs: timestampMs)
        }
        try checkpointHook?(.offsetsWritten, batchId)
        let offsetsDone = ContinuousClock.now

        var inputs: [Int: RecordBatch] = [:]
        var partitionInputs: [Int: [RecordBatch]] = [:]
        var sourceProgress: [QueryProgress.SourceProgress] = []
        for (i, source) in sources.enumerated() {
            var rows = 0
            if let end = ends[i], end != committedOffsets[i] {
                do {
                    if plan.count > 1 {
                        // The source does its I/O here; its splits build their rows on all cores.
                        let splits = try source.readSplits(from: committedOffsets[i], to: end, count: plan.count)
                        let batches = try ParallelWork.map(splits.count) { try splits[$0].read() }
                        partitionInputs[i] = batches
                        rows = batches.reduce(0) { $0 + $1.rowCount }
                    } else {
                        let batch = try source.read(from: committedOffsets[i], to: end)
                        inputs[i] = batch
                        rows = batch.rowCount
                    }
                } catch {
                    throw QueryError(query: configuration.name, batchId: batchId, phase: "reading \(source.description)",
                                     domain: .external, underlying: error)
                }
            }
            sourceProgress.append(.init(description: source.description, startOffset: committedOffsets[i]?.json,
                                        endOffset: ends[i]?.json, numInputRows: rows))
        }
        let readDone = ContinuousClock.now

        let context = BatchContext(batchId: batchId, watermarkForLateEvents: lastBatchWatermark, watermarkForEviction: watermark,
                                   inputs: inputs, partitionInputs: partitionInputs, partitionCount: plan.count,
                                   batchTimestamp: timestampMs * 1000)
        let output: RecordBatch
        do {
            output = try plan.execute(context)
        } catch {
            throw QueryError(query: configuration.name, batchId: batchId, phase: "executing the plan",
                             domain: error is OperatorError ? .user : .internal, underlying: error)
        }
        let quarantined = quarantiningOperators.flatMap { $0.drainQuarantine() }
        if !quarantined.isEmpty { try recordQuarantine(quarantined, batchId: batchId) }
        let lateRowsWritten = try writeLateRows(batchId: batchId)
        let batch = PreparedBatch(
            batchId: batchId, ends: ends, sourceProgress: sourceProgress, output: output, numQuarantined: quarantined.count,
            numLateRowsWritten: lateRowsWritten, numSuspectEventTimeRows: suspectEventTimeRows,
            started: started, offsetsDone: offsetsDone, readDone: readDone)
        pendingBatch = batch
        return batch
    }

    /// Completes a batch the sink took: state, commit, source commits, progress.
    func finishBatch(_ batch: PreparedBatch) throws {
        let batchId = batch.batchId
        try checkpointHook?(.sinkWritten, batchId)
        let batchWatermark = watermark
        advanceWatermark()
        lastBatchWatermark = batchWatermark
        try commitCheckpoint(batchId: batchId)
        for (i, source) in sources.enumerated() {
            if let end = batch.ends[i] { try source.commit(end) }
        }
        committedOffsets = batch.ends
        pendingRerun = nil
        pendingBatch = nil
        nextBatchId += 1
        let finished = ContinuousClock.now

        var progress = QueryProgress(
            name: configuration.name, batchId: batchId,
            numInputRows: batch.sourceProgress.reduce(0) { $0 + $1.numInputRows },
            inputRowsPerSecond: 0, processedRowsPerSecond: 0,
            durationMs: [
                "latestOffset": Self.ms(batch.offsetsDone - batch.started), "getBatch": Self.ms(batch.readDone - batch.offsetsDone),
                "addBatch": Self.ms(finished - batch.readDone), "triggerExecution": Self.ms(finished - batch.started),
            ],
            watermark: batchWatermark,
            eventTimeMin: watermarkOperators.joined().compactMap(\.minEventTime).min(),
            eventTimeMax: watermarkOperators.joined().compactMap(\.maxEventTime).max(),
            stateOperators: statefulOperators.compactMap { StateOperatorProgress.merging($0.compactMap(\.stateProgress)) },
            sources: batch.sourceProgress, sinkDescription: sink.description, numOutputRows: batch.output.rowCount,
            numQuarantinedMessages: batch.numQuarantined)
        progress.numSinkRetries = batch.retries
        progress.numSuspectEventTimeRows = batch.numSuspectEventTimeRows
        progress.numLateRowsWritten = batch.numLateRowsWritten
        report(progress)
    }

    /// Moves each watermark operator's watermark to `max event time - delay` (never back), then
    /// the query's to the minimum over all operators (Spark's default policy), an operator that
    /// has seen no data yet counting as 0, as Spark's `WatermarkTracker` populates it.
    /// Spark keeps watermarks in milliseconds; so does this, to give the same values.
    func advanceWatermark() {
        // Each watermark operator's max event time over all partitions, then the minimum over
        // operators: the global watermark Spark computes, whatever the partition count.
        for (i, partitions) in watermarkOperators.enumerated() {
            guard let maxEventTime = partitions.compactMap(\.maxEventTime).max() else { continue }
            let millis = Self.floorDivide(maxEventTime, 1000) - Self.floorDivide(partitions[0].delay, 1000)
            let candidate = millis * 1000
            operatorWatermarks[i] = max(operatorWatermarks[i] ?? candidate, candidate)
        }
        if let lowest = operatorWatermarks.map({ $0 ?? 0 }).min(), lowest > watermark {
            watermark = lowest
        }
    }

    private func report(_ progress: QueryProgress) {
        var progress = progress
        let seconds = (progress.durationMs["triggerExecution"] ?? 0) / 1000
        if seconds > 0 { progress.processedRowsPerSecond = Double(progress.numInputRows) / seconds }
        if let previous = recentProgress.last, let previousSeconds = previous.durationMs["triggerExecution"],
           previousSeconds > 0 {
            progress.inputRowsPerSecond = Double(progress.numInputRows) / max(seconds, previousSeconds / 1000)
        }
        recentProgress.append(progress)
        if recentProgress.count > 100 { recentProgress.removeFirst(recentProgress.count - 100) }
        progressHandler?(progress)
    }

    private func recordQuarantine(_ messages: [QuarantinedMessage], batchId: Int64) throws {
        quarantine.append(contentsOf: messages)
        guard let directory = configuration.quarantineDirectory else { return }
        var bytes: [UInt8] = []
        for message in messages {
            bytes.append(contentsOf: Array(QuarantineFormat.jsonLine(message, batchId: batchId).utf8))
            bytes.append(0x0A)
        }
        do {
            try FileSystem.createDirectory(directory)
            try FileSystem.writeAtomically(bytes, to: "\(directory)/batch-\(batchId).jsonl")
        } catch {
            throw QueryError(query: configuration.name, batchId: batchId, phase: "writing the quarantine",
                             domain: .external, underlying: error)
        }
    }

    static func ms(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
