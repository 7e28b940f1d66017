import Checkpointing
import Columnar
import Connectors
import FileConnector
import Foundation
import Parquet
import StreamTesting
import Testing

/// The Parquet sink's commit protocol, layout and manifest, checked with Stream360's reader and
/// with pyarrow and DuckDB through `../shared/tools/read_parquet_dataset.py`.
@Suite struct ParquetFileSinkTests {
    static let schema = Schema([
        Field("ID", .string), Field("n", .long), Field("amount", .double), Field("ok", .boolean),
        Field("ts", .timestamp), Field("State", .string), Field("k", .int),
    ])

    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "s360-sink-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    static func batch(_ rows: Range<Int>) -> RecordBatch {
        let states: [Scalar] = [.string("KA"), .string("WEST BENGAL"), .null, .string("a/b:c=d%"), .string("")]
        return Rows.batch(schema, rows.map { i in
            [.string("id\(i)"), i % 4 == 0 ? .null : .long(Int64(i) * 10), .double(Double(i) / 4), .boolean(i % 2 == 0),
             .timestamp(1_704_067_200_000_000 + Int64(i) * 1_500_000), states[i % states.count], .int(Int32(i % 3))]
        })
    }

    /// Rows as sorted canonical strings (a multiset).
    static func canonical(_ batch: RecordBatch, columns: [String]) throws -> [String] {
        let indices = try columns.map { try batch.schema.requireIndex(of: $0) }
        return (0..<batch.rowCount).map { r in indices.map { batch.columns[$0].scalar(at: r).description }.joined(separator: "|") }.sorted()
    }

    @Test func batchesAreCommittedByManifestAndReRunsNeverDuplicate() throws {
        let sink = try ParquetFileSink(path: directory + "/out")
        try sink.addBatch(0, Self.batch(0..<10))
        try sink.addBatch(1, Self.batch(10..<15))
        try sink.addBatch(1, Self.batch(10..<15))
        try sink.addBatch(2, RecordBatch.empty(Self.schema))
        let files = try FileManager.default.contentsOfDirectory(atPath: sink.path).sorted()
        #expect(files == ["_spark_metadata", "part-00000-00000.snappy.parquet", "part-00001-00000.snappy.parquet"])
        let manifest = try String(contentsOfFile: sink.path + "/_spark_metadata/0", encoding: .utf8)
        let lines = manifest.split(separator: "\n")
        #expect(lines.first == "v1")
        #expect(lines.count == 2)
        let size = try #require(FileManager.default.attributesOfItem(atPath: sink.path + "/part-00000-00000.snappy.parquet")[.size] as? Int)
        #expect(lines[1].hasPrefix("{\"path\":\"file://\(sink.path)/part-00000-00000.snappy.parquet\",\"size\":\(size),\"isDir\":false,\"modificationTime\":"))
        #expect(lines[1].hasSuffix(",\"blockReplication\":1,\"blockSize\":33554432,\"action\":\"add\"}"))
        #expect(try String(contentsOfFile: sink.path + "/_spark_metadata/2", encoding: .utf8) == "v1")
        let rows = try ParquetDataset(path: sink.path).read()
        #expect(rows.rowCount == 15)
        #expect(try Self.canonical(rows, columns: Self.schema.names) == Self.canonical(Self.batch(0..<15), columns: Self.schema.names))
    }

    @Test func filesOfAnUncommittedBatchAreInvisibleAndReplacedOnReRun() throws {
        let sink = try ParquetFileSink(path: directory + "/out")
        try sink.addBatch(0, Self.batch(0..<4))
        try sink.addBatch(1, Self.batch(4..<8))
        // A crash after batch 1's files but before its manifest entry: remove the entry.
        try FileManager.default.removeItem(atPath: sink.path + "/_spark_metadata/1")
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: sink.path + "/.part-00001-00001.snappy.parquet.tmp"))
        #expect(try ParquetDataset(path: sink.path).read().rowCount == 4)
        let restarted = try ParquetFileSink(path: directory + "/out")
        try restarted.addBatch(1, Self.batch(4..<8))
        #expect(try ParquetDataset(path: sink.path).read().rowCount == 8)
        #expect(try ParquetDataset(path: sink.path).committedFiles().count == 2)
    }

    @Test func partitionByLaysOutSparkDirectories() throws {
        let sink = try ParquetFileSink(path: directory + "/out", partitionBy: ["State", "k"])
        try sink.addBatch(0, Self.batch(0..<20))
        let top = try FileManager.default.contentsOfDirectory(atPath: sink.path).sorted()
        #expect(top == ["State=KA", "State=WEST BENGAL", "State=__HIVE_DEFAULT_PARTITION__", "State=a%2Fb%3Ac%3Dd%25", "_spark_metadata"])
        #expect(FileManager.default.fileExists(atPath: sink.path + "/State=KA/k=0/part-00000-00000.snappy.parquet"))
        let file = try ParquetReader(path: sink.path + "/State=KA/k=0/part-00000-00000.snappy.parquet")
        #expect(file.schema.names == ["ID", "n", "amount", "ok", "ts"])
        let rows = try ParquetDataset(path: sink.path).read()
        #expect(rows.schema.names == ["ID", "n", "amount", "ok", "ts", "State", "k"])
        // Null and empty partition values both read back as null, as in Spark.
        let expected = Self.batch(0..<20)
        let states = try expected.column("State")
        var readSchema = Self.schema
        readSchema.fields[6] = Field("k", .string)
        let normalized = Rows.batch(readSchema, (0..<20).map { r in
            var row = expected.row(r)
            if states.scalar(at: r) == .string("") { row[5] = .null }
            row[6] = .string(String(describing: row[6]))
            return row
        }.map { $0 })
        #expect(try Self.canonical(rows, columns: Self.schema.names) == Self.canonical(normalized, columns: Self.schema.names))
    }

    @Test func escapingFollowsSpark() {
        #expect(PartitionPath.escape("a b/c:d=e%f#g?h*i\"j'k\\l{m[n]o^p\u{01}q\u{7F}é") == "a b%2Fc%3Ad%3De%25f%23g%3Fh%2Ai%22j%27k%5Cl%7Bm%5Bn%5Do%5Ep%01q%7Fé")
        #expect(PartitionPath.unescape("a b%2Fc%3Ad%3De%25f") == "a b/c:d=e%f")
        #expect(PartitionPath.fileURI("/tmp/x/State=a%2Fb c") == "file:///tmp/x/State=a%252Fb%20c")
        #expect(PartitionPath.path(fromURI: "file:///tmp/x/State=a%252Fb%20c") == "/tmp/x/State=a%2Fb c")
        #expect(PartitionPath.path(fromURI: "file:/tmp/y") == "/tmp/y")
    }

    @Test(arguments: ["pyarrow", "duckdb"])
    func independentReadersSeeOnlyCommittedRows(engine: String) throws {
        let sink = try ParquetFileSink(path: directory + "/out-\(engine)", partitionBy: ["State"])
        try sink.addBatch(0, Self.batch(0..<12))
        try sink.addBatch(1, Self.batch(12..<30))
        try sink.addBatch(2, Self.batch(30..<31))
        try FileManager.default.removeItem(atPath: sink.path + "/_spark_metadata/2")
        // The tool reads each file on its own (no partition discovery): compare the stored columns.
        let columns = ["ID", "n", "amount", "ok", "ts", "k"]
        let lines = try ParquetToolOracle.read(sink.path, engine: engine, columns: columns)
        let ours = try ParquetDataset(path: sink.path).read()
        #expect(lines.count == 30)
        #expect(lines.sorted() == (try ParquetToolOracle.lines(ours, columns: columns)).sorted())
        #expect(lines.sorted() == (try ParquetToolOracle.lines(Self.batch(0..<30), columns: columns)).sorted())
    }
}
