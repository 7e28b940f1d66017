/// Parquet's physical (storage) types.
enum PhysicalType: Int32, Sendable {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
}

/// Whether a schema node is required, optional or repeated.
enum Repetition: Int32, Sendable {
    case required = 0, optional = 1, repeated = 2
}

/// A page or level encoding; unknown codes are kept so that a reader can name them.
struct Encoding: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    var rawValue: Int32
    static let plain = Encoding(rawValue: 0)
    static let plainDictionary = Encoding(rawValue: 2)
    static let rle = Encoding(rawValue: 3)
    static let bitPacked = Encoding(rawValue: 4)
    static let deltaBinaryPacked = Encoding(rawValue: 5)
    static let deltaLengthByteArray = Encoding(rawValue: 6)
    static let deltaByteArray = Encoding(rawValue: 7)
    static let rleDictionary = Encoding(rawValue: 8)
    static let byteStreamSplit = Encoding(rawValue: 9)

    var isDictionary: Bool { self == .plainDictionary || self == .rleDictionary }

    var description: String {
        switch rawValue {
        case 0: "PLAIN"
        case 2: "PLAIN_DICTIONARY"
        case 3: "RLE"
        case 4: "BIT_PACKED"
        case 5: "DELTA_BINARY_PACKED"
        case 6: "DELTA_LENGTH_BYTE_ARRAY"
        case 7: "DELTA_BYTE_ARRAY"
        case 8: "RLE_DICTIONARY"
        case 9: "BYTE_STREAM_SPLIT"
        default: "encoding \(rawValue)"
        }
    }
}

/// The compression codec of a column chunk, as numbered in the format.
struct CompressionKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    var rawValue: Int32
    static let uncompressed = CompressionKind(rawValue: 0)
    static let snappy = CompressionKind(rawValue: 1)
    static let gzip = CompressionKind(rawValue: 2)
    static let zstd = CompressionKind(rawValue: 6)

    var description: String {
        ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"]
            .indices.contains(Int(rawValue))
            ? ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"][Int(rawValue)]
            : "codec \(rawValue)"
    }
}

/// The kind of a page.
enum PageType: Int32, Sendable {
    case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3
}

/// Legacy type annotations (`converted_type`), still written next to logical types.
enum ConvertedType: Int32, Sendable {
    case utf8 = 0, map = 1, mapKeyValue = 2, list = 3, enumeration = 4, decimal = 5, date = 6
    case timeMillis = 7, timeMicros = 8, timestampMillis = 9, timestampMicros = 10
    case uint8 = 11, uint16 = 12, uint32 = 13, uint64 = 14, int8 = 15, int16 = 16, int32 = 17, int64 = 18
    case json = 19, bson = 20, interval = 21
}
