import CZlib

/// The unsafe ring around zlib: gzip members (RFC 1952) compressed and inflated in one call.
///
/// Reading accepts several concatenated members, as the gzip format allows.
enum GzipBlock {
    /// `15 + 16`: a 32 KiB window with a gzip header and trailer instead of zlib's.
    private static let gzipWindowBits: Int32 = 31

    static func compress(_ input: ArraySlice<UInt8>) throws(CompressionError) -> [UInt8] {
        var stream = z_stream()
        guard s360_deflate_init(&stream, Z_DEFAULT_COMPRESSION, gzipWindowBits) == Z_OK else {
            throw .libraryFailure(codec: .gzip, detail: "deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var status = Z_OK
        var mutableInput = Array(input)
        let output = mutableInput.withUnsafeMutableBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialized in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(bound)
                status = deflate(&stream, Z_FINISH)
                initialized = status == Z_STREAM_END ? Int(stream.total_out) : 0
            }
        }
        guard status == Z_STREAM_END else {
            throw .libraryFailure(codec: .gzip, detail: "deflate returned \(status)")
        }
        return output
    }

    static func decompress(_ input: ArraySlice<UInt8>, uncompressedSize: Int) throws(CompressionError) -> [UInt8] {
        var stream = z_stream()
        // 32 + 15: detect gzip or zlib headers automatically.
        guard s360_inflate_init(&stream, 47) == Z_OK else {
            throw .libraryFailure(codec: .gzip, detail: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var failure: CompressionError?
        var mutableInput = Array(input)
        let capacity = max(uncompressedSize, 1)
        let output = mutableInput.withUnsafeMutableBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(uncompressedSize)
                while true {
                    let status = inflate(&stream, Z_NO_FLUSH)
                    if status == Z_STREAM_END {
                        // Another member may follow.
                        if stream.avail_in > 0, stream.avail_out > 0, inflateReset(&stream) == Z_OK { continue }
                        break
                    }
                    if status == Z_OK, stream.avail_out == 0 {
                        failure = .sizeMismatch(codec: .gzip, expected: uncompressedSize, actual: uncompressedSize + 1)
                        break
                    }
                    if status != Z_OK {
                        let detail = stream.msg.map { String(cString: $0) } ?? "inflate returned \(status)"
                        failure = .corruptInput(codec: .gzip, detail: detail)
                        break
                    }
                }
                initialized = failure == nil ? uncompressedSize - Int(stream.avail_out) : 0
            }
        }
        if let failure { throw failure }
        return output
    }
}
