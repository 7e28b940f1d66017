import Checkpointing
import Connectors
import Foundation
import Testing

/// The offsets and commits logs byte for byte as Spark writes them, and the refusals that keep
/// a checkpoint honest.
@Suite struct MetadataLogTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "s360-ckpt-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func offsetLogWritesSparksFormatAndReadsItBack() throws {
        let log = OffsetLog(directory: directory + "/offsets")
        let entry = OffsetSeq(
            metadata: OffsetSeqMetadata(batchWatermarkMs: 1_704_067_225_000, batchTimestampMs: 1_714_000_000_123,
                                        conf: ["spark.sql.streaming.multipleWatermarkPolicy": "min", "a": "b"]),
            offsets: [SourceOffset(json: "{\"logOffset\":3}"), nil])
        #expect(try log.add(3, entry))
        #expect(try text(directory + "/offsets/3") == """
            v1
            {"batchWatermarkMs":1704067225000,"batchTimestampMs":1714000000123,"conf":{"a":"b","spark.sql.streaming.multipleWatermarkPolicy":"min"}}
            {"logOffset":3}
            -
            """)
        #expect(try log.get(3) == entry)
        #expect(try log.get(4) == nil)
        #expect(try log.latest()?.batchId == 3)
    }

    @Test func readsAnOffsetsFileWrittenBySpark() throws {
        try FileManager.default.createDirectory(atPath: directory + "/offsets", withIntermediateDirectories: true)
        let spark = "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":1700000000000,\"conf\":{\"spark.sql.shuffle.partitions\":\"200\","
            + "\"spark.sql.streaming.stateStore.providerClass\":\"org.apache.spark.sql.execution.streaming.state.HDFSBackedStateStoreProvider\"}}\n"
            + "{\"logOffset\":0}\n{\"logOffset\":0}"
        try spark.write(toFile: directory + "/offsets/0", atomically: true, encoding: .utf8)
        let entry = try #require(try OffsetLog(directory: directory + "/offsets").get(0))
        #expect(entry.metadata.batchTimestampMs == 1_700_000_000_000)
        #expect(entry.metadata.conf["spark.sql.shuffle.partitions"] == "200")
        #expect(entry.offsets == [SourceOffset(json: "{\"logOffset\":0}"), SourceOffset(json: "{\"logOffset\":0}")])
    }

    @Test func commitLogRoundTrip() throws {
        let log = CommitLog(directory: directory + "/commits")
        try log.add(0, CommitEntry(nextBatchWatermarkMs: 0))
        try log.add(1, CommitEntry(nextBatchWatermarkMs: 1_704_067_230_000))
        #expect(try text(directory + "/commits/1") == "v1\n{\"nextBatchWatermarkMs\":1704067230000}")
        #expect(try log.latest()?.entry == CommitEntry(nextBatchWatermarkMs: 1_704_067_230_000))
        #expect(try log.batchIds() == [0, 1])
    }

    @Test func addAcceptsTheSameEntryAndRefusesADifferentOne() throws {
        let log = CommitLog(directory: directory + "/commits")
        #expect(try log.add(5, CommitEntry(nextBatchWatermarkMs: 7)))
        #expect(try log.add(5, CommitEntry(nextBatchWatermarkMs: 7)) == false)
        let error = #expect(throws: CheckpointError.self) { try log.add(5, CommitEntry(nextBatchWatermarkMs: 8)) }
        #expect(error == .conflictingEntry(path: directory + "/commits/5", batchId: 5))
        #expect(error?.description.contains("batch 5") == true)
        #expect(try log.get(5) == CommitEntry(nextBatchWatermarkMs: 7))
    }

    @Test func refusesNewerVersionsAndMalformedFiles() throws {
        let log = CommitLog(directory: directory + "/commits")
        try FileManager.default.createDirectory(atPath: log.directory, withIntermediateDirectories: true)
        try "v2\n{\"nextBatchWatermarkMs\":0}".write(toFile: log.path(of: 0), atomically: true, encoding: .utf8)
        #expect(throws: CheckpointError.unsupportedVersion(path: log.path(of: 0), found: "v2", supported: 1)) { try log.get(0) }
        try "{\"nextBatchWatermarkMs\":0}".write(toFile: log.path(of: 1), atomically: true, encoding: .utf8)
        let malformed = #expect(throws: CheckpointError.self) { try log.get(1) }
        #expect(malformed?.description.contains("version marker") == true)
        try "v1\nnot json".write(toFile: log.path(of: 2), atomically: true, encoding: .utf8)
        #expect(throws: CheckpointError.self) { try log.get(2) }
        let offsets = OffsetLog(directory: log.directory)
        try "v1\n{\"batchWatermarkMs\":0}\n{broken".write(toFile: log.path(of: 3), atomically: true, encoding: .utf8)
        #expect(throws: CheckpointError.self) { try offsets.get(3) }
    }

    @Test func listingSkipsTemporaryFilesAndPurgeKeepsTheNewest() throws {
        let log = CommitLog(directory: directory + "/commits")
        for id in 0..<6 { try log.add(Int64(id), CommitEntry(nextBatchWatermarkMs: Int64(id))) }
        try "v1\n{}".write(toFile: log.directory + "/6.tmp", atomically: true, encoding: .utf8)
        try "junk".write(toFile: log.directory + "/.6.crc", atomically: true, encoding: .utf8)
        #expect(try log.batchIds() == [0, 1, 2, 3, 4, 5])
        try log.purge(keepingLast: 2)
        #expect(try log.batchIds() == [4, 5])
        try log.purge(before: 5)
        #expect(try log.batchIds() == [5])
    }

    @Test func metadataKeepsTheQueryIdAndRefusesAnotherPlan() throws {
        let checkpoint = try CheckpointDirectory(directory + "/ckpt")
        let first = try checkpoint.open(plan: "stateStoreSave[ID:string](scan)")
        #expect(first.id.count == 36)
        #expect(try checkpoint.open(plan: "stateStoreSave[ID:string](scan)").id == first.id)
        let error = #expect(throws: CheckpointError.self) { try checkpoint.open(plan: "project[ID:string](scan)") }
        let message = try #require(error?.description)
        #expect(message.contains("different query plan"))
        #expect(message.contains("project[ID:string](scan)"))
        #expect(message.contains(directory + "/ckpt"))
        #expect(try text(directory + "/ckpt/metadata").hasPrefix("{\"id\":\"\(first.id)\""))
    }

    @Test func stateSnapshotsAreVersionedByBatchAndPurged() throws {
        let store = StateSnapshotStore(directory: directory + "/state")
        for batch in 0..<4 {
            try store.write([UInt8(batch)], operator: "0", batchId: Int64(batch))
            try store.write([UInt8(batch), 1], operator: "query", batchId: Int64(batch))
        }
        #expect(try store.read(operator: "0", batchId: 2) == [2])
        try store.purge(before: 3)
        #expect(try store.read(operator: "0", batchId: 2) == nil)
        #expect(try store.read(operator: "query", batchId: 3) == [3, 1])
        #expect(FileManager.default.fileExists(atPath: directory + "/state/0/3.snapshot"))
    }
}
