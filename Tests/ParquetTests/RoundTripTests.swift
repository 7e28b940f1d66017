import Columnar
import Compression
import Foundation
@testable import Parquet
import Testing

/// Stream360 writes, Stream360 reads: every type, nulls, codecs, row groups and dictionary fallback.
@Suite struct RoundTripTests {
    @Test(arguments: CompressionCodec.allCases)
    func everyTypeWithNullsRoundTrips(codec: CompressionCodec) throws {
        let dir = try TestFiles.temporaryDirectory()
        let path = dir + "/all.parquet"
        let batch = TestFiles.everyTypeBatch(rows: 3000)
        let writer = try ParquetWriter(path: path, schema: batch.schema, options: ParquetWriterOptions(compression: codec))
        try writer.write(batch)
        try writer.close()

        let reader = try ParquetReader(path: path)
        #expect(reader.schema == batch.schema)
        #expect(reader.rowCount == 3000)
        let read = try readParquet(path: path)
        #expect(canonicalRows(read) == canonicalRows(batch))
        #expect(read.columns[1].nullCount == batch.columns[1].nullCount)
        let chunk = try #require(reader.metadata.rowGroups.first?.columns.first?.metaData)
        #expect(chunk.codec == codec.parquetKind)
    }

    @Test func emptyFileKeepsItsSchema() throws {
        let dir = try TestFiles.temporaryDirectory()
        let batch = TestFiles.everyTypeBatch(rows: 0)
        let writer = try ParquetWriter(path: dir + "/empty.parquet", schema: batch.schema)
        try writer.write(batch)
        try writer.close()
        let reader = try ParquetReader(path: dir + "/empty.parquet")
        #expect(reader.rowCount == 0)
        #expect(reader.rowGroupCount == 0)
        #expect(reader.schema == batch.schema)
        let read = try readParquet(path: dir + "/empty.parquet")
        #expect(read.rowCount == 0)
        #expect(read.schema == batch.schema)
        #expect(try PythonOracle.pyarrowRows(dir + "/empty.parquet").isEmpty)
    }

    @Test func manyRowGroupsAndStatisticsSkipRowGroups() throws {
        let dir = try TestFiles.temporaryDirectory()
        let path = dir + "/groups.parquet"
        let options = ParquetWriterOptions(rowGroupSizeBytes: 64 << 10, pageSizeBytes: 8 << 10)
        let writer = try ParquetWriter(path: path, schema: TestFiles.everyTypeBatch(rows: 0).schema, options: options)
        var expected: [String] = []
        for part in 0..<10 {
            let batch = TestFiles.everyTypeBatch(rows: 5000, seed: part * 5000)
            try writer.write(batch)
            expected += canonicalRows(batch)
        }
        try writer.close()
        let reader = try ParquetReader(path: path)
        #expect(reader.rowGroupCount > 5)
        #expect(canonicalRows(try readParquet(path: path)) == expected)

        // ids grow with the row number, so a range predicate keeps only the groups that hold it.
        let wanted = ParquetPredicate.greaterThanOrEqual("id", .long(20_000 * 1_000_003)) && .lessThan("id", .long(21_000 * 1_000_003))
        let kept = try reader.rowGroups(matching: wanted)
        #expect(!kept.isEmpty && kept.count < reader.rowGroupCount / 2)
        let rows = try reader.read(columns: ["ID"], where: wanted).flatMap { batch in batch.columns[0].int64Values }
        #expect(rows.contains(20_500 * 1_000_003 - 500))
        #expect(try reader.rowGroups(matching: .lessThan("id", .long(Int64.min))).isEmpty)
        #expect(try reader.rowGroups(matching: .greaterThan("state", .string("zzz"))).isEmpty)
        #expect(try reader.rowGroups(matching: .equal("state", .string("KA"))).count == reader.rowGroupCount)
        #expect(try reader.rowGroups(matching: .isNull("id")).isEmpty)
        #expect(try reader.rowGroups(matching: .isNull("count")).count == reader.rowGroupCount)
    }

    @Test func dictionaryFallsBackToPlainWhenItGrowsTooBig() throws {
        let dir = try TestFiles.temporaryDirectory()
        let path = dir + "/fallback.parquet"
        let values = (0..<20_000).map { "distinct-value-\($0 * 7919 % 20_000)" }
        let schema = Schema([Field("s", .string)])
        let batch = RecordBatch(trusted: schema, columns: [.strings(values)], rowCount: values.count)
        let options = ParquetWriterOptions(pageSizeBytes: 16 << 10, dictionaryPageSizeLimit: 32 << 10)
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        try writer.write(batch)
        try writer.close()
        let chunk = try #require(try ParquetReader(path: path).metadata.rowGroups.first?.columns.first?.metaData)
        #expect(chunk.encodings.contains(.rleDictionary))
        #expect(chunk.encodings.contains(.plain))
        #expect(chunk.dictionaryPageOffset != nil)
        #expect(try readParquet(path: path).columns[0].strings == batch.columns[0].strings)
        #expect(try PythonOracle.pyarrowRows(path) == canonicalRows(batch))
    }

    @Test func repeatedStringsStayDictionaryEncoded() throws {
        let dir = try TestFiles.temporaryDirectory()
        let path = dir + "/dict.parquet"
        let schema = Schema([Field("s", .string)])
        let batch = RecordBatch(trusted: schema, columns: [.strings((0..<10_000).map { $0 % 10 == 0 ? nil : "state-\($0 % 13)" })], rowCount: 10_000)
        let writer = try ParquetWriter(path: path, schema: schema)
        try writer.write(batch)
        try writer.close()
        let chunk = try #require(try ParquetReader(path: path).metadata.rowGroups.first?.columns.first?.metaData)
        #expect(!chunk.encodings.contains(.plain) || chunk.dictionaryPageOffset != nil)
        #expect(chunk.totalCompressedSize < 4000)
        #expect(canonicalRows(try readParquet(path: path)) == canonicalRows(batch))
    }

    @Test func projectionReadsOnlyTheNamedColumnsInOrder() throws {
        let dir = try TestFiles.temporaryDirectory()
        let batch = TestFiles.everyTypeBatch(rows: 100)
        let writer = try ParquetWriter(path: dir + "/p.parquet", schema: batch.schema)
        try writer.write(batch)
        try writer.close()
        let read = try readParquet(path: dir + "/p.parquet", columns: ["state", "id"])
        #expect(read.schema.names == ["state", "id"])
        #expect(read.columns[1].int64Values == batch.columns[0].int64Values)
        #expect(throws: ParquetError.self) { try readParquet(path: dir + "/p.parquet", columns: ["nope"]) }
    }

    @Test func nullInNonNullableColumnIsRejected() throws {
        let dir = try TestFiles.temporaryDirectory()
        let schema = Schema([Field("id", .long, nullable: false)])
        let writer = try ParquetWriter(path: dir + "/r.parquet", schema: schema)
        let batch = RecordBatch(trusted: schema, columns: [.longs([1, nil])], rowCount: 2)
        #expect(throws: ParquetError.nullInRequiredColumn(path: dir + "/r.parquet", column: "id")) { try writer.write(batch) }
    }

    @Test func mismatchedBatchAndClosedWriterAreErrors() throws {
        let dir = try TestFiles.temporaryDirectory()
        let writer = try ParquetWriter(path: dir + "/m.parquet", schema: Schema([Field("a", .long)]))
        let other = RecordBatch(trusted: Schema([Field("a", .string)]), columns: [.strings(["x"])], rowCount: 1)
        #expect(throws: ParquetError.self) { try writer.write(other) }
        try writer.close()
        #expect(throws: ParquetError.writerClosed(path: dir + "/m.parquet")) { try writer.close() }
    }

    @Test func nestedColumnsAreRefusedByTheWriter() throws {
        let dir = try TestFiles.temporaryDirectory()
        #expect(throws: ParquetError.self) {
            _ = try ParquetWriter(path: dir + "/n.parquet", schema: Schema([Field("a", .array(.int))]))
        }
    }

    @Test func directoryReadSkipsHiddenAndUnderscoreFiles() throws {
        let dir = try TestFiles.temporaryDirectory()
        var expected: [String] = []
        for part in 0..<3 {
            let batch = TestFiles.everyTypeBatch(rows: 50, seed: part * 50)
            let writer = try ParquetWriter(path: dir + "/part-0000\(part).parquet", schema: batch.schema)
            try writer.write(batch)
            try writer.close()
            expected += canonicalRows(batch)
        }
        try Data("not parquet".utf8).write(to: URL(fileURLWithPath: dir + "/_SUCCESS"))
        try Data("not parquet".utf8).write(to: URL(fileURLWithPath: dir + "/.part-00000.parquet.crc"))
        try FileManager.default.createDirectory(atPath: dir + "/_spark_metadata", withIntermediateDirectories: true)
        #expect(canonicalRows(try readParquet(path: dir)) == expected)
    }

    @Test func truncatedAndForeignFilesAreReportedWithTheirPath() throws {
        let dir = try TestFiles.temporaryDirectory()
        try Data("PAR1 this is not really parquet".utf8).write(to: URL(fileURLWithPath: dir + "/bad.parquet"))
        #expect {
            try ParquetReader(path: dir + "/bad.parquet")
        } throws: { error in
            guard case ParquetError.notParquet(let path, _) = error else { return false }
            return path == dir + "/bad.parquet"
        }
        let emptyDir = try TestFiles.temporaryDirectory()
        #expect(throws: ParquetError.noDataFiles(path: emptyDir)) { try readParquet(path: emptyDir) }
    }

    @Test func invalidOptionsAreRejectedBeforeWriting() throws {
        let dir = try TestFiles.temporaryDirectory()
        #expect(throws: ParquetError.self) {
            _ = try ParquetWriter(path: dir + "/o.parquet", schema: Schema([Field("a", .long)]),
                                  options: ParquetWriterOptions(pageSizeBytes: 1))
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.parquet"))
    }
}
