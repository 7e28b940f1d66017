import Checkpointing
import Columnar
import Connectors
import Foundation
@_spi(Testing) import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// Spark's recovery protocol on memory sources: a query stopped after any step of any batch
/// and restarted from its checkpoint ends with exactly the output of an uninterrupted run.
@Suite struct CheckpointRecoveryTests {
    let directory = NSTemporaryDirectory() + "s360-recovery-" + UUID().uuidString

    /// Five data batches, one late row, and windows closing along the way.
    static func source() -> MemorySource {
        let source = MemorySource(schema: eventSchema, name: "events")
        source.addData(events(("a", 1), ("b", 2), ("a", 8)))
        source.addData(events(("a", 12), ("c", 14)))
        source.addData(events(("b", 25), ("a", 3), ("c", 21)))
        source.addData(events(("a", 31), ("b", 33), ("b", 36)))
        source.addData(events(("c", 52)))
        return source
    }

    static func configuration(_ checkpoint: String?, retention: Int = 10, partitions: Int = 2) -> StreamingQueryConfiguration {
        StreamingQueryConfiguration(name: "counts", readLimit: .maxFiles(1), checkpointLocation: checkpoint, checkpointRetention: retention,
                                    partitions: partitions)
    }

    func uninterrupted() async throws -> (rows: [String], batches: Int64) {
        let sink = RecordingSink()
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: sink, configuration: Self.configuration(nil, partitions: 1))
        try await query.run()
        return (multiset(sink.committedRows), query.nextBatchId)
    }

    @Test(arguments: [1, 4]) func everyCrashPointOfEveryBatchRecoversExactly(partitions: Int) async throws {
        let expected = try await uninterrupted()
        #expect(expected.batches == 6)
        #expect(expected.rows.count == 8)
        for batch in 0..<expected.batches {
            for step in CheckpointStep.allCases {
                let checkpoint = "\(directory)/\(batch)-\(step)"
                let sink = RecordingSink()
                let first = try StreamingQuery(try windowedCounts(Self.source()), sink: sink,
                                               configuration: Self.configuration(checkpoint, partitions: partitions))
                first.checkpointHook = { at, id in
                    if at == step && id == batch { throw SimulatedCrash(step: at.rawValue, batchId: id) }
                }
                await #expect(throws: SimulatedCrash.self) { try await first.run() }
                let second = try StreamingQuery(try windowedCounts(Self.source()), sink: sink,
                                                configuration: Self.configuration(checkpoint, partitions: partitions))
                #expect(second.nextBatchId == (step == .committed ? batch + 1 : batch), "\(step) of batch \(batch)")
                try await second.run()
                #expect(multiset(sink.committedRows) == expected.rows, "crash after \(step) of batch \(batch)")
                #expect(second.nextBatchId == expected.batches)
                // A re-run batch writes exactly what the first attempt wrote; committed batches never run twice.
                let calls = sink.calls
                for id in Set(calls.map(\.batchId)) {
                    let writes = calls.filter { $0.batchId == id }.map { Rows.scalars($0.batch) }
                    #expect(writes.allSatisfy { $0 == writes[0] }, "batch \(id)")
                    #expect(writes.count <= (id == batch && step != .committed && step != .offsetsWritten ? 2 : 1), "batch \(id)")
                }
            }
        }
    }

    @Test func logsRecordOffsetsAndWatermarksAsSparkDoes() async throws {
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory))
        try await query.run()
        let checkpoint = try CheckpointDirectory(directory)
        #expect(try checkpoint.offsets.batchIds() == [0, 1, 2, 3, 4, 5])
        #expect(try checkpoint.commits.batchIds() == [0, 1, 2, 3, 4, 5])
        for progress in query.recentProgress {
            let offsets = try #require(try checkpoint.offsets.get(progress.batchId))
            #expect(offsets.metadata.batchWatermarkMs * 1000 == progress.watermark)
            #expect(offsets.offsets.map { $0?.json } == progress.sources.map(\.endOffset))
        }
        // The last batch has no new data: it records the same offset as the one before.
        #expect(try checkpoint.offsets.get(5)?.offsets == checkpoint.offsets.get(4)?.offsets)
        #expect(try checkpoint.commits.get(3)?.nextBatchWatermarkMs == 31_000)
        // Operator 0's state in each of the 2 partitions, as Spark lays out state/<operator>/<partition>.
        #expect(FileManager.default.fileExists(atPath: directory + "/state/0/0/5.snapshot"))
        #expect(FileManager.default.fileExists(atPath: directory + "/state/0/1/5.snapshot"))
        #expect(try checkpoint.offsets.get(5)?.metadata.conf["spark.sql.shuffle.partitions"] == "2")
        #expect(FileManager.default.fileExists(atPath: directory + "/state/query/5.snapshot"))
        // Restarting a finished query runs nothing more.
        let again = try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory))
        #expect(try again.runBatch(limit: .maxFiles(1)) == false)
        #expect(again.watermark == query.watermark)
    }

    @Test func retentionPurgesOldEntries() async throws {
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(),
                                       configuration: Self.configuration(directory, retention: 2))
        try await query.run()
        let checkpoint = try CheckpointDirectory(directory)
        #expect(try checkpoint.offsets.batchIds() == [4, 5])
        #expect(try checkpoint.commits.batchIds() == [4, 5])
        for partition in 0..<2 {
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/state/0/\(partition)").sorted() == ["4.snapshot", "5.snapshot"])
        }
    }

    @Test func aCheckpointOfAnotherPlanIsRefusedWithAClearError() async throws {
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory))
        try await query.run()
        let error = #expect(throws: QueryError.self) {
            try StreamingQuery(try passThrough(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory))
        }
        #expect(error?.domain == .user)
        let message = error?.description ?? ""
        #expect(message.contains("different query plan"))
        #expect(message.contains(directory))
        #expect(message.contains("new checkpoint directory"))
        #expect(throws: QueryError.self) {
            try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory, retention: 0))
        }
    }

    @Test func damagedStateIsReportedWithItsBatch() async throws {
        let query = try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory))
        try await query.run()
        try FileManager.default.removeItem(atPath: directory + "/state/0/1/5.snapshot")
        let error = #expect(throws: QueryError.self) {
            try StreamingQuery(try windowedCounts(Self.source()), sink: RecordingSink(), configuration: Self.configuration(directory))
        }
        #expect(error?.description.contains("batch 5") == true)
    }
}
