import StreamTesting
import Columnar
import Compression
import Connectors
import Foundation
import Testing

/// `TextFileSource` lists and reads a directory as Spark 4.3's text file source does: the same
/// names skipped, compressed files decompressed by extension, a leading UTF-8 BOM dropped.
@Suite struct TextFileSourceTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "s360-text-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
    }

    static func lines(_ tags: [String]) -> [UInt8] {
        Array(tags.map { "[{\"ID\":\"\($0)\"}]\n" }.joined().utf8)
    }

    /// `(file, line)` for every row the source reads from the whole directory.
    func readAll() throws -> [String] {
        let source = try TextFileSource(directory: directory)
        guard let end = try source.latestOffset(after: nil, limit: .all) else { return [] }
        let batch = try source.read(from: nil, to: end)
        let values = try batch.column("value")
        let files = try batch.column("_source_file")
        return (0..<batch.rowCount).map { "\(files.scalar(at: $0).description)|\(values.scalar(at: $0).description)" }
    }

    /// A zlib stream (Hadoop's `.deflate`) of stored blocks: header, blocks, Adler-32.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var chunks = stride(from: 0, to: data.count, by: 65_535).map { Array(data[$0..<min($0 + 65_535, data.count)]) }
        if chunks.isEmpty { chunks = [[]] }
        for (i, chunk) in chunks.enumerated() {
            let n = UInt16(chunk.count)
            out += [i == chunks.count - 1 ? 1 : 0, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + chunk
        }
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        let adler = b << 16 | a
        return out + [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)]
    }

    /// Hadoop's block framing of Snappy (`.snappy`): `[raw length][chunk length][chunk]` per block.
    static func hadoopSnappy(_ data: [UInt8], blockSize: Int = 1000) throws -> [UInt8] {
        func be(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        var out: [UInt8] = []
        for start in stride(from: 0, to: data.count, by: blockSize) {
            let block = Array(data[start..<min(start + blockSize, data.count)])
            let packed = try CompressionCodec.snappy.compress(block)
            out += be(block.count) + be(packed.count) + packed
        }
        return out
    }

    /// The directory the Spark comparison uses: every rule of the listing and every codec.
    func writeMixedDirectory() throws {
        try write("a_plain.json", Self.lines(["plain1", "plain2"]))
        try write("b_bom.json", [0xEF, 0xBB, 0xBF] + Self.lines(["bom1"]) + [0xEF, 0xBB, 0xBF] + Self.lines(["bom-inside"]))
        try write("c_crlf.json", Array("[{\"ID\":\"crlf1\"}]\r\n[{\"ID\":\"crlf2\"}]\r\n".utf8))
        try write("d_copy.json._COPYING_", Self.lines(["copying"]))
        try write("_hidden.json", Self.lines(["underscore"]))
        try write(".dot.json", Self.lines(["dot"]))
        try write("_metadata", Self.lines(["metadata"]))
        try write("_p=1.json", Self.lines(["underscore-with-equals"]))
        let gz1 = try CompressionCodec.gzip.compress([0xEF, 0xBB, 0xBF] + Self.lines(["gz-bom1", "gz2"]))
        let gz2 = try CompressionCodec.gzip.compress(Self.lines(["gz-member2"]))
        try write("e.json.gz", gz1 + gz2)
        try write("f.json.GZ", try CompressionCodec.gzip.compress(Self.lines(["gz-upper"])))
        try write("g.json.zst", try CompressionCodec.zstd.compress(Self.lines(["zst1", "zst2"])) + CompressionCodec.zstd.compress(Self.lines(["zst-frame2"])))
        try write("h.json.deflate", Self.zlibStored(Self.lines(["deflate1", "deflate2"])))
        try write("i.json.snappy", try Self.hadoopSnappy(Self.lines((0..<100).map { "snappy\($0)" })))
        try write("j_empty.json.gz", [])
    }

    @Test func listingSkipsWhatSparkSkips() throws {
        for name in ["a.json", "b.json._COPYING_", "_c.json", ".d.json", "_e=1.json", "_metadata", "_common_metadata", "f.json.gz"] {
            try write(name, Self.lines(["x"]))
        }
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        #expect(try FileSystem.listDataFiles(directory) == ["_e=1.json", "a.json", "f.json.gz"])
        #expect(!FileSystem.isDataFileName("x.json._COPYING_"))
        #expect(FileSystem.isDataFileName("x._COPYING_.json"))
    }

    @Test func compressedFilesAreDecompressedByExtension() throws {
        try writeMixedDirectory()
        let rows = try readAll()
        #expect(rows.contains("e.json.gz|[{\"ID\":\"gz2\"}]"))
        #expect(rows.contains("e.json.gz|[{\"ID\":\"gz-member2\"}]"))
        #expect(rows.contains("f.json.GZ|[{\"ID\":\"gz-upper\"}]"))
        #expect(rows.contains("g.json.zst|[{\"ID\":\"zst-frame2\"}]"))
        #expect(rows.contains("h.json.deflate|[{\"ID\":\"deflate2\"}]"))
        #expect(rows.filter { $0.hasPrefix("i.json.snappy|") }.count == 100)
        #expect(!rows.contains { $0.hasPrefix("j_empty") })
        #expect(!rows.contains { $0.contains("COPYING") || $0.contains("underscore\"") || $0.contains("dot") || $0.contains("metadata") })
        #expect(rows.contains("_p=1.json|[{\"ID\":\"underscore-with-equals\"}]"))
    }

    @Test func aByteOrderMarkIsDroppedAtTheStartOfAFileOnly() throws {
        try write("a.json", [0xEF, 0xBB, 0xBF] + Self.lines(["first"]) + [0xEF, 0xBB, 0xBF] + Self.lines(["second"]))
        try write("b.json.gz", try CompressionCodec.gzip.compress([0xEF, 0xBB, 0xBF] + Self.lines(["gz"])))
        #expect(try readAll() == [
            "a.json|[{\"ID\":\"first\"}]", "a.json|\u{FEFF}[{\"ID\":\"second\"}]", "b.json.gz|[{\"ID\":\"gz\"}]",
        ])
    }

    @Test(arguments: ["x.json.bz2", "x.json.lz4"])
    func codecsWithoutALibraryAreRefusedWithAMessage(name: String) throws {
        try write(name, [0x42, 0x5A, 0x68, 0x39, 0x17])
        do {
            _ = try readAll()
            Issue.record("reading \(name) should fail")
        } catch {
            let text = String(describing: error)
            #expect(text.contains(name) && text.contains("not supported"), "\(text)")
        }
    }

    @Test func corruptCompressedFilesNameTheFile() throws {
        let packed = try CompressionCodec.gzip.compress(Self.lines(["a", "b", "c"]))
        try write("cut.json.gz", Array(packed.prefix(packed.count / 2)))
        #expect { _ = try readAll() } throws: { String(describing: $0).contains("cut.json.gz") }
    }

    /// Spark 4.3 reads the same lines from the same directory (`readStream.text`, available-now),
    /// and its `from_json` parses the first line of a file that starts with a BOM.
    @Test func sparkReadsTheSameLines() async throws {
        try writeMixedDirectory()
        let directory = self.directory
        let spark = try await BlockingWork.run { try SparkTextOracle.read(directory) }
        let ours = try readAll()
        #expect(spark.rows.count == ours.count)
        #expect(spark.rows.sorted() == ours.sorted())
        #expect(spark.parsedIDs.contains("bom1"))
        #expect(spark.parsedIDs.contains("gz-bom1"))
    }

    /// Input splits (one per partition) tile the lines exactly: together, in order, the rows,
    /// file names and line numbers of a whole read, wherever the byte ranges cut the lines.
    @Test(arguments: [1, 2, 3, 5, 8, 64]) func splitsTogetherAreTheWholeRead(count: Int) throws {
        try write("a.json", Array("first\r\n\nthird line is longer\nfourth".utf8))
        try write("b.json", Array("\n\nx\n".utf8))
        try write("c.json", [])
        try write("d.json", Array("only line\n".utf8))
        let source = try TextFileSource(directory: directory)
        let end = try #require(try source.latestOffset(after: nil, limit: .all))
        let whole = try source.read(from: nil, to: end)
        #expect(whole.rowCount == 8)
        let splits = try source.readSplits(from: nil, to: end, count: count).map { try $0.read() }
        #expect(splits.count == count)
        let joined = RecordBatch.concatenate(splits, schema: whole.schema)
        #expect(Rows.scalars(joined) == Rows.scalars(whole))
        #expect(Rows.scalars(whole).map { $0[2] } == [1, 2, 3, 4, 1, 2, 3, 1].map { Scalar.long($0) })
    }
}
