/// A horizontal slice of the file: one column chunk per leaf column (thrift `RowGroup`).
struct RowGroup: Sendable, Equatable {
    var columns: [ColumnChunk]
    var totalByteSize: Int64
    var numRows: Int64
    var fileOffset: Int64?
    var totalCompressedSize: Int64?
    var ordinal: Int16?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> RowGroup {
        var group = RowGroup(columns: [], totalByteSize: 0, numRows: 0)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: group.columns = try r.readList { r throws(ThriftError) in try ColumnChunk.read(&r) }
            case 2: group.totalByteSize = try r.readI64()
            case 3: group.numRows = try r.readI64()
            case 5: group.fileOffset = try r.readI64()
            case 6: group.totalCompressedSize = try r.readI64()
            case 7: group.ordinal = Int16(truncatingIfNeeded: try r.readI64())
            default: try r.skip(type)
            }
        }
        return group
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.listOfStructures(1, columns) { $1.write(&$0) }
        w.i64(2, totalByteSize)
        w.i64(3, numRows)
        if let fileOffset { w.i64(5, fileOffset) }
        if let totalCompressedSize { w.i64(6, totalCompressedSize) }
        if let ordinal { w.i32(7, Int32(ordinal)) }
    }
}
