import CZlib

extension GzipBlock {
    /// A whole gzip file (any number of concatenated members) or zlib stream, inflated into a
    /// buffer that grows as needed: a file does not record its decompressed size.
    static func inflateWhole(_ input: [UInt8], compression: FileCompression) throws(CompressionError) -> [UInt8] {
        guard input.count <= Int(UInt32.max) else {
            throw .corruptFile(compression: compression, detail: "files over 4 GiB are not supported")
        }
        var stream = z_stream()
        // 32 + 15: a gzip or a zlib header, detected by zlib.
        guard s360_inflate_init(&stream, 47) == Z_OK else {
            throw .libraryFailure(codec: .gzip, detail: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(input.count * 4, 1 << 16))
        var produced = 0
        var failure: String?
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while failure == nil {
                if produced == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let room = output.count - produced
                let status = output.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress.map { $0 + produced }
                    stream.avail_out = uInt(min(room, Int(UInt32.max)))
                    let before = Int(stream.avail_out)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += before - Int(stream.avail_out)
                    return status
                }
                if status == Z_STREAM_END {
                    if stream.avail_in == 0 { return }
                    // Another gzip member follows; Hadoop's GzipCodec reads them all as one file.
                    if inflateReset(&stream) != Z_OK { failure = "inflateReset failed" }
                    continue
                }
                if status != Z_OK && status != Z_BUF_ERROR {
                    failure = stream.msg.map { String(cString: $0) } ?? "inflate returned \(status)"
                } else if stream.avail_in == 0 && stream.avail_out > 0 {
                    failure = "the data ends in the middle of a compressed stream"
                }
            }
        }
        if let failure { throw .corruptFile(compression: compression, detail: failure) }
        output.removeLast(output.count - produced)
        return output
    }
}
