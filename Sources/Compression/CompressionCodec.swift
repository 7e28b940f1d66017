/// A block compression codec, as used for Parquet pages.
///
/// Each call compresses or decompresses one whole block held in memory; there is no streaming
/// state between calls, which is what page-oriented formats need. Decompression takes the
/// expected output size because every container Stream360 reads records it (a Parquet page
/// header does), and knowing it lets each codec allocate once.
///
/// ```swift
/// let packed = try CompressionCodec.snappy.compress(bytes)
/// let unpacked = try CompressionCodec.snappy.decompress(packed, uncompressedSize: bytes.count)
/// ```
public enum CompressionCodec: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Bytes stored as they are.
    case none
    /// Google's Snappy (raw block format, no framing): fast, modest ratio; Spark's default.
    case snappy
    /// Zstandard frames at level 3 by default: slower than Snappy, much better ratio.
    case zstd
    /// gzip (RFC 1952) members, deflate inside; read for compatibility, written when asked.
    case gzip

    public var description: String { rawValue }

    /// Compresses `input` into a new block.
    /// - Throws: ``CompressionError/libraryFailure(codec:detail:)`` when the C library fails.
    public func compress(_ input: [UInt8]) throws(CompressionError) -> [UInt8] {
        try compress(input[...])
    }

    /// Compresses a slice of bytes into a new block.
    public func compress(_ input: ArraySlice<UInt8>) throws(CompressionError) -> [UInt8] {
        switch self {
        case .none: return Array(input)
        case .snappy: return try SnappyBlock.compress(input)
        case .zstd: return try ZstdBlock.compress(input, level: 3)
        case .gzip: return try GzipBlock.compress(input)
        }
    }

    /// Decompresses `input`, which must expand to exactly `uncompressedSize` bytes.
    /// - Throws: ``CompressionError/corruptInput(codec:detail:)`` for invalid input and
    ///   ``CompressionError/sizeMismatch(codec:expected:actual:)`` when the size differs.
    public func decompress(_ input: [UInt8], uncompressedSize: Int) throws(CompressionError) -> [UInt8] {
        try decompress(input[...], uncompressedSize: uncompressedSize)
    }

    /// Decompresses a slice of bytes, which must expand to exactly `uncompressedSize` bytes.
    public func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws(CompressionError) -> [UInt8] {
        let output: [UInt8]
        switch self {
        case .none: output = Array(input)
        case .snappy: output = try SnappyBlock.decompress(input, uncompressedSize: uncompressedSize)
        case .zstd: output = try ZstdBlock.decompress(input, uncompressedSize: uncompressedSize)
        case .gzip: output = try GzipBlock.decompress(input, uncompressedSize: uncompressedSize)
        }
        guard output.count == uncompressedSize else {
            throw .sizeMismatch(codec: self, expected: uncompressedSize, actual: output.count)
        }
        return output
    }
}
