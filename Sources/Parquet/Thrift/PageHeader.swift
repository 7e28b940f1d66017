/// The header in front of every page (thrift `PageHeader`); exactly one sub-header is set.
struct PageHeader: Sendable, Equatable {
    var type: PageType
    var uncompressedPageSize: Int32
    var compressedPageSize: Int32
    var crc: Int32?
    var dataPageHeader: DataPageHeader?
    var dictionaryPageHeader: DictionaryPageHeader?
    var dataPageHeaderV2: DataPageHeaderV2?

    static func read(_ r: inout ThriftCompactReader) throws(ThriftError) -> PageHeader {
        var rawType: Int32?
        var h = PageHeader(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
        try r.forEachField { r, id, type throws(ThriftError) in
            switch id {
            case 1: rawType = try r.readI32()
            case 2: h.uncompressedPageSize = try r.readI32()
            case 3: h.compressedPageSize = try r.readI32()
            case 4: h.crc = try r.readI32()
            case 5: h.dataPageHeader = try DataPageHeader.read(&r)
            case 7: h.dictionaryPageHeader = try DictionaryPageHeader.read(&r)
            case 8: h.dataPageHeaderV2 = try DataPageHeaderV2.read(&r)
            default: try r.skip(type)
            }
        }
        guard let rawType, let pageType = PageType(rawValue: rawType) else {
            throw ThriftError("page header without a known page type")
        }
        guard h.uncompressedPageSize >= 0, h.compressedPageSize >= 0 else {
            throw ThriftError("negative page size")
        }
        h.type = pageType
        return h
    }

    func write(_ w: inout ThriftCompactWriter) {
        w.i32(1, type.rawValue)
        w.i32(2, uncompressedPageSize)
        w.i32(3, compressedPageSize)
        if let crc { w.i32(4, crc) }
        if let dataPageHeader { w.structure(5) { dataPageHeader.write(&$0) } }
        if let dictionaryPageHeader { w.structure(7) { dictionaryPageHeader.write(&$0) } }
        if let dataPageHeaderV2 { w.structure(8) { dataPageHeaderV2.write(&$0) } }
    }
}
