import Columnar
import Connectors
import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// Triggers as in Spark: available-now processes what is there (with the read limit) and then
/// stops, adding one batch without data only when a stateful plan's watermark moved; once runs
/// a single batch over everything; processing-time runs until stopped.
@Suite struct TriggerTests {
    @Test func availableNowRunsEveryBatchThenOneNoDataBatchForAStatefulPlan() async throws {
        let source = MemorySource(schema: eventSchema)
        source.addData(events(("a", 1)))
        source.addData(events(("a", 12)))
        source.addData(events(("a", 25)))
        let sink = MemorySink()
        let query = try StreamingQuery(try windowedCounts(source), sink: sink,
                                       configuration: .init(trigger: .availableNow, readLimit: .maxFiles(1)))
        try await query.run()
        // Watermarks in force: 0, 0 (1 s - 5 s is below 0), 7 s, then 20 s after the last data
        // batch. 20 s > 7 s, so Spark runs a fourth batch without data, which closes [0,10) and [10,20).
        #expect(query.recentProgress.map(\.batchId) == [0, 1, 2, 3])
        #expect(query.recentProgress.map(\.numInputRows) == [1, 1, 1, 0])
        #expect(query.recentProgress.map(\.watermark) == [0, 0, sec(7), sec(20)])
        #expect(sink.batches.map(\.batch.rowCount) == [0, 0, 0, 2])
        // Nothing more to do: another run starts no batch.
        try await query.run()
        #expect(query.nextBatchId == 4)
    }

    @Test func availableNowRunsNoExtraBatchWhenTheWatermarkStoodStill() async throws {
        let source = MemorySource(schema: eventSchema)
        source.addData(events(("a", 12)))
        source.addData(events(("a", 3)))
        let query = try StreamingQuery(try windowedCounts(source), sink: MemorySink(), configuration: .init(readLimit: .maxFiles(1)))
        try await query.run()
        // Batch 1 ran under 7 s and saw only older events: the watermark stayed 7 s, so no extra batch.
        #expect(query.recentProgress.map(\.watermark) == [0, sec(7)])
    }

    @Test func availableNowRunsNoExtraBatchForAStatelessPlan() async throws {
        let source = MemorySource(schema: eventSchema)
        source.addData(events(("a", 1)))
        source.addData(events(("b", 12), ("c", 13)))
        let sink = MemorySink()
        let query = try StreamingQuery(try passThrough(source), sink: sink, configuration: .init(readLimit: .maxFiles(1)))
        try await query.run()
        // The watermark moved to 8 s, but no operator keeps state: two batches only.
        #expect(query.recentProgress.count == 2)
        #expect(query.watermark == sec(8))
        #expect(sink.rowCount == 3)
    }

    @Test func onceRunsOneBatchOverEverythingAvailable() async throws {
        let source = MemorySource(schema: eventSchema)
        source.addData(events(("a", 1)))
        source.addData(events(("b", 2)))
        source.addData(events(("c", 30)))
        let sink = MemorySink()
        let query = try StreamingQuery(try passThrough(source), sink: sink,
                                       configuration: .init(trigger: .once, readLimit: .maxFiles(1)))
        try await query.run()
        #expect(query.recentProgress.count == 1)
        #expect(query.recentProgress.first?.numInputRows == 3)
        #expect(sink.batches.map(\.batchId) == [0])
        #expect(sink.rowCount == 3)
    }

    @Test(.timeLimit(.minutes(1)))
    func processingTimeRunsUntilStoppedFromAnotherTask() async throws {
        let source = MemorySource(schema: eventSchema)
        source.addData(events(("a", 1)))
        let sink = MemorySink()
        // `stop()` is safe from any task (a Mutex); everything else is used by `run()` alone.
        nonisolated(unsafe) let query = try StreamingQuery(
            try passThrough(source), sink: sink, configuration: .init(trigger: .processingTime(.milliseconds(5))))
        let (batches, progress) = AsyncStream.makeStream(of: Int64.self)
        query.progressHandler = { progress.yield($0.batchId) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await query.run() }
            group.addTask {
                var seen: [Int64] = []
                for await batchId in batches {
                    seen.append(batchId)
                    // New data after the first batch is picked up by a later trigger.
                    if seen.count == 1 { source.addData(events(("b", 2), ("c", 3))) }
                    if seen.count == 2 { break }
                }
                query.stop()
            }
            try await group.waitForAll()
        }
        progress.finish()
        // Triggers without new data (and a stateless plan) run no batch: exactly two batches.
        #expect(sink.batches.map(\.batchId) == [0, 1])
        #expect(sink.rowCount == 3)
    }
}
