import Connectors

/// Retrying a failed sink write: the loop, the stop-aware wait, and the error when it gives up.
///
/// An attempt that throws a transient error (``Connectors/TransientFailure``) is reported to
/// ``retryHandler`` and tried again after the wait ``StreamingQueryConfiguration/sinkRetry``
/// gives, measured on the query's clock; the wait races ``stop()``. Any other error, or a
/// transient one the policy has no more time or attempts for, throws a ``QueryError``.
extension StreamingQuery {
    /// Writes `batch` to the sink, retrying transient failures. Returns the batch as written
    /// (with its retry count), or nil when ``stop()`` ended a wait.
    func writeRetrying<C: Clock<Duration>>(_ batch: PreparedBatch, clock: C) async throws -> PreparedBatch? {
        var batch = batch
        let firstStarted = clock.now
        var attempts = 0
        while true {
            do {
                try sink.addBatch(batch.batchId, batch.output)
                return batch
            } catch {
                attempts += 1
                batch.failedAttempts += 1
                pendingBatch = batch
                let elapsed = firstStarted.duration(to: clock.now)
                let phase = "writing to \(sink.description)"
                guard (error as? any TransientFailure)?.isTransient == true else {
                    throw sinkFailure(batch, error, phase: attempts > 1 ? "\(phase) (attempt \(attempts))" : phase)
                }
                guard let delay = configuration.sinkRetry.delay(afterFailedAttempts: attempts, elapsed: elapsed) else {
                    let noun = attempts == 1 ? "attempt" : "attempts"
                    throw sinkFailure(batch, error, phase: "\(phase) (gave up after \(attempts) \(noun) in "
                        + "\(RetryPolicy.format(elapsed)); sinkRetry: \(configuration.sinkRetry))")
                }
                batch.retries += 1
                pendingBatch = batch
                retryHandler?(SinkRetry(
                    query: configuration.name, batchId: batch.batchId, sinkDescription: sink.description,
                    nextAttempt: attempts + 1, delay: delay, elapsed: elapsed, error: error))
                guard try await sleepUnlessStopped(until: clock.now.advanced(by: delay), clock: clock) else { return nil }
            }
        }
    }

    /// The error for a sink write that will not be retried (again).
    func sinkFailure(_ batch: PreparedBatch, _ error: any Error, phase: String) -> QueryError {
        QueryError(query: configuration.name, batchId: batch.batchId, phase: phase, domain: .external, underlying: error,
                   attempts: batch.failedAttempts)
    }

    /// Sleeps on `clock` until `deadline`; returns false, at once, when ``stop()`` is called first.
    /// - Throws: `CancellationError` when the running task is cancelled.
    func sleepUnlessStopped<C: Clock<Duration>>(until deadline: C.Instant, clock: C) async throws -> Bool {
        let stop = stopSignal
        let slept = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await clock.sleep(until: deadline, tolerance: nil)
                return true
            }
            group.addTask {
                await stop.wait()
                return false
            }
            // The first to finish decides; the other is cancelled (and its result discarded).
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
        try Task.checkCancellation()
        return slept
    }
}
