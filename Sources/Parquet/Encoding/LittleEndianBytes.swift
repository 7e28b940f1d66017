/// Little-endian appends for building PLAIN-encoded values and page bodies.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendLittleEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }

    @inline(__always)
    mutating func appendLittleEndian(_ value: UInt64) {
        appendLittleEndian(UInt32(truncatingIfNeeded: value))
        appendLittleEndian(UInt32(truncatingIfNeeded: value >> 32))
    }

    /// Appends the raw little-endian bytes of a buffer of fixed-width values in one copy.
    mutating func appendRawBytes<T: FixedWidthInteger>(of values: ArraySlice<T>) {
        values.withUnsafeBytes { append(contentsOf: $0) }
    }

    mutating func appendRawBytes(of values: ArraySlice<Double>) {
        values.withUnsafeBytes { append(contentsOf: $0) }
    }

    /// Appends an unsigned LEB128 varint.
    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(v))
    }

    /// Reads a little-endian `UInt32` at `offset` (the caller checked the bounds).
    @inline(__always)
    func loadLittleEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}

/// The number of bits needed to store values up to `maxValue` (0 for 0).
@inline(__always)
func bitWidth(forMaximum maxValue: UInt64) -> Int {
    64 - maxValue.leadingZeroBitCount
}
