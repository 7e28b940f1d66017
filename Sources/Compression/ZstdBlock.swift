import CZstd

/// The unsafe ring around libzstd's one-shot API: one Zstandard frame per block.
enum ZstdBlock {
    static func compress(_ input: ArraySlice<UInt8>, level: Int32) throws(CompressionError) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var result = 0
        let output = input.withNonNullBytes { source in
            [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
                result = ZSTD_compress(buffer.baseAddress, bound, source.base, source.count, level)
                initialized = ZSTD_isError(result) != 0 ? 0 : result
            }
        }
        guard ZSTD_isError(result) == 0 else {
            throw .libraryFailure(codec: .zstd, detail: errorName(result))
        }
        return output
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws(CompressionError) -> [UInt8] {
        var result = 0
        let capacity = max(uncompressedSize, 1)
        let output = input.withNonNullBytes { source in
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                result = ZSTD_decompress(buffer.baseAddress, uncompressedSize, source.base, source.count)
                initialized = ZSTD_isError(result) != 0 ? 0 : result
            }
        }
        guard ZSTD_isError(result) == 0 else {
            throw .corruptInput(codec: .zstd, detail: errorName(result))
        }
        return output
    }

    private static func errorName(_ code: Int) -> String {
        guard let name = ZSTD_getErrorName(code) else { return "error \(code)" }
        return String(cString: name)
    }
}
