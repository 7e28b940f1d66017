/// The compression of a whole file, known by its name as Hadoop's `CompressionCodecFactory`
/// knows it, so that Spark's text source and Stream360's read the same files the same way.
///
/// Spark 4.3 (through Hadoop 3's default codecs) decompresses `.gz`, `.deflate`, `.zst`,
/// `.snappy`, `.bz2` and `.lz4` files, matching the extension without regard to case (checked
/// with PySpark 4.3.0). Stream360 reads the first four with the libraries it already links
/// (zlib, libzstd, libsnappy); bzip2 and LZ4 need libraries it does not link, so such files
/// are refused with a message rather than read as garbage (``isSupported``).
///
/// ```swift
/// if let compression = FileCompression(fileName: "customers-0.json.gz") {
///     let text = try compression.decompress(bytes)
/// }
/// ```
public enum FileCompression: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// gzip members (RFC 1952), Hadoop's `GzipCodec`; several concatenated members are one file.
    case gzip
    /// A zlib stream (RFC 1950), Hadoop's `DefaultCodec`.
    case deflate
    /// Zstandard frames, Hadoop's `ZStandardCodec`.
    case zstd
    /// Snappy blocks in Hadoop's block framing (`SnappyCodec`'s `BlockCompressorStream`), not
    /// the Snappy framing format of other tools.
    case snappy
    /// bzip2, Hadoop's `BZip2Codec`: recognised, not read.
    case bzip2
    /// LZ4 blocks in Hadoop's framing, Hadoop's `Lz4Codec`: recognised, not read.
    case lz4

    /// The file name extension Hadoop maps to the codec, with its dot.
    public var fileExtension: String {
        switch self {
        case .gzip: ".gz"
        case .deflate: ".deflate"
        case .zstd: ".zst"
        case .snappy: ".snappy"
        case .bzip2: ".bz2"
        case .lz4: ".lz4"
        }
    }

    public var description: String { rawValue }

    /// Whether Stream360 can decompress it (bzip2 and LZ4 need libraries it does not link).
    public var isSupported: Bool { self != .bzip2 && self != .lz4 }

    /// The compression a file name announces by its extension (any case), or nil for a plain file.
    public init?(fileName: String) {
        let lowered = fileName.lowercased()
        guard let match = Self.allCases.first(where: { lowered.hasSuffix($0.fileExtension) }) else { return nil }
        self = match
    }

    /// The whole decompressed content of a file's bytes. An empty file is empty content.
    /// - Throws: ``CompressionError/corruptFile(compression:detail:)`` for invalid or truncated
    ///   input, or ``CompressionError/unsupportedFile(compression:)`` for bzip2 and LZ4.
    public func decompress(_ bytes: [UInt8]) throws(CompressionError) -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        switch self {
        case .gzip, .deflate: return try GzipBlock.inflateWhole(bytes, compression: self)
        case .zstd: return try ZstdBlock.decompressFrames(bytes)
        case .snappy: return try SnappyBlock.decompressHadoopFrames(bytes)
        case .bzip2, .lz4: throw .unsupportedFile(compression: self)
        }
    }
}
