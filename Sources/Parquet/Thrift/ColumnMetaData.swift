/// Where and how one column chunk is stored (thrift `ColumnMetaData`).
struct ColumnMetaData: Sendable, Equatable {
    var type: PhysicalType
    var encodings: [Encoding]
    var pathInSchema: [String]
    var codec: CompressionKind
    var numValues: Int64
    var totalUncompressedSize: Int64
    var totalCompressedSize: Int64
    var keyValueMetadata: [KeyValue]?
    var dataPageOffset: Int64
    var indexPageOffset: Int64?
    var dictionaryPageOffset: Int64?
    var statistics: Statistics?

    /// The first byte of the chunk: its dictionary page when it has one.
    var chunkStart: Int64 {
        if let dictionaryPageOffset, dictionaryPageOffset > 0, dictionaryPageOffset < dataPageOffset {
            return dictionaryPageOffset
        }
        return dataPageOffset
    }

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> ColumnMetaData {
        var type: PhysicalType?
        var m = ColumnMetaData(
            type: .int32, encodings: [], pathInSchema: [], codec: .uncompressed, numValues: 0,
            totalUncompressedSize: 0, totalCompressedSize: 0, dataPageOffset: 0)
        try r.forEachField { r, id, fieldType throws(ThriftError) in
            switch id {
            case 1:
                let raw = try r.readI32()
                guard let physical = PhysicalType(rawValue: raw) else { throw ThriftError("unknown physical type \(raw)") }
                type = physical
            case 2: m.encodings = try r.readList { r throws(ThriftError) in Encoding(rawValue: try r.readI32()) }
            case 3: m.pathInSchema = try r.readList { r throws(ThriftError) in try r.readString() }
            case 4: m.codec = CompressionKind(rawValue: try r.readI32())
            case 5: m.numValues = try r.readI64()
            case 6: m.totalUncompressedSize = try r.readI64()
            case 7: m.totalCompressedSize = try r.readI64()
            case 8: m.keyValueMetadata = try r.readList { r throws(ThriftError) in try KeyValue.read(&r) }
            case 9: m.dataPageOffset = try r.readI64()
            case 10: m.indexPageOffset = try r.readI64()
            case 11: m.dictionaryPageOffset = try r.readI64()
            case 12: m.statistics = try Statistics.read(&r)
            default: try r.skip(fieldType)
            }
        }
        guard let type else { throw ThriftError("column metadata without a type") }
        m.type = type
        return m
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.i32(1, type.rawValue)
        w.listOfI32(2, encodings.map(\.rawValue))
        w.listOfStrings(3, pathInSchema)
        w.i32(4, codec.rawValue)
        w.i64(5, numValues)
        w.i64(6, totalUncompressedSize)
        w.i64(7, totalCompressedSize)
        if let keyValueMetadata { w.listOfStructures(8, keyValueMetadata) { $1.write(&$0) } }
        w.i64(9, dataPageOffset)
        if let indexPageOffset { w.i64(10, indexPageOffset) }
        if let dictionaryPageOffset { w.i64(11, dictionaryPageOffset) }
        if let statistics { w.structure(12) { statistics.write(&$0) } }
    }
}
