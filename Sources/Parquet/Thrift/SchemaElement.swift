/// One node of the flattened Parquet schema tree (thrift `SchemaElement`).
///
/// The tree is stored depth-first; a group node says how many children follow it.
struct SchemaElement: Sendable, Equatable {
    var type: PhysicalType?
    var typeLength: Int32?
    var repetition: Repetition?
    var name: String
    var numChildren: Int32?
    var convertedType: ConvertedType?
    var scale: Int32?
    var precision: Int32?
    var logicalType: LogicalType?

    init(name: String, type: PhysicalType? = nil, repetition: Repetition? = nil, numChildren: Int32? = nil,
         convertedType: ConvertedType? = nil, logicalType: LogicalType? = nil) {
        self.name = name
        self.type = type
        self.repetition = repetition
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.logicalType = logicalType
    }

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> SchemaElement {
        var element = SchemaElement(name: "")
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1:
                let raw = try r.readI32()
                guard let physical = PhysicalType(rawValue: raw) else { throw ThriftError("unknown physical type \(raw)") }
                element.type = physical
            case 2: element.typeLength = try r.readI32()
            case 3: element.repetition = Repetition(rawValue: try r.readI32())
            case 4: element.name = try r.readString()
            case 5: element.numChildren = try r.readI32()
            case 6: element.convertedType = ConvertedType(rawValue: try r.readI32())
            case 7: element.scale = try r.readI32()
            case 8: element.precision = try r.readI32()
            case 10: element.logicalType = try LogicalType.read(&r)
            default: try r.skip(type)
            }
        }
        return element
    }

    func write(_ w: inout ThriftCompactWriter) {
        if let type { w.i32(1, type.rawValue) }
        if let typeLength { w.i32(2, typeLength) }
        if let repetition { w.i32(3, repetition.rawValue) }
        w.string(4, name)
        if let numChildren { w.i32(5, numChildren) }
        if let convertedType { w.i32(6, convertedType.rawValue) }
        if let scale { w.i32(7, scale) }
        if let precision { w.i32(8, precision) }
        if let logicalType { w.structure(10) { logicalType.write(&$0) } }
    }
}
