/// Encodes unsigned values with Parquet's RLE / bit-packing hybrid encoding.
///
/// Runs of eight or more equal values become RLE runs (`varint(count << 1)` then the value in
/// `ceil(bitWidth / 8)` bytes); everything else is bit-packed in groups of eight, least
/// significant bit first (`varint(groups << 1 | 1)` then `bitWidth` bytes per group). Used for
/// definition levels and dictionary indices. Output has no length prefix; callers add one
/// where the page format wants it.
struct RLEHybridEncoder {
    let bitWidth: Int
    private(set) var bytes: [UInt8] = []

    init(bitWidth: Int) {
        precondition((0...32).contains(bitWidth), "RLE bit width must be 0...32, got \(bitWidth)")
        self.bitWidth = bitWidth
    }

    /// Encodes all of `values`.
    static func encode(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
        var encoder = RLEHybridEncoder(bitWidth: bitWidth)
        encoder.append(values[...])
        return encoder.bytes
    }

    /// An RLE run of `count` copies of `value` (for all-present definition levels).
    mutating func appendRun(_ value: UInt32, count: Int) {
        guard count > 0 else { return }
        bytes.appendVarint(UInt64(count) << 1)
        appendValueBytes(value)
    }

    /// Encodes `values`, which must be the whole remaining stream (the last bit-packed group
    /// is padded with zeros).
    mutating func append(_ values: ArraySlice<UInt32>) {
        var literalStart = values.startIndex
        var i = values.startIndex
        let end = values.endIndex
        while i < end {
            let value = values[i]
            var runEnd = i + 1
            while runEnd < end && values[runEnd] == value { runEnd += 1 }
            var run = runEnd - i
            if run >= 8 {
                // Complete the pending literal group with values from the run.
                let pending = (i - literalStart) & 7
                if pending != 0 {
                    let fill = 8 - pending
                    i += fill
                    run -= fill
                }
                if run >= 8 {
                    appendBitPacked(values[literalStart..<i])
                    appendRun(value, count: run)
                    i = runEnd
                    literalStart = i
                    continue
                }
            }
            i = runEnd
        }
        appendBitPacked(values[literalStart..<end])
    }

    private mutating func appendValueBytes(_ value: UInt32) {
        for byte in 0..<((bitWidth + 7) / 8) { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * byte))) }
    }

    private mutating func appendBitPacked(_ values: ArraySlice<UInt32>) {
        guard !values.isEmpty else { return }
        let groups = (values.count + 7) / 8
        bytes.appendVarint(UInt64(groups) << 1 | 1)
        var accumulator: UInt64 = 0
        var bits = 0
        for value in values {
            accumulator |= UInt64(value) << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bits -= 8
            }
        }
        // Zero padding up to a whole group of eight values.
        let paddedBits = (groups * 8 - values.count) * bitWidth + bits
        var remaining = paddedBits
        while remaining > 0 {
            bytes.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            remaining -= 8
        }
    }
}
