/// Errors raised while compressing or decompressing a block of bytes.
///
/// Each case names the codec and the sizes involved, so that a caller (the Parquet reader, say)
/// can add where the block came from.
public enum CompressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The compressed input is not valid for the codec (truncated, corrupt, or another codec's data).
    case corruptInput(codec: CompressionCodec, detail: String)
    /// Decompression produced a size other than the one the container promised.
    case sizeMismatch(codec: CompressionCodec, expected: Int, actual: Int)
    /// The C library reported a failure that is not about the input (out of memory, bad parameter).
    case libraryFailure(codec: CompressionCodec, detail: String)
    /// A compressed file (``FileCompression``) is invalid or truncated.
    case corruptFile(compression: FileCompression, detail: String)
    /// A file compressed with a codec Stream360 recognises but cannot read (bzip2, LZ4).
    case unsupportedFile(compression: FileCompression)

    public var description: String {
        switch self {
        case .corruptInput(let codec, let detail):
            "\(codec) input is corrupt: \(detail); check that the data was written with \(codec)"
        case .sizeMismatch(let codec, let expected, let actual):
            "\(codec) block decompressed to \(actual) bytes where \(expected) were expected; the file may be truncated"
        case .libraryFailure(let codec, let detail):
            "\(codec) library failure: \(detail)"
        case .corruptFile(let compression, let detail):
            "the \(compression) data is corrupt or truncated (\(detail)); check that the file was completely written with \(compression)"
        case .unsupportedFile(let compression):
            "\(compression) files (\(compression.fileExtension)) are not supported (Stream360 does not link a \(compression) library); decompress the file or recompress it with gzip or zstd"
        }
    }
}
