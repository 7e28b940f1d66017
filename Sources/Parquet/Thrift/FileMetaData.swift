/// The file footer (thrift `FileMetaData`): schema, row groups and key-value metadata.
struct FileMetaData: Sendable, Equatable {
    var version: Int32
    var schema: [SchemaElement]
    var numRows: Int64
    var rowGroups: [RowGroup]
    var keyValueMetadata: [KeyValue]?
    var createdBy: String?
    /// Number of `TypeDefinedOrder` column orders (one per leaf); the only order that exists.
    var typeDefinedColumnOrders: Int?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> FileMetaData {
        var m = FileMetaData(version: 0, schema: [], numRows: 0, rowGroups: [])
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: m.version = try r.readI32()
            case 2: m.schema = try r.readList { r throws(ThriftError) in try SchemaElement.read(&r) }
            case 3: m.numRows = try r.readI64()
            case 4: m.rowGroups = try r.readList { r throws(ThriftError) in try RowGroup.read(&r) }
            case 5: m.keyValueMetadata = try r.readList { r throws(ThriftError) in try KeyValue.read(&r) }
            case 6: m.createdBy = try r.readString()
            case 7:
                let orders: [Void] = try r.readList { r throws(ThriftError) in try r.skip(.structure) }
                m.typeDefinedColumnOrders = orders.count
            default: try r.skip(type)
            }
        }
        guard !m.schema.isEmpty else { throw ThriftError("file metadata without a schema") }
        return m
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.i32(1, version)
        w.listOfStructures(2, schema) { $1.write(&$0) }
        w.i64(3, numRows)
        w.listOfStructures(4, rowGroups) { $1.write(&$0) }
        if let keyValueMetadata { w.listOfStructures(5, keyValueMetadata) { $1.write(&$0) } }
        if let createdBy { w.string(6, createdBy) }
        if let typeDefinedColumnOrders {
            w.listOfStructures(7, Array(repeating: (), count: typeDefinedColumnOrders)) { w, _ in
                w.structure(1) { _ in }
            }
        }
    }
}
