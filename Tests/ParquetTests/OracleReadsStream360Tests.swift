import Columnar
import Compression
import Foundation
@testable import Parquet
import Testing

/// Files written by Stream360 read by independent implementations: pyarrow and DuckDB.
@Suite struct OracleReadsStream360Tests {
    private func write(_ batch: RecordBatch, codec: CompressionCodec, rowGroupSize: Int = 128 << 20) throws -> String {
        let path = try TestFiles.temporaryDirectory() + "/stream360-\(codec).parquet"
        let writer = try ParquetWriter(path: path, schema: batch.schema,
                                       options: ParquetWriterOptions(compression: codec, rowGroupSizeBytes: rowGroupSize, pageSizeBytes: 4096))
        try writer.write(batch)
        try writer.close()
        return path
    }

    @Test(arguments: CompressionCodec.allCases)
    func pyarrowReadsEveryTypeAndNull(codec: CompressionCodec) throws {
        let batch = TestFiles.everyTypeBatch(rows: 4000)
        let path = try write(batch, codec: codec, rowGroupSize: 40_000)
        #expect(try PythonOracle.pyarrowRows(path) == canonicalRows(batch))
        let types = try PythonOracle.run("""
        import pyarrow.parquet as pq
        f = pq.ParquetFile(sys.argv[1])
        print(f.metadata.num_rows, f.metadata.num_row_groups)
        print(",".join(f"{x.name}:{x.type}:{x.nullable}" for x in f.schema_arrow))
        """, [path])
        let lines = PythonOracle.lines(types)
        #expect(lines.first?.hasPrefix("4000 ") == true)
        #expect(lines.last == "id:int64:False,count:int32:True,amount:double:True,flag:bool:True,state:string:True,event_time:timestamp[us, tz=UTC]:True,note:string:True")
    }

    @Test(arguments: [CompressionCodec.snappy, .zstd, .none])
    func duckDBReadsEveryTypeAndNull(codec: CompressionCodec) throws {
        let batch = TestFiles.everyTypeBatch(rows: 4000)
        let path = try write(batch, codec: codec, rowGroupSize: 40_000)
        #expect(try PythonOracle.duckDBRows(path) == canonicalRows(batch))
        let types = try PythonOracle.run("""
        import duckdb
        print(",".join(f"{r[0]}:{r[1]}" for r in duckdb.connect().execute("DESCRIBE SELECT * FROM read_parquet(?)", [sys.argv[1]]).fetchall()))
        """, [path])
        #expect(PythonOracle.lines(types) == ["id:BIGINT,count:INTEGER,amount:DOUBLE,flag:BOOLEAN,state:VARCHAR,event_time:TIMESTAMP WITH TIME ZONE,note:VARCHAR"])
    }

    @Test func oraclesSeeStatisticsAndTheSchemaMetadata() throws {
        let batch = TestFiles.everyTypeBatch(rows: 1000)
        let path = try write(batch, codec: .snappy)
        let output = try PythonOracle.run("""
        import pyarrow.parquet as pq, json
        f = pq.ParquetFile(sys.argv[1])
        c = f.metadata.row_group(0).column(0).statistics
        s = f.metadata.row_group(0).column(4).statistics
        print(c.min, c.max, c.null_count)
        print(s.min, s.null_count)
        meta = json.loads(f.metadata.metadata[b"org.apache.spark.sql.parquet.row.metadata"])
        print(",".join(x["name"] + ":" + str(x["type"]) for x in meta["fields"]))
        """, [path])
        let ids = batch.columns[0].int64Values
        let lines = PythonOracle.lines(output)
        #expect(lines.count == 3)
        #expect(lines.first == "\(ids.min() ?? 0) \(ids.max() ?? 0) 0")
        #expect(lines.dropFirst().first == " \(batch.columns[4].nullCount)")
        #expect(lines.last == "id:long,count:integer,amount:double,flag:boolean,state:string,event_time:timestamp,note:string")
    }
}
