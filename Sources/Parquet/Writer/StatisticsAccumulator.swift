/// Running min, max and null count of one column chunk, turned into thrift ``Statistics``.
///
/// Floating-point NaNs are left out of the bounds (the format says readers must ignore a NaN
/// bound); a zero minimum is written as -0.0 and a zero maximum as +0.0, as the format asks.
struct StatisticsAccumulator {
    private(set) var nullCount: Int64 = 0
    private(set) var hasBounds = false
    private var minInteger = Int64.max
    private var maxInteger = Int64.min
    private var minDouble = Double.infinity
    private var maxDouble = -Double.infinity
    private var minBytes: [UInt8] = []
    private var maxBytes: [UInt8] = []

    mutating func addNulls(_ count: Int) { nullCount += Int64(count) }

    @inline(__always)
    mutating func add(_ value: Int64) {
        if value < minInteger { minInteger = value }
        if value > maxInteger { maxInteger = value }
        hasBounds = true
    }

    @inline(__always)
    mutating func add(_ value: Double) {
        guard !value.isNaN else { return }
        if value < minDouble { minDouble = value }
        if value > maxDouble { maxDouble = value }
        hasBounds = true
    }

    mutating func add(_ value: Bool) { add(value ? Int64(1) : 0) }

    mutating func add(_ utf8: UnsafeBufferPointer<UInt8>) {
        if !hasBounds {
            minBytes = Array(utf8)
            maxBytes = minBytes
            hasBounds = true
            return
        }
        if minBytes.withUnsafeBufferPointer({ lexicographicallyPrecedes(utf8, $0) }) { minBytes = Array(utf8) }
        if maxBytes.withUnsafeBufferPointer({ lexicographicallyPrecedes($0, utf8) }) { maxBytes = Array(utf8) }
    }

    /// The thrift statistics for a column of `physical` type.
    func statistics(for physical: PhysicalType) -> Statistics {
        var s = Statistics()
        s.nullCount = nullCount
        guard hasBounds else { return s }
        var low: [UInt8] = []
        var high: [UInt8] = []
        switch physical {
        case .boolean:
            low = [UInt8(minInteger)]
            high = [UInt8(maxInteger)]
        case .int32:
            low.appendLittleEndian(UInt32(bitPattern: Int32(truncatingIfNeeded: minInteger)))
            high.appendLittleEndian(UInt32(bitPattern: Int32(truncatingIfNeeded: maxInteger)))
        case .int64:
            low.appendLittleEndian(UInt64(bitPattern: minInteger))
            high.appendLittleEndian(UInt64(bitPattern: maxInteger))
        case .double:
            low.appendLittleEndian((minDouble == 0 ? -0.0 : minDouble).bitPattern)
            high.appendLittleEndian((maxDouble == 0 ? 0.0 : maxDouble).bitPattern)
        case .byteArray:
            low = minBytes
            high = maxBytes
        case .int96, .float, .fixedLenByteArray:
            return s
        }
        s.minValue = low
        s.maxValue = high
        // The legacy fields are signed-order bounds; they are the same values for numbers.
        if physical != .byteArray {
            s.min = low
            s.max = high
        }
        return s
    }
}
