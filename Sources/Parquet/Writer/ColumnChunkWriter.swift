import Columnar
import Compression

/// Encodes one column of a row group into compressed pages held in memory until the group ends.
///
/// Values go into the current page (definition levels, then PLAIN bytes or dictionary
/// indices); a page is compressed and appended to the chunk once its encoded size reaches the
/// page size. Strings start dictionary encoded; once the dictionary passes its limit, the
/// current page is closed and the rest of the chunk is written PLAIN, as parquet-mr does.
/// ``flush(to:)`` writes the dictionary page and the data pages and returns the chunk's metadata.
struct ColumnChunkWriter {
    let layout: WriterColumnLayout
    let options: ParquetWriterOptions
    let path: String

    // The page being built.
    private var definitionLevels: [UInt32] = []
    private var pageRows = 0
    private var pageNulls = 0
    private var plainValues: [UInt8] = []
    private var booleans: [Bool] = []
    private var indices: [UInt32] = []
    private var pageUsesDictionary: Bool

    // The chunk being built.
    private var pages: [UInt8] = []
    private var dictionary: StringDictionary?
    private var fellBack = false
    private var encodings: Set<Encoding> = [.rle]
    private var chunkRows = 0
    private var pagesUncompressed = 0
    private var statistics = StatisticsAccumulator()

    init(layout: WriterColumnLayout, options: ParquetWriterOptions, path: String) {
        self.layout = layout
        self.options = options
        self.path = path
        let useDictionary = layout.physical == .byteArray && options.dictionaryEncoding
        dictionary = useDictionary ? StringDictionary() : nil
        pageUsesDictionary = useDictionary
    }

    /// Bytes held for this chunk: finished pages, the open page and the dictionary.
    var estimatedSize: Int {
        pages.count + openPageSize + (dictionary?.plainSize ?? 0)
    }

    private var openPageSize: Int {
        plainValues.count + indices.count * 2 + booleans.count / 8 + definitionLevels.count / 8
    }

    /// Appends rows `range` of `column` (of this writer's type).
    mutating func append(_ column: Column, range: Range<Int>) throws(ParquetError) {
        var nulls = 0
        if column.validity != nil {
            for row in range where column.isNull(row) { nulls += 1 }
        }
        if nulls > 0 && !layout.nullable {
            throw .nullInRequiredColumn(path: path, column: layout.name)
        }
        if layout.nullable {
            if nulls == 0 {
                definitionLevels.append(contentsOf: repeatElement(1, count: range.count))
            } else {
                for row in range { definitionLevels.append(column.isNull(row) ? 0 : 1) }
            }
        }
        pageNulls += nulls
        statistics.addNulls(nulls)
        switch column.storage {
        case .int32(let values):
            appendFixedWidth(values, column: column, range: range, nulls: nulls) { Int64($0) }
        case .int64(let values):
            appendFixedWidth(values, column: column, range: range, nulls: nulls) { $0 }
        case .float64(let values):
            appendDoubles(values, column: column, range: range, nulls: nulls)
        case .boolean(let values):
            for row in range where !column.isNull(row) {
                booleans.append(values[row])
                statistics.add(values[row])
            }
        case .utf8(let buffer):
            appendStrings(buffer, column: column, range: range)
        case .structure, .list:
            throw .unsupported(path: path, column: layout.name, feature: "writing nested values")
        }
        pageRows += range.count
        chunkRows += range.count
        if let dictionary, !fellBack, dictionary.plainSize > options.dictionaryPageSizeLimit {
            try finishPage()
            fellBack = true
            pageUsesDictionary = false
        }
        if openPageSize >= options.pageSizeBytes { try finishPage() }
    }

    private mutating func appendFixedWidth<T: FixedWidthInteger>(
        _ values: [T], column: Column, range: Range<Int>, nulls: Int, widen: (T) -> Int64
    ) {
        if nulls == 0 {
            plainValues.appendRawBytes(of: values[range])
            for row in range { statistics.add(widen(values[row])) }
        } else {
            for row in range where !column.isNull(row) {
                values[row...row].withUnsafeBytes { plainValues.append(contentsOf: $0) }
                statistics.add(widen(values[row]))
            }
        }
    }

    private mutating func appendDoubles(_ values: [Double], column: Column, range: Range<Int>, nulls: Int) {
        if nulls == 0 {
            plainValues.appendRawBytes(of: values[range])
            for row in range { statistics.add(values[row]) }
        } else {
            for row in range where !column.isNull(row) {
                plainValues.appendLittleEndian(values[row].bitPattern)
                statistics.add(values[row])
            }
        }
    }

    private mutating func appendStrings(_ buffer: StringBuffer, column: Column, range: Range<Int>) {
        buffer.bytes.withUnsafeBufferPointer { all in
            for row in range where !column.isNull(row) {
                let utf8 = UnsafeBufferPointer(rebasing: all[buffer.range(row)])
                if pageUsesDictionary, var dictionary {
                    self.dictionary = nil  // keep the dictionary uniquely referenced while it changes
                    let (index, isNew) = dictionary.index(of: utf8)
                    self.dictionary = dictionary
                    indices.append(index)
                    if isNew { statistics.add(utf8) }
                } else {
                    plainValues.appendLittleEndian(UInt32(utf8.count))
                    plainValues.append(contentsOf: utf8)
                    statistics.add(utf8)
                }
            }
        }
    }

    /// Encodes, compresses and stores the open page.
    mutating func finishPage() throws(ParquetError) {
        guard pageRows > 0 else { return }
        var body: [UInt8] = []
        body.reserveCapacity(openPageSize + 16)
        if layout.nullable {
            let levels = RLEHybridEncoder.encode(definitionLevels, bitWidth: 1)
            body.appendLittleEndian(UInt32(levels.count))
            body.append(contentsOf: levels)
        }
        let encoding: Encoding
        if pageUsesDictionary && !indices.isEmpty, let dictionary {
            let width = max(1, bitWidth(forMaximum: UInt64(dictionary.count - 1)))
            body.append(UInt8(width))
            body.append(contentsOf: RLEHybridEncoder.encode(indices, bitWidth: width))
            encoding = .rleDictionary
        } else if layout.physical == .boolean {
            var packed = [UInt8](repeating: 0, count: (booleans.count + 7) / 8)
            for (i, value) in booleans.enumerated() where value { packed[i >> 3] |= 1 << UInt8(i & 7) }
            body.append(contentsOf: packed)
            encoding = .plain
        } else {
            body.append(contentsOf: plainValues)
            encoding = .plain
        }
        let header = PageHeader(
            type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0,
            dataPageHeader: DataPageHeader(
                numValues: Int32(pageRows), encoding: encoding, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle))
        let page = try encodePage(header, body: body)
        pages.append(contentsOf: page.bytes)
        pagesUncompressed += page.uncompressedSize
        encodings.insert(encoding)
        definitionLevels.removeAll(keepingCapacity: true)
        plainValues.removeAll(keepingCapacity: true)
        booleans.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
        pageRows = 0
        pageNulls = 0
    }

    /// Compresses `body` and returns header plus compressed body, and their uncompressed size.
    private func encodePage(_ template: PageHeader, body: [UInt8]) throws(ParquetError) -> (bytes: [UInt8], uncompressedSize: Int) {
        let compressed: [UInt8]
        do {
            compressed = try options.compression.compress(body)
        } catch {
            throw .compression(path: path, column: layout.name, rowGroup: -1, page: -1, error)
        }
        var header = template
        header.uncompressedPageSize = Int32(body.count)
        header.compressedPageSize = Int32(compressed.count)
        var writer = ThriftCompactWriter()
        writer.nested { header.write(&$0) }
        return (writer.bytes + compressed, writer.bytes.count + body.count)
    }

    /// Writes the chunk (dictionary page first) at the output's offset and resets for the next row group.
    mutating func flush(to output: inout FileOutput) throws(ParquetError) -> ColumnChunk {
        try finishPage()
        let start = output.offset
        var dictionaryOffset: Int64?
        var dictionaryBytes: [UInt8] = []
        if let dictionary, dictionary.count > 0 {
            var body: [UInt8] = []
            body.reserveCapacity(dictionary.plainSize)
            let values = dictionary.values
            for i in 0..<values.count {
                let range = values.range(i)
                body.appendLittleEndian(UInt32(range.count))
                body.append(contentsOf: values.bytes[range])
            }
            let header = PageHeader(
                type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0,
                dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(values.count), encoding: .plain))
            let page = try encodePage(header, body: body)
            dictionaryBytes = page.bytes
            pagesUncompressed += page.uncompressedSize
            dictionaryOffset = start
            encodings.insert(.plain)
        }
        try output.write(dictionaryBytes)
        let dataOffset = output.offset
        try output.write(pages)
        let metadata = ColumnMetaData(
            type: layout.physical,
            encodings: encodings.sorted { $0.rawValue < $1.rawValue },
            pathInSchema: [layout.name],
            codec: options.compression.parquetKind,
            numValues: Int64(chunkRows),
            totalUncompressedSize: Int64(pagesUncompressed),
            totalCompressedSize: Int64(dictionaryBytes.count + pages.count),
            dataPageOffset: dataOffset,
            dictionaryPageOffset: dictionaryOffset,
            statistics: statistics.statistics(for: layout.physical))
        self = ColumnChunkWriter(layout: layout, options: options, path: path)
        return ColumnChunk(filePath: nil, fileOffset: start, metaData: metadata)
    }
}

extension CompressionCodec {
    /// The codec's number in the Parquet format.
    var parquetKind: CompressionKind {
        switch self {
        case .none: .uncompressed
        case .snappy: .snappy
        case .zstd: .zstd
        case .gzip: .gzip
        }
    }
}
