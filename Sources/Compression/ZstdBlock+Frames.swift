import CZstd

extension ZstdBlock {
    /// A whole `.zst` file: every Zstandard frame in it, one after another, decompressed with
    /// the streaming API (a frame need not record its content size).
    static func decompressFrames(_ input: [UInt8]) throws(CompressionError) -> [UInt8] {
        guard let context = ZSTD_createDCtx() else {
            throw .libraryFailure(codec: .zstd, detail: "ZSTD_createDCtx failed")
        }
        defer { ZSTD_freeDCtx(context) }
        var output = [UInt8](repeating: 0, count: max(input.count * 4, 1 << 16))
        var produced = 0
        var failure: String?
        input.withUnsafeBytes { source in
            var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                var filled = false
                let result = output.withUnsafeMutableBytes { buffer in
                    var outBuffer = ZSTD_outBuffer(dst: buffer.baseAddress.map { $0 + produced }, size: buffer.count - produced, pos: 0)
                    let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                    produced += outBuffer.pos
                    filled = outBuffer.pos == outBuffer.size
                    return result
                }
                if ZSTD_isError(result) != 0 {
                    failure = ZSTD_getErrorName(result).map { String(cString: $0) } ?? "error \(result)"
                    return
                }
                // Done when the input is used up and nothing is left to flush.
                if inBuffer.pos == inBuffer.size && !filled {
                    if result != 0 { failure = "the data ends in the middle of a frame" }
                    return
                }
            }
        }
        if let failure { throw .corruptFile(compression: .zstd, detail: failure) }
        output.removeLast(output.count - produced)
        return output
    }
}
