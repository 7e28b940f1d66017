import Checkpointing
import Columnar
import Connectors
import FileConnector
import Foundation
import StreamTesting
import Testing

/// Spark's sink-log compaction (`CompactibleFileStreamLog`, compact interval 10): batches 9, 19,
/// 29 … are written as `N.compact` holding every live entry, and Spark, pyarrow, DuckDB and
/// ``ParquetDataset`` read a long-running sink's exact rows.
@Suite struct ParquetSinkCompactionTests {
    static let schema = Schema([Field("ID", .string), Field("n", .long), Field("batch", .int), Field("State", .string)])
    static let columns = ["ID", "n", "batch"]

    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "s360-compact-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Batch `id`'s rows: `id % 4 + 1` of them (batch 13 has none), over three states.
    static func batch(_ id: Int64) -> RecordBatch {
        let count = id == 13 ? 0 : Int(id % 4) + 1
        let states = ["KA", "WEST BENGAL", "a b"]
        return Rows.batch(schema, (0..<count).map { i in
            [.string("b\(id)-r\(i)"), i == 1 ? .null : .long(id * 100 + Int64(i)), .int(Int32(id)), .string(states[(Int(id) + i) % 3])]
        })
    }

    static func expectedLines(batches: ClosedRange<Int64>) -> [String] {
        batches.flatMap { id in
            let rows = batch(id)
            return (0..<rows.rowCount).map { r in
                columns.map { name in
                    let value = rows.columns[rows.schema.fields.firstIndex { $0.name == name } ?? 0].scalar(at: r)
                    return value == .null ? "null" : value.description
                }.joined(separator: "|")
            }
        }.sorted()
    }

    func metadataNames(_ sink: ParquetFileSink) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sink.path + "/_spark_metadata").sorted {
            (Int($0.split(separator: ".")[0]) ?? -1, $0) < (Int($1.split(separator: ".")[0]) ?? -1, $1)
        }
    }

    @Test func sparkReadsATwentyFiveBatchSink() async throws {
        let sink = try ParquetFileSink(path: directory + "/out")
        for id in Int64(0)...24 { try sink.addBatch(id, Self.batch(id)) }
        let names = try metadataNames(sink)
        #expect(names == (0...24).map { [9, 19].contains($0) ? "\($0).compact" : "\($0)" })
        // 9.compact lists every file of batches 0 through 9, one SinkFileStatus per line after `v1`.
        let compact = try String(contentsOfFile: sink.path + "/_spark_metadata/19.compact", encoding: .utf8)
        let lines = compact.split(separator: "\n")
        #expect(lines.first == "v1")
        #expect(lines.count == 1 + (0...19).filter { $0 != 13 }.count)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("{\"path\":\"file://") && $0.hasSuffix("\"action\":\"add\"}") })

        let expected = Self.expectedLines(batches: 0...24)
        let sinkPath = sink.path
        let spark = try await BlockingWork.run { try SparkReaderOracle.read(sinkPath, columns: Self.columns) }
        #expect(spark.count == expected.count)
        #expect(spark.sorted() == expected)
        for engine in ["pyarrow", "duckdb"] {
            let rows = try ParquetToolOracle.read(sink.path, engine: engine, columns: Self.columns)
            #expect(rows.sorted() == expected, "\(engine)")
        }
        let ours = try ParquetDataset(path: sink.path).read()
        #expect(try ParquetToolOracle.lines(ours, columns: Self.columns).sorted() == expected)
    }

    @Test func partitionedSinkIsCompactedToo() async throws {
        let sink = try ParquetFileSink(path: directory + "/out", partitionBy: ["State"])
        for id in Int64(0)...10 { try sink.addBatch(id, Self.batch(id)) }
        #expect(try metadataNames(sink).contains("9.compact"))
        let sinkPath = sink.path
        let spark = try await BlockingWork.run { try SparkReaderOracle.read(sinkPath, columns: Self.columns + ["State"]) }
        let ours = try ParquetDataset(path: sink.path).read()
        #expect(spark.count == Self.expectedLines(batches: 0...10).count)
        #expect(spark.sorted() == (try ParquetToolOracle.lines(ours, columns: Self.columns + ["State"])).sorted())
    }

    @Test func aCompactionBatchReRunAfterACrashReplacesRatherThanDuplicates() throws {
        let sink = try ParquetFileSink(path: directory + "/out")
        for id in Int64(0)...9 { try sink.addBatch(id, Self.batch(id)) }
        // A crash after 9.compact was written but before the query's commit: the re-run is a no-op.
        let restarted = try ParquetFileSink(path: directory + "/out")
        try restarted.addBatch(9, Self.batch(9))
        #expect(try ParquetDataset(path: sink.path).read().rowCount == Self.expectedLines(batches: 0...9).count)
        // A crash after batch 9's files but before 9.compact: the re-run writes it once.
        try FileManager.default.removeItem(atPath: sink.path + "/_spark_metadata/9.compact")
        try Data("v1\ngarbage".utf8).write(to: URL(fileURLWithPath: sink.path + "/_spark_metadata/9.compact.tmp"))
        #expect(try ParquetDataset(path: sink.path).read().rowCount == Self.expectedLines(batches: 0...8).count)
        let again = try ParquetFileSink(path: directory + "/out")
        try again.addBatch(9, Self.batch(9))
        for id in Int64(10)...19 { try again.addBatch(id, Self.batch(id)) }
        let rows = try ParquetDataset(path: sink.path).read()
        #expect(try ParquetToolOracle.lines(rows, columns: Self.columns).sorted() == Self.expectedLines(batches: 0...19))
        #expect(try ParquetDataset(path: sink.path).committedFiles().count == 19)
        let compact = try String(contentsOfFile: sink.path + "/_spark_metadata/19.compact", encoding: .utf8)
        #expect(compact.split(separator: "\n").count == 1 + 19)
    }

    @Test func aSinkWrittenBeforeCompactionIsCompactedFromItsFirstBatch() throws {
        let sink = try ParquetFileSink(path: directory + "/out")
        for id in Int64(0)...14 { try sink.addBatch(id, Self.batch(id)) }
        // The layout of earlier Stream360 versions: plain `9`, no compaction file.
        let meta = sink.path + "/_spark_metadata"
        try FileManager.default.moveItem(atPath: meta + "/9.compact", toPath: meta + "/9")
        for id in Int64(15)...19 { try sink.addBatch(id, Self.batch(id)) }
        let compact = try String(contentsOfFile: meta + "/19.compact", encoding: .utf8)
        #expect(compact.split(separator: "\n").count == 1 + 19)
        let rows = try ParquetDataset(path: sink.path).read()
        #expect(try ParquetToolOracle.lines(rows, columns: Self.columns).sorted() == Self.expectedLines(batches: 0...19))
    }


    @Test func compactionRulesAreSparks() {
        #expect(FileSinkCompaction.isCompactionBatch(9, interval: 10))
        #expect(!FileSinkCompaction.isCompactionBatch(10, interval: 10))
        #expect(FileSinkCompaction.isCompactionBatch(2, interval: 3))
        #expect(FileSinkCompaction.validBatchesBeforeCompaction(5, interval: 3) == [2, 3, 4])
        #expect(FileSinkCompaction.validBatchesBeforeCompaction(9, interval: 10) == Array(0...8))
        #expect(FileSinkCompaction.allValidBatches(15, interval: 10) == Array(9...15))
        #expect(FileSinkCompaction.allValidBatches(19, interval: 10) == [19])
        #expect(FileSinkCompaction.allValidBatches(4, interval: 10) == Array(0...4))
    }
}
