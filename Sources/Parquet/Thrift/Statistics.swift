/// Column chunk or page statistics (thrift `Statistics`): PLAIN-encoded bounds and a null count.
///
/// `minValue`/`maxValue` follow the column's sort order; the legacy `min`/`max` use signed
/// comparison and are trusted only for numeric types.
struct Statistics: Sendable, Equatable {
    var max: [UInt8]?
    var min: [UInt8]?
    var nullCount: Int64?
    var distinctCount: Int64?
    var maxValue: [UInt8]?
    var minValue: [UInt8]?

    init() {}

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> Statistics {
        var s = Statistics()
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: s.max = try r.readBinary()
            case 2: s.min = try r.readBinary()
            case 3: s.nullCount = try r.readI64()
            case 4: s.distinctCount = try r.readI64()
            case 5: s.maxValue = try r.readBinary()
            case 6: s.minValue = try r.readBinary()
            default: try r.skip(type)
            }
        }
        return s
    }

    func write(_ w: inout ThriftCompactWriter) {
        if let max { w.binary(1, max) }
        if let min { w.binary(2, min) }
        if let nullCount { w.i64(3, nullCount) }
        if let distinctCount { w.i64(4, distinctCount) }
        if let maxValue { w.binary(5, maxValue) }
        if let minValue { w.binary(6, minValue) }
    }
}
