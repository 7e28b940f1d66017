import Compression
import Testing

@Suite struct CompressionCodecTests {
    static let sample: [UInt8] = (0..<50_000).map { UInt8(truncatingIfNeeded: ($0 * 7) % 251 / 3) }

    @Test(arguments: CompressionCodec.allCases)
    func roundTripsBlocks(codec: CompressionCodec) throws {
        for input in [Self.sample, [], [42]] {
            let packed = try codec.compress(input)
            if codec != .none && input.count > 1000 { #expect(packed.count < input.count) }
            #expect(try codec.decompress(packed, uncompressedSize: input.count) == input)
        }
    }

    @Test(arguments: [CompressionCodec.snappy, .zstd, .gzip])
    func rejectsCorruptInput(codec: CompressionCodec) throws {
        let packed = try codec.compress(Self.sample)
        let corrupt = Array(packed.prefix(packed.count / 2))
        #expect(throws: CompressionError.self) {
            try codec.decompress(corrupt, uncompressedSize: Self.sample.count)
        }
    }

    @Test func rejectsWrongDeclaredSize() throws {
        let packed = try CompressionCodec.snappy.compress(Self.sample)
        #expect(throws: CompressionError.sizeMismatch(codec: .snappy, expected: 10, actual: Self.sample.count)) {
            try CompressionCodec.snappy.decompress(packed, uncompressedSize: 10)
        }
    }

    @Test func gzipReadsConcatenatedMembers() throws {
        let first = try CompressionCodec.gzip.compress(Array("hello ".utf8))
        let second = try CompressionCodec.gzip.compress(Array("world".utf8))
        let joined = try CompressionCodec.gzip.decompress(first + second, uncompressedSize: 11)
        #expect(String(decoding: joined, as: UTF8.self) == "hello world")
    }
}
