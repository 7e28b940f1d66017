/// Decodes Parquet's RLE / bit-packing hybrid encoding (see ``RLEHybridEncoder``).
///
/// Reads from `bytes[start..<end]`; decoding more values than the data holds is an error
/// rather than a silent zero fill.
struct RLEHybridDecoder {
    private let bytes: [UInt8]
    private var position: Int
    private let end: Int
    let bitWidth: Int

    init(bytes: [UInt8], start: Int, end: Int, bitWidth: Int) throws(ThriftError) {
        guard (0...32).contains(bitWidth) else { throw ThriftError("RLE bit width \(bitWidth) is out of range") }
        guard start >= 0, start <= end, end <= bytes.count else { throw ThriftError("RLE data runs past its page") }
        self.bytes = bytes
        self.position = start
        self.end = end
        self.bitWidth = bitWidth
    }

    private mutating func readVarint() throws(ThriftError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ThriftError("RLE run header runs past the end of its data") }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw ThriftError("RLE run header is not a valid varint") }
        }
    }

    /// Decodes `count` values, appending them to `output`.
    mutating func decode(count: Int, into output: inout [UInt32]) throws(ThriftError) {
        output.reserveCapacity(output.count + count)
        var remaining = count
        if bitWidth == 0 {
            output.append(contentsOf: repeatElement(0, count: count))
            return
        }
        let mask: UInt64 = (1 << UInt64(bitWidth)) - 1
        while remaining > 0 {
            let header = try readVarint()
            if header & 1 == 0 {
                let runLength = Int(truncatingIfNeeded: header >> 1)
                let valueBytes = (bitWidth + 7) / 8
                guard position + valueBytes <= end else { throw ThriftError("RLE run value runs past the end of its data") }
                var value: UInt32 = 0
                for b in 0..<valueBytes { value |= UInt32(bytes[position + b]) << UInt32(8 * b) }
                position += valueBytes
                let take = min(runLength, remaining)
                output.append(contentsOf: repeatElement(value, count: take))
                remaining -= take
            } else {
                let groups = Int(truncatingIfNeeded: header >> 1)
                let byteCount = groups * bitWidth
                // Writers may truncate the final group's bytes; accept what is there.
                let available = min(byteCount, end - position)
                let valuesInRun = min(groups * 8, available * 8 / bitWidth)
                let take = min(valuesInRun, remaining)
                var accumulator: UInt64 = 0
                var bits = 0
                var p = position
                for _ in 0..<take {
                    while bits < bitWidth {
                        accumulator |= UInt64(bytes[p]) << UInt64(bits)
                        p += 1
                        bits += 8
                    }
                    output.append(UInt32(truncatingIfNeeded: accumulator & mask))
                    accumulator >>= UInt64(bitWidth)
                    bits -= bitWidth
                }
                position += available
                remaining -= take
                if valuesInRun < groups * 8 && remaining > 0 {
                    throw ThriftError("bit-packed run is truncated")
                }
            }
        }
    }
}
