public import Compression

/// How a ``ParquetWriter`` lays out its file.
///
/// The defaults follow Spark's: snappy compression, 128 MiB row groups, 1 MiB pages and
/// dictionary encoding for strings with a 1 MiB dictionary limit per column chunk, past which
/// the rest of the chunk is written PLAIN. Memory use is bounded by `rowGroupSizeBytes`: a row
/// group's encoded, compressed pages are held until the group is complete.
///
/// ```swift
/// let options = ParquetWriterOptions(compression: .zstd, rowGroupSizeBytes: 8 << 20)
/// ```
public struct ParquetWriterOptions: Sendable, Equatable {
    /// The codec for every page: `.snappy` (default), `.zstd`, `.gzip` or `.none`.
    public var compression: CompressionCodec
    /// A row group is closed once its encoded size reaches this many bytes.
    public var rowGroupSizeBytes: Int
    /// A data page is closed once its encoded values reach this many bytes.
    public var pageSizeBytes: Int
    /// Whether string columns start dictionary encoded.
    public var dictionaryEncoding: Bool
    /// A string column chunk whose dictionary grows past this many bytes falls back to PLAIN.
    public var dictionaryPageSizeLimit: Int
    /// Extra key-value metadata stored in the footer (beside the schema Stream360 writes).
    public var keyValueMetadata: [String: String]

    public init(
        compression: CompressionCodec = .snappy,
        rowGroupSizeBytes: Int = 128 << 20,
        pageSizeBytes: Int = 1 << 20,
        dictionaryEncoding: Bool = true,
        dictionaryPageSizeLimit: Int = 1 << 20,
        keyValueMetadata: [String: String] = [:]
    ) {
        self.compression = compression
        self.rowGroupSizeBytes = rowGroupSizeBytes
        self.pageSizeBytes = pageSizeBytes
        self.dictionaryEncoding = dictionaryEncoding
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.keyValueMetadata = keyValueMetadata
    }

    /// Checks the sizes once, before any byte is written.
    func validate() throws(ParquetError) {
        guard rowGroupSizeBytes >= 1024 else {
            throw .invalidOption(name: "rowGroupSizeBytes", detail: "\(rowGroupSizeBytes) is below the minimum of 1024")
        }
        guard pageSizeBytes >= 64, pageSizeBytes <= 1 << 30 else {
            throw .invalidOption(name: "pageSizeBytes", detail: "\(pageSizeBytes) must be between 64 bytes and 1 GiB")
        }
        guard dictionaryPageSizeLimit >= 64, dictionaryPageSizeLimit <= 1 << 30 else {
            throw .invalidOption(name: "dictionaryPageSizeLimit", detail: "\(dictionaryPageSizeLimit) must be between 64 bytes and 1 GiB")
        }
    }
}
