import Compression
import Testing

/// Whole compressed files (``FileCompression``), as Spark's text source reads them by extension.
@Suite struct FileCompressionTests {
    /// 3 MB that compress more than 100-fold, so the output buffer must grow many times.
    static let large: [UInt8] = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 / 5000 % 7 + 48) }

    static func hadoopSnappy(_ data: [UInt8], blockSize: Int) throws -> [UInt8] {
        func be(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        var out: [UInt8] = []
        for start in stride(from: 0, to: data.count, by: blockSize) {
            let block = Array(data[start..<min(start + blockSize, data.count)])
            // Two chunks per block, as Hadoop writes when a block's compressed form is split.
            let half = block.count / 2
            let first = try CompressionCodec.snappy.compress(Array(block[..<half]))
            let second = try CompressionCodec.snappy.compress(Array(block[half...]))
            out += be(block.count) + be(first.count) + first + be(second.count) + second
        }
        return out
    }

    @Test func extensionsAreHadoopsInAnyCase() {
        #expect(FileCompression(fileName: "a.json.gz") == .gzip)
        #expect(FileCompression(fileName: "a.JSON.GZ") == .gzip)
        #expect(FileCompression(fileName: "a.deflate") == .deflate)
        #expect(FileCompression(fileName: "a.zst") == .zstd)
        #expect(FileCompression(fileName: "a.snappy") == .snappy)
        #expect(FileCompression(fileName: "a.bz2") == .bzip2)
        #expect(FileCompression(fileName: "a.lz4") == .lz4)
        #expect(FileCompression(fileName: "a.json") == nil)
        #expect(FileCompression(fileName: "a.gzip") == nil)
        #expect(FileCompression.allCases.filter(\.isSupported) == [.gzip, .deflate, .zstd, .snappy])
    }

    @Test func largeFilesGrowTheirBuffer() throws {
        let gz = try CompressionCodec.gzip.compress(Self.large)
        #expect(gz.count * 100 < Self.large.count)
        #expect(try FileCompression.gzip.decompress(gz + gz) == Self.large + Self.large)
        let zst = try CompressionCodec.zstd.compress(Self.large)
        #expect(try FileCompression.zstd.decompress(zst + zst) == Self.large + Self.large)
        let snappy = try Self.hadoopSnappy(Self.large, blockSize: 256 * 1024)
        #expect(try FileCompression.snappy.decompress(snappy) == Self.large)
        #expect(try FileCompression.gzip.decompress([]) == [])
    }

    @Test(arguments: [FileCompression.gzip, .zstd, .snappy])
    func truncatedFilesAreCorrupt(compression: FileCompression) throws {
        let whole: [UInt8] = switch compression {
        case .gzip: try CompressionCodec.gzip.compress(Self.large)
        case .zstd: try CompressionCodec.zstd.compress(Self.large)
        default: try Self.hadoopSnappy(Self.large, blockSize: 100_000)
        }
        let cut = Array(whole.prefix(whole.count - 7))
        #expect { _ = try compression.decompress(cut) } throws: { error in
            guard case .corruptFile(let which, _)? = error as? CompressionError else { return false }
            return which == compression
        }
    }

    @Test func bzip2AndLZ4AreRefused() {
        #expect(throws: CompressionError.unsupportedFile(compression: .bzip2)) { try FileCompression.bzip2.decompress([1, 2, 3]) }
        #expect(throws: CompressionError.unsupportedFile(compression: .lz4)) { try FileCompression.lz4.decompress([1, 2, 3]) }
    }
}
