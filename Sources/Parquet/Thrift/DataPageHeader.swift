/// The sub-header of a version 1 data page: levels and values share one compressed block.
struct DataPageHeader: Sendable, Equatable {
    var numValues: Int32
    var encoding: Encoding
    var definitionLevelEncoding: Encoding
    var repetitionLevelEncoding: Encoding
    var statistics: Statistics?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> DataPageHeader {
        var h = DataPageHeader(numValues: 0, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: h.numValues = try r.readI32()
            case 2: h.encoding = Encoding(rawValue: try r.readI32())
            case 3: h.definitionLevelEncoding = Encoding(rawValue: try r.readI32())
            case 4: h.repetitionLevelEncoding = Encoding(rawValue: try r.readI32())
            case 5: h.statistics = try Statistics.read(&r)
            default: try r.skip(type)
            }
        }
        return h
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.i32(1, numValues)
        w.i32(2, encoding.rawValue)
        w.i32(3, definitionLevelEncoding.rawValue)
        w.i32(4, repetitionLevelEncoding.rawValue)
        if let statistics { w.structure(5) { statistics.write(&$0) } }
    }
}

/// The sub-header of a version 2 data page: levels stored uncompressed before the values.
struct DataPageHeaderV2: Sendable, Equatable {
    var numValues: Int32
    var numNulls: Int32
    var numRows: Int32
    var encoding: Encoding
    var definitionLevelsByteLength: Int32
    var repetitionLevelsByteLength: Int32
    var isCompressed: Bool

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> DataPageHeaderV2 {
        var h = DataPageHeaderV2(
            numValues: 0, numNulls: 0, numRows: 0, encoding: .plain,
            definitionLevelsByteLength: 0, repetitionLevelsByteLength: 0, isCompressed: true)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: h.numValues = try r.readI32()
            case 2: h.numNulls = try r.readI32()
            case 3: h.numRows = try r.readI32()
            case 4: h.encoding = Encoding(rawValue: try r.readI32())
            case 5: h.definitionLevelsByteLength = try r.readI32()
            case 6: h.repetitionLevelsByteLength = try r.readI32()
            case 7: h.isCompressed = r.boolValue(type)
            default: try r.skip(type)
            }
        }
        guard h.definitionLevelsByteLength >= 0, h.repetitionLevelsByteLength >= 0 else {
            throw ThriftError("negative level lengths in a v2 data page")
        }
        return h
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.i32(1, numValues)
        w.i32(2, numNulls)
        w.i32(3, numRows)
        w.i32(4, encoding.rawValue)
        w.i32(5, definitionLevelsByteLength)
        w.i32(6, repetitionLevelsByteLength)
        w.bool(7, isCompressed)
    }
}

/// The sub-header of a dictionary page: the PLAIN-encoded distinct values of a chunk.
struct DictionaryPageHeader: Sendable, Equatable {
    var numValues: Int32
    var encoding: Encoding
    var isSorted: Bool?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> DictionaryPageHeader {
        var h = DictionaryPageHeader(numValues: 0, encoding: .plain)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: h.numValues = try r.readI32()
            case 2: h.encoding = Encoding(rawValue: try r.readI32())
            case 3: h.isSorted = r.boolValue(type)
            default: try r.skip(type)
            }
        }
        return h
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.i32(1, numValues)
        w.i32(2, encoding.rawValue)
        if let isSorted { w.bool(3, isSorted) }
    }
}
