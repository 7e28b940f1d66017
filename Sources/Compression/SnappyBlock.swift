import CSnappy

/// The unsafe ring around libsnappy's C API: raw Snappy blocks in, raw blocks out.
enum SnappyBlock {
    static func compress(_ input: ArraySlice<UInt8>) throws(CompressionError) -> [UInt8] {
        let bound = snappy_max_compressed_length(input.count)
        var status = SNAPPY_OK
        let output = input.withNonNullBytes { source in
            [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
                var length = bound
                status = snappy_compress(
                    source.base, source.count,
                    UnsafeMutableRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self), &length)
                initialized = status == SNAPPY_OK ? length : 0
            }
        }
        guard status == SNAPPY_OK else {
            throw .libraryFailure(codec: .snappy, detail: "snappy_compress returned \(status.rawValue)")
        }
        return output
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws(CompressionError) -> [UInt8] {
        var declared = 0
        var status = input.withNonNullBytes { source in
            snappy_uncompressed_length(source.base, source.count, &declared)
        }
        guard status == SNAPPY_OK else {
            throw .corruptInput(codec: .snappy, detail: "no valid length header")
        }
        guard declared == uncompressedSize else {
            throw .sizeMismatch(codec: .snappy, expected: uncompressedSize, actual: declared)
        }
        let output = input.withNonNullBytes { source in
            [UInt8](unsafeUninitializedCapacity: max(declared, 1)) { buffer, initialized in
                var length = declared
                status = snappy_uncompress(
                    source.base, source.count,
                    UnsafeMutableRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self), &length)
                initialized = status == SNAPPY_OK ? length : 0
            }
        }
        guard status == SNAPPY_OK else {
            throw .corruptInput(codec: .snappy, detail: "snappy_uncompress returned \(status.rawValue)")
        }
        return output
    }
}
