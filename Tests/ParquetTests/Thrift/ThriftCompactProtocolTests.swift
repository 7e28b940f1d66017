@testable import Parquet
import Testing

@Suite struct ThriftCompactProtocolTests {
    @Test func footerRoundTripsThroughTheCompactProtocol() throws {
        var stats = Statistics()
        stats.nullCount = 3
        stats.minValue = [1, 0, 0, 0]
        stats.maxValue = [200, 1, 0, 0]
        let chunk = ColumnChunk(filePath: nil, fileOffset: 4, metaData: ColumnMetaData(
            type: .int32, encodings: [.plain, .rle], pathInSchema: ["a"], codec: .snappy, numValues: 10,
            totalUncompressedSize: 100, totalCompressedSize: 80, dataPageOffset: 4, statistics: stats))
        let metadata = FileMetaData(
            version: 1,
            schema: [SchemaElement(name: "schema", numChildren: 2),
                     SchemaElement(name: "a", type: .int32, repetition: .optional),
                     SchemaElement(name: "t", type: .int64, repetition: .required, convertedType: .timestampMicros,
                                   logicalType: .timestamp(isAdjustedToUTC: true, unit: .micros))],
            numRows: 10, rowGroups: [RowGroup(columns: [chunk, chunk], totalByteSize: 200, numRows: 10, ordinal: 0)],
            keyValueMetadata: [KeyValue(key: "k", value: "v")], createdBy: "test", typeDefinedColumnOrders: 2)
        var writer = ThriftCompactWriter()
        writer.nested { metadata.write(&$0) }
        var reader = ThriftCompactReader(writer.bytes)
        #expect(try FileMetaData.read(&reader) == metadata)
        #expect(reader.position == writer.bytes.count)
    }

    @Test func unknownFieldsAreSkipped() throws {
        var writer = ThriftCompactWriter()
        writer.nested { w in
            w.i32(1, 7)
            w.structure(20) { w in w.string(1, "future"); w.listOfI32(2, Array(0..<20)) }
            w.bool(30, true)
            w.i64(200, -5)  // a long delta: the field id is written in full
            w.string(201, "x")
        }
        var reader = ThriftCompactReader(writer.bytes)
        var seen: [Int16] = []
        try reader.forEachField { r, id, type throws(ThriftError) in
            seen.append(id)
            if id == 200 { #expect(try r.readI64() == -5) } else { try r.skip(type) }
        }
        #expect(seen == [1, 20, 30, 200, 201])
    }

    @Test func truncatedInputIsAnError() {
        var writer = ThriftCompactWriter()
        writer.nested { $0.string(4, "a long enough name") }
        var reader = ThriftCompactReader(Array(writer.bytes.prefix(6)))
        #expect(throws: ThriftError.self) { try SchemaElement.read(&reader) }
    }
}
