import Compression

/// Decodes the pages of one column chunk into a ``DecodedLeaf``.
///
/// Reads dictionary pages, data pages v1 (levels and values compressed together, levels with
/// a 4-byte length prefix) and v2 (levels uncompressed before the values), with PLAIN and
/// dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY) value encodings.
struct ColumnChunkDecoder {
    let path: String
    let rowGroup: Int
    let leaf: LeafDescriptor
    let codec: CompressionCodec

    init(path: String, rowGroup: Int, leaf: LeafDescriptor, codec: CompressionKind) throws(ParquetError) {
        self.path = path
        self.rowGroup = rowGroup
        self.leaf = leaf
        switch codec {
        case .uncompressed: self.codec = .none
        case .snappy: self.codec = .snappy
        case .gzip: self.codec = .gzip
        case .zstd: self.codec = .zstd
        default: throw .unsupported(path: path, column: leaf.name, feature: "compression codec \(codec)")
        }
    }

    func decode(_ bytes: [UInt8], valueCount: Int) throws(ParquetError) -> DecodedLeaf {
        var definitions: [UInt8]? = leaf.maxDefinitionLevel > 0 ? [] : nil
        var repetitions: [UInt8]? = leaf.maxRepetitionLevel > 0 ? [] : nil
        definitions?.reserveCapacity(valueCount)
        repetitions?.reserveCapacity(valueCount)
        var values = LeafValueAccumulator(physical: leaf.physical, capacity: valueCount)
        var dictionary: LeafValues?
        var position = 0
        var entries = 0
        var page = 0
        while entries < valueCount && position < bytes.count {
            do {
                var reader = ThriftCompactReader(bytes, from: position)
                let header = try PageHeader.read(&reader)
                let bodyStart = reader.position
                let bodyEnd = bodyStart + Int(header.compressedPageSize)
                guard bodyEnd <= bytes.count else { throw ThriftError("page body runs past the column chunk") }
                position = bodyEnd
                switch header.type {
                case .dictionaryPage:
                    let h = header.dictionaryPageHeader
                    let body = try decompress(bytes[bodyStart..<bodyEnd], size: Int(header.uncompressedPageSize), page: page)
                    dictionary = try PlainDecoder.decode(
                        leaf.physical, typeLength: leaf.typeLength, conversion: leaf.conversion,
                        bytes: body, start: 0, end: body.count, count: Int(h?.numValues ?? 0))
                case .dataPage:
                    guard let h = header.dataPageHeader else { throw ThriftError("data page without its header") }
                    let body = try decompress(bytes[bodyStart..<bodyEnd], size: Int(header.uncompressedPageSize), page: page)
                    let count = Int(h.numValues)
                    var offset = 0
                    if leaf.maxRepetitionLevel > 0 {
                        offset = try readPrefixedLevels(body, at: offset, count: count, max: leaf.maxRepetitionLevel, into: &repetitions)
                    }
                    var present = count
                    if leaf.maxDefinitionLevel > 0 {
                        guard h.definitionLevelEncoding == .rle else {
                            throw ThriftError("definition levels encoded as \(h.definitionLevelEncoding)")
                        }
                        let before = definitions?.count ?? 0
                        offset = try readPrefixedLevels(body, at: offset, count: count, max: leaf.maxDefinitionLevel, into: &definitions)
                        present = countPresent(definitions, from: before)
                    }
                    try readValues(body, from: offset, count: present, encoding: h.encoding, dictionary: dictionary, into: &values)
                    entries += count
                case .dataPageV2:
                    guard let h = header.dataPageHeaderV2 else { throw ThriftError("v2 data page without its header") }
                    let count = Int(h.numValues)
                    let repLength = Int(h.repetitionLevelsByteLength)
                    let defLength = Int(h.definitionLevelsByteLength)
                    guard repLength + defLength <= bodyEnd - bodyStart else { throw ThriftError("levels longer than the page") }
                    if leaf.maxRepetitionLevel > 0 {
                        try readLevels(bytes, start: bodyStart, end: bodyStart + repLength, count: count,
                                       max: leaf.maxRepetitionLevel, into: &repetitions)
                    }
                    var present = count
                    if leaf.maxDefinitionLevel > 0 {
                        let before = definitions?.count ?? 0
                        try readLevels(bytes, start: bodyStart + repLength, end: bodyStart + repLength + defLength, count: count,
                                       max: leaf.maxDefinitionLevel, into: &definitions)
                        present = countPresent(definitions, from: before)
                    }
                    let valuesStart = bodyStart + repLength + defLength
                    let body: [UInt8]
                    if h.isCompressed {
                        body = try decompress(bytes[valuesStart..<bodyEnd],
                                              size: Int(header.uncompressedPageSize) - repLength - defLength, page: page)
                    } else {
                        body = Array(bytes[valuesStart..<bodyEnd])
                    }
                    try readValues(body, from: 0, count: present, encoding: h.encoding, dictionary: dictionary, into: &values)
                    entries += count
                case .indexPage:
                    break
                }
            } catch let error as ThriftError {
                throw .corruptPage(path: path, column: leaf.name, rowGroup: rowGroup, page: page, detail: error.detail)
            } catch let error as ParquetError {
                throw error
            } catch {
                throw .corruptPage(path: path, column: leaf.name, rowGroup: rowGroup, page: page, detail: "\(error)")
            }
            page += 1
        }
        guard entries == valueCount else {
            throw .corruptPage(path: path, column: leaf.name, rowGroup: rowGroup, page: page,
                               detail: "the chunk holds \(entries) values where its metadata says \(valueCount)")
        }
        return DecodedLeaf(descriptor: leaf, entryCount: entries, definitionLevels: definitions,
                           repetitionLevels: repetitions, values: values.finish())
    }

    private func decompress(_ input: ArraySlice<UInt8>, size: Int, page: Int) throws(ParquetError) -> [UInt8] {
        do {
            return try codec.decompress(input, uncompressedSize: size)
        } catch {
            throw .compression(path: path, column: leaf.name, rowGroup: rowGroup, page: page, error)
        }
    }

    private func countPresent(_ levels: [UInt8]?, from start: Int) -> Int {
        guard let levels else { return 0 }
        let max = UInt8(leaf.maxDefinitionLevel)
        var present = 0
        for i in start..<levels.count where levels[i] == max { present += 1 }
        return present
    }

    /// Reads a v1 level block (4-byte length, then RLE) and returns the offset after it.
    private func readPrefixedLevels(_ body: [UInt8], at offset: Int, count: Int, max: Int, into levels: inout [UInt8]?) throws(ThriftError) -> Int {
        guard offset + 4 <= body.count else { throw ThriftError("level length runs past the page") }
        let length = Int(body.loadLittleEndianUInt32(at: offset))
        guard length <= body.count - offset - 4 else { throw ThriftError("levels of \(length) bytes run past the page") }
        try readLevels(body, start: offset + 4, end: offset + 4 + length, count: count, max: max, into: &levels)
        return offset + 4 + length
    }

    private func readLevels(_ bytes: [UInt8], start: Int, end: Int, count: Int, max: Int, into levels: inout [UInt8]?) throws(ThriftError) {
        var decoder = try RLEHybridDecoder(bytes: bytes, start: start, end: end, bitWidth: bitWidth(forMaximum: UInt64(max)))
        var decoded: [UInt32] = []
        try decoder.decode(count: count, into: &decoded)
        for level in decoded {
            guard level <= UInt32(max) else { throw ThriftError("level \(level) exceeds the maximum \(max)") }
            levels?.append(UInt8(level))
        }
    }

    private func readValues(
        _ body: [UInt8], from offset: Int, count: Int, encoding: Encoding, dictionary: LeafValues?,
        into values: inout LeafValueAccumulator
    ) throws(ThriftError) {
        if encoding == .plain {
            values.append(try PlainDecoder.decode(
                leaf.physical, typeLength: leaf.typeLength, conversion: leaf.conversion,
                bytes: body, start: offset, end: body.count, count: count))
        } else if encoding.isDictionary {
            guard let dictionary else { throw ThriftError("dictionary-encoded page without a dictionary page") }
            guard count > 0 else { return }
            guard offset < body.count else { throw ThriftError("dictionary indices missing") }
            var decoder = try RLEHybridDecoder(bytes: body, start: offset + 1, end: body.count, bitWidth: Int(body[offset]))
            var indices: [UInt32] = []
            try decoder.decode(count: count, into: &indices)
            try values.append(dictionary, indices: indices)
        } else if encoding == .rle && leaf.physical == .boolean {
            // Booleans in v2 pages: a 4-byte length, then RLE / bit-packed with width 1.
            guard offset + 4 <= body.count else { throw ThriftError("boolean RLE length missing") }
            var decoder = try RLEHybridDecoder(bytes: body, start: offset + 4, end: body.count, bitWidth: 1)
            var bits: [UInt32] = []
            try decoder.decode(count: count, into: &bits)
            values.append(.boolean(bits.map { $0 != 0 }))
        } else {
            throw ThriftError("value encoding \(encoding) is not supported")
        }
    }
}
