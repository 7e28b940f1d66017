import Columnar
import Foundation
@testable import Parquet
import Testing

/// Files written by pyarrow (and by Spark) read by Stream360, compared with pyarrow's own reading.
@Suite struct ForeignFileTests {
    /// Writes one table with pyarrow in every layout the reader must handle.
    static let generator = #"""
    import pyarrow as pa, pyarrow.parquet as pq, datetime, os
    out = sys.argv[1]
    n = 2500
    def ts(i):
        return None if i % 9 == 4 else datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=i * 37, microseconds=i)
    point = pa.struct([("x", pa.float64()), ("tags", pa.list_(pa.string()))])
    table = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "small": pa.array([None if i % 13 == 0 else (i % 100) - 50 for i in range(n)], pa.int8()),
        "ratio": pa.array([None if i % 17 == 0 else i / 7.0 for i in range(n)], pa.float32()),
        "state": pa.array([None if i % 5 == 0 else ["KA", "MH", "WB", "TN"][i % 4] for i in range(n)], pa.string()),
        "flag": pa.array([None if i % 7 == 0 else i % 2 == 0 for i in range(n)], pa.bool_()),
        "when": pa.array([ts(i) for i in range(n)], pa.timestamp("us", tz="UTC")),
        "when_ms": pa.array([ts(i).replace(microsecond=0) if ts(i) else None for i in range(n)], pa.timestamp("ms", tz="UTC")),
        "scores": pa.array([None if i % 10 == 3 else [] if i % 10 == 4 else [j * 1.5 if j != 1 else None for j in range(i % 4)] for i in range(n)], pa.list_(pa.float64())),
        "nested": pa.array([None if i % 11 == 5 else {"name": None if i % 3 == 0 else f"n{i}", "points": [] if i % 4 == 0 else [{"x": float(i + j), "tags": [f"t{k}" for k in range(j)]} for j in range(i % 3 + 1)]} for i in range(n)],
                            pa.struct([("name", pa.string()), ("points", pa.list_(point))])),
        "matrix": pa.array([[[i, j] for j in range(i % 3)] for i in range(n)], pa.list_(pa.list_(pa.int32()))),
        "props": pa.array([None if i % 6 == 0 else [("k%d" % j, i * j) for j in range(i % 3)] for i in range(n)], pa.map_(pa.string(), pa.int64())),
    })
    pq.write_table(table, os.path.join(out, "v1_snappy_dictionary.parquet"), row_group_size=700)
    pq.write_table(table, os.path.join(out, "v2_gzip.parquet"), data_page_version="2.0", compression="gzip", row_group_size=1000)
    pq.write_table(table, os.path.join(out, "v2_zstd_plain.parquet"), data_page_version="2.0", compression="zstd", use_dictionary=False)
    pq.write_table(table, os.path.join(out, "v1_uncompressed.parquet"), compression="none", data_page_size=2048)
    pq.write_table(table.select(["id", "when", "state"]), os.path.join(out, "int96.parquet"), use_deprecated_int96_timestamps=True)
    """#

    static let files = ["v1_snappy_dictionary", "v2_gzip", "v2_zstd_plain", "v1_uncompressed", "int96"]

    @Test func pyarrowFilesReadIdentically() throws {
        let dir = try TestFiles.temporaryDirectory()
        _ = try PythonOracle.run(Self.generator, [dir])
        for name in Self.files {
            let path = dir + "/" + name + ".parquet"
            let ours = canonicalRows(try readParquet(path: path))
            let theirs = try PythonOracle.pyarrowRows(path)
            #expect(ours.count == theirs.count, "\(name): row count")
            for (i, (a, b)) in zip(ours, theirs).enumerated() where a != b {
                Issue.record("\(name) row \(i): Stream360 \(a) != pyarrow \(b)")
                break
            }
        }
    }

    @Test func pyarrowFileTypesMapToStream360Types() throws {
        let dir = try TestFiles.temporaryDirectory()
        _ = try PythonOracle.run(Self.generator, [dir])
        let reader = try ParquetReader(path: dir + "/v2_gzip.parquet")
        let types = Dictionary(uniqueKeysWithValues: reader.schema.fields.map { ($0.name, $0.type) })
        #expect(types["small"] == .int)
        #expect(types["ratio"] == .double)
        #expect(types["when"] == .timestamp)
        #expect(types["when_ms"] == .timestamp)
        #expect(types["scores"] == .array(.double))
        #expect(types["matrix"] == .array(.array(.int)))
        #expect(types["props"] == .array(.structure([Field("key", .string, nullable: false), Field("value", .long)])))
        let int96 = try ParquetReader(path: dir + "/int96.parquet")
        #expect(int96.metadata.rowGroups[0].columns[1].metaData?.type == .int96)
        #expect(int96.schema.fields[1].type == .timestamp)
    }

    @Test func nestedProjectionAndStatisticsWorkOnForeignFiles() throws {
        let dir = try TestFiles.temporaryDirectory()
        _ = try PythonOracle.run(Self.generator, [dir])
        let path = dir + "/v1_snappy_dictionary.parquet"
        let reader = try ParquetReader(path: path)
        #expect(reader.rowGroupCount == 4)
        let batches = try reader.read(columns: ["nested", "id"], where: .greaterThan("id", .long(2000)))
        // Row groups of 700 rows: only [1400, 2100) and [2100, 2500) can hold ids above 2000.
        #expect(batches.count == 2)
        #expect(batches[0].schema.names == ["nested", "id"])
        #expect(batches[0].columns[1].int64Values.first == 1400)
        #expect(batches[1].columns[1].int64Values.last == 2499)
    }
}
