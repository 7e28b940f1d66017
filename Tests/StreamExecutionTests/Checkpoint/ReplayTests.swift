import Checkpointing
import Columnar
import Connectors
import Expressions
import Foundation
@_spi(Testing) import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// `StreamingQuery.replay`: batch N re-run from `offsets/N` and the state of N − 1 gives what
/// the sink committed for N, row for row, and leaves the checkpoint byte for byte as it was.
@Suite struct ReplayTests {
    let directory = NSTemporaryDirectory() + "s360-replay-" + UUID().uuidString

    /// Runs the seed-shaped query (30 s window aggregate joined with a second stream, late rows
    /// on both sides) to the end with a checkpoint that keeps every batch; returns each batch's rows.
    func runCheckpointed(partitions: Int) async throws -> [Int64: RecordBatch] {
        let (bureau, customers) = PartitionedExecutionTests.feed()
        let sink = RecordingSink()
        let query = try StreamingQuery(try PartitionedExecutionTests.plan(bureau, customers), sink: sink, configuration: Self.settings(
            checkpoint: directory, partitions: partitions))
        try await query.run()
        var committed: [Int64: RecordBatch] = [:]
        for call in sink.calls { committed[call.batchId] = call.batch }
        return committed
    }

    static func settings(checkpoint: String?, partitions: Int) -> StreamingQueryConfiguration {
        StreamingQueryConfiguration(name: "joined", readLimit: .maxFiles(1), checkpointLocation: checkpoint, checkpointRetention: 100,
                                    partitions: partitions)
    }

    /// Every file under `path` with its bytes, to show a replay wrote nothing.
    static func snapshot(_ path: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: "\(path)/\(name)", isDirectory: &isDirectory)
            files[name] = isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(name)"))
        }
        return files
    }

    @Test(arguments: [1, 2]) func everyReplayedBatchEqualsWhatTheSinkCommitted(partitions: Int) async throws {
        let committed = try await runCheckpointed(partitions: partitions)
        #expect(committed.count >= 8, "one batch per addData, then no-data batches")
        #expect(committed.values.contains { $0.rowCount > 0 })
        let before = try Self.snapshot(directory)
        for (batchId, expected) in committed.sorted(by: { $0.key < $1.key }) {
            // Fresh sources holding the same data, as after a restart.
            let (bureau, customers) = PartitionedExecutionTests.feed()
            // The configuration's own count is ignored: the checkpoint's is used.
            let replayed = try StreamingQuery.replay(
                try PartitionedExecutionTests.plan(bureau, customers), configuration: Self.settings(checkpoint: nil, partitions: 3),
                batchId: batchId, checkpoint: directory)
            #expect(replayed.schema == expected.schema, "batch \(batchId)")
            #expect(Rows.scalars(replayed).map { $0.map(\.description) } == Rows.scalars(expected).map { $0.map(\.description) },
                    "batch \(batchId): the replay's rows, in order, are the sink's")
            // The JSON lines `s360 replay --dump` writes are the sink's bytes.
            var replayedJSON: [UInt8] = []
            var expectedJSON: [UInt8] = []
            JSONLinesEncoder.encode(replayed, into: &replayedJSON)
            JSONLinesEncoder.encode(expected, into: &expectedJSON)
            #expect(replayedJSON == expectedJSON, "batch \(batchId)")
        }
        #expect(try Self.snapshot(directory) == before, "a replay writes nothing into the checkpoint")
    }

    @Test func aBatchNotInTheCheckpointIsRefusedWithTheBatchesThatAre() async throws {
        let committed = try await runCheckpointed(partitions: 1)
        let last = try #require(committed.keys.max())
        let (bureau, customers) = PartitionedExecutionTests.feed()
        let error = #expect(throws: ReplayError.self) {
            try StreamingQuery.replay(try PartitionedExecutionTests.plan(bureau, customers), configuration: Self.settings(checkpoint: nil, partitions: 1),
                                      batchId: last + 5, checkpoint: directory)
        }
        #expect(error == .unknownBatch(path: directory, batchId: last + 5, recorded: Array(0...last)))
        #expect(error?.description.contains("0…\(last)") == true)
    }

    @Test func anotherPlanIsRefusedAndAMissingDirectoryIsNotCreated() async throws {
        _ = try await runCheckpointed(partitions: 1)
        let (bureau, _) = PartitionedExecutionTests.feed()
        let other = try DataFrame.readStream(bureau).withWatermark("ts", delay: .seconds(5))
            .groupBy(window: DataFrame.window("ts", .seconds(60)), ["ID"], aggregations: [Aggregation(.countAll, "*", as: "n")])
        #expect {
            try StreamingQuery.replay(other, configuration: Self.settings(checkpoint: nil, partitions: 1), batchId: 1, checkpoint: directory)
        } throws: { error in
            if case CheckpointError.incompatiblePlan = error { return true }
            return false
        }
        let missing = directory + "-missing"
        #expect(throws: CheckpointError.notACheckpoint(path: missing, detail: "it does not exist")) {
            try StreamingQuery.replay(other, configuration: Self.settings(checkpoint: nil, partitions: 1), batchId: 0, checkpoint: missing)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
