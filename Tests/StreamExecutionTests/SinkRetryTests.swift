import Checkpointing
import Columnar
import Connectors
import Foundation
import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// Sink retries: a write that fails with a transient error is tried again, same batch id and
/// rows, after the policy's back-off on the query's clock; other errors, and an exhausted
/// policy, fail the query; `stop()` during a back-off leaves the batch for a restart.
@Suite struct SinkRetryTests {
    let directory = NSTemporaryDirectory() + "s360-retry-" + UUID().uuidString

    /// Four data batches with windows closing along the way, then a no-data batch: a stateful
    /// plan, so running it twice for a batch would show in the counts.
    static func source() -> MemorySource {
        let source = MemorySource(schema: eventSchema, name: "events")
        source.addData(events(("a", 1), ("b", 2), ("a", 8)))
        source.addData(events(("a", 12), ("c", 14)))
        source.addData(events(("b", 25), ("a", 3), ("c", 21)))
        source.addData(events(("a", 31), ("b", 33)))
        return source
    }

    static let policy = RetryPolicy(
        maxAttempts: 10, maxElapsed: nil, initialBackoff: .milliseconds(100), multiplier: 2, maxBackoff: .milliseconds(250))

    func configuration(_ policy: RetryPolicy = Self.policy, checkpoint: String? = nil) -> StreamingQueryConfiguration {
        StreamingQueryConfiguration(name: "counts", readLimit: .maxFiles(1), checkpointLocation: checkpoint, sinkRetry: policy)
    }

    /// The rows of a run without failures.
    func expectedRows() async throws -> [String] {
        let sink = RecordingSink()
        try await StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration()).run()
        return multiset(sink.committedRows)
    }

    @Test func transientFailuresAreRetriedWithTheSameBatchUntilItCommitsOnce() async throws {
        let expected = try await expectedRows()
        let sink = FlakySink(script: [2: [Outage(isTransient: true), Outage(isTransient: true), Outage(isTransient: true)]])
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink,
                                       configuration: configuration(checkpoint: directory))
        var retries: [SinkRetry] = []
        query.retryHandler = { retries.append($0) }
        let clock = TestClock(skipsSleeps: true)
        try await query.run(clock: clock)

        // Batch 2 was written four times, always with the same rows; the plan ran once for it.
        let writes = sink.attempts.filter { $0.batchId == 2 }
        #expect(writes.map(\.succeeded) == [false, false, false, true])
        #expect(writes.allSatisfy { $0.rows == writes[0].rows })
        #expect(sink.attempts.map(\.batchId) == [0, 1, 2, 2, 2, 2, 3, 4])
        #expect(multiset(sink.committedRows) == expected)
        // Each batch committed once, batch 2 with its retries counted in its progress.
        #expect(query.recentProgress.map(\.batchId) == [0, 1, 2, 3, 4])
        #expect(query.recentProgress.map(\.numSinkRetries) == [0, 0, 3, 0, 0])
        #expect(try CheckpointDirectory(directory).commits.batchIds() == [0, 1, 2, 3, 4])

        // Retries reported with the policy's growing delays, and waited for on the query's clock.
        #expect(retries.map(\.batchId) == [2, 2, 2])
        #expect(retries.map(\.nextAttempt) == [2, 3, 4])
        #expect(retries.map(\.delay) == [.milliseconds(100), .milliseconds(200), .milliseconds(250)])
        #expect(retries.map(\.elapsed) == [.zero, .milliseconds(100), .milliseconds(300)])
        #expect(retries.allSatisfy { ($0.error as? Outage)?.isTransient == true })
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200), .milliseconds(250)])
        #expect(retries.first?.description == "batch 2: writing to FlakySink failed (connection refused), retrying in 100 ms (attempt 2)")
    }

    @Test(arguments: [false, true])
    func aPermanentErrorFailsTheQueryAtOnce(conforms: Bool) async throws {
        struct Rejected: Error {}
        let failure: any Error = conforms ? Outage(isTransient: false) : Rejected()
        let sink = FlakySink(script: [1: [failure]])
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration())
        var retries: [SinkRetry] = []
        query.retryHandler = { retries.append($0) }
        let clock = TestClock(skipsSleeps: true)
        let error = await #expect(throws: QueryError.self) { try await query.run(clock: clock) }
        #expect(error?.batchId == 1)
        #expect(error?.attempts == 1)
        #expect(error?.domain == .external)
        #expect(error?.phase == "writing to FlakySink")
        #expect(sink.attempts.map(\.batchId) == [0, 1])
        #expect(retries.isEmpty)
        #expect(clock.sleeps.isEmpty)
        #expect(query.nextBatchId == 1)
    }

    @Test func aPermanentErrorAfterTransientOnesFailsWithoutMoreRetries() async throws {
        let sink = FlakySink(script: [0: [Outage(isTransient: true), Outage(isTransient: false)]])
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration())
        let error = await #expect(throws: QueryError.self) { try await query.run(clock: TestClock(skipsSleeps: true)) }
        #expect(error?.attempts == 2)
        #expect(error?.phase == "writing to FlakySink (attempt 2)")
        #expect(sink.attempts.count == 2)
    }

    @Test func exhaustingTheAttemptsFailsWithAQueryErrorNamingThem() async throws {
        let sink = FlakySink(alwaysFailing: [1: Outage(isTransient: true)])
        let policy = RetryPolicy(maxAttempts: 4, maxElapsed: nil, initialBackoff: .milliseconds(100), maxBackoff: .seconds(1))
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration(policy))
        var retries: [SinkRetry] = []
        query.retryHandler = { retries.append($0) }
        let error = await #expect(throws: QueryError.self) { try await query.run(clock: TestClock(skipsSleeps: true)) }
        #expect(error?.attempts == 4)
        #expect(error?.batchId == 1)
        #expect(error?.isRetryable == true)
        #expect(error.map { "\($0)" }?.contains("gave up after 4 attempts in 700 ms") == true)
        #expect(sink.attempts.filter { $0.batchId == 1 }.count == 4)
        #expect(retries.map(\.delay) == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        #expect(query.nextBatchId == 1)
    }

    @Test func exhaustingTheTimeBudgetFailsBeforeAWaitThatWouldEndPastIt() async throws {
        let sink = FlakySink(alwaysFailing: [0: Outage(isTransient: true)])
        // Waits 200 ms and 400 ms (600 ms in all); the next, 800 ms, would end after 1 s.
        let policy = RetryPolicy(maxElapsed: .seconds(1), initialBackoff: .milliseconds(200), maxBackoff: .seconds(5))
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration(policy))
        let clock = TestClock(skipsSleeps: true)
        let error = await #expect(throws: QueryError.self) { try await query.run(clock: clock) }
        #expect(error?.attempts == 3)
        #expect(error.map { "\($0)" }?.contains("gave up after 3 attempts in 600 ms") == true)
        #expect(clock.sleeps == [.milliseconds(200), .milliseconds(400)])
    }

    @Test(.timeLimit(.minutes(1)))
    func stopDuringABackOffLeavesTheBatchUncommittedAndARestartRunsItAgain() async throws {
        let expected = try await expectedRows()
        let failing = FlakySink(alwaysFailing: [2: Outage(isTransient: true)])
        // `stop()` is safe from any task (a Mutex); everything else is used by `run()` alone.
        nonisolated(unsafe) let first = try StreamingQuery(
            try windowedCounts(Self.source()), sink: failing, configuration: configuration(checkpoint: directory))
        let (retries, reported) = AsyncStream.makeStream(of: SinkRetry.self)
        first.retryHandler = { reported.yield($0) }
        // A clock that never moves: only `stop()` can end the back-off.
        let clock = TestClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await first.run(clock: clock) }
            group.addTask {
                for await retry in retries {
                    #expect(retry.batchId == 2)
                    break
                }
                first.stop()
            }
            try await group.waitForAll()
        }
        reported.finish()
        #expect(clock.now == TestClock.Instant(offset: .zero))
        #expect(clock.sleepers == 0)
        #expect(failing.attempts.map(\.batchId) == [0, 1, 2])
        #expect(first.nextBatchId == 2)
        // Offsets of batch 2 are written, its commit is not.
        let checkpoint = try CheckpointDirectory(directory)
        #expect(try checkpoint.offsets.batchIds() == [0, 1, 2])
        #expect(try checkpoint.commits.batchIds() == [0, 1])

        // Restarted on the checkpoint, the query runs batch 2 again with the same rows, once.
        let sink = FlakySink()
        let second = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration(checkpoint: directory))
        #expect(second.nextBatchId == 2)
        try await second.run(clock: TestClock(skipsSleeps: true))
        #expect(sink.attempts.map(\.batchId) == [2, 3, 4])
        #expect(sink.attempts.first?.rows == failing.attempts.last?.rows)
        let firstRows = failing.attempts.filter { $0.batchId < 2 }.flatMap(\.rows)
        #expect(multiset(firstRows + sink.committedRows) == expected)
    }

    @Test func runBatchWritesOnceAndWritesTheSameOutputWhenCalledAgain() async throws {
        let expected = try await expectedRows()
        let sink = FlakySink(script: [1: [Outage(isTransient: true)]])
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: configuration())
        #expect(try query.runBatch(limit: .maxFiles(1)))
        let error = #expect(throws: QueryError.self) { try query.runBatch(limit: .maxFiles(1)) }
        #expect(error?.attempts == 1)
        // The next call writes batch 1's output again instead of running the plan a second time.
        while try query.runBatch(limit: .maxFiles(1)) {}
        let writes = sink.attempts.filter { $0.batchId == 1 }
        #expect(writes.count == 2)
        #expect(writes[0].rows == writes[1].rows)
        #expect(multiset(sink.committedRows) == expected)
    }

    @Test(.timeLimit(.minutes(1)))
    func stopEndsTheWaitForTheNextProcessingTimeTrigger() async throws {
        let source = MemorySource(schema: eventSchema)
        source.addData(events(("a", 1)))
        nonisolated(unsafe) let query = try StreamingQuery(
            try passThrough(source), sink: MemorySink(), configuration: .init(trigger: .processingTime(.seconds(60))))
        let clock = TestClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await query.run(clock: clock) }
            group.addTask {
                // The query ran its batch and sleeps until the next trigger; the clock never moves.
                for await _ in clock.sleepRequests { break }
                query.stop()
            }
            try await group.waitForAll()
        }
        #expect(query.nextBatchId == 1)
        #expect(clock.sleeps == [.seconds(60)])
    }
}
