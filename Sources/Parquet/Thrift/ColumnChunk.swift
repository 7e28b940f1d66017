/// One column's part of a row group (thrift `ColumnChunk`).
struct ColumnChunk: Sendable, Equatable {
    var filePath: String?
    var fileOffset: Int64
    var metaData: ColumnMetaData?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> ColumnChunk {
        var chunk = ColumnChunk(filePath: nil, fileOffset: 0, metaData: nil)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: chunk.filePath = try r.readString()
            case 2: chunk.fileOffset = try r.readI64()
            case 3: chunk.metaData = try ColumnMetaData.read(&r)
            default: try r.skip(type)
            }
        }
        return chunk
    }

    func write(_ w: inout ThriftCompactWriter) {
        if let filePath { w.string(1, filePath) }
        w.i64(2, fileOffset)
        if let metaData { w.structure(3) { metaData.write(&$0) } }
    }
}
