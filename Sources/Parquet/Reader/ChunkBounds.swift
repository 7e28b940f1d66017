import Columnar

/// The statistics of one column chunk decoded for predicate evaluation.
struct ChunkBounds {
    enum Value: Comparable {
        case integer(Int64)
        case double(Double)
        case bytes([UInt8])

        static func < (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.integer(let a), .integer(let b)): a < b
            case (.double(let a), .double(let b)): a < b
            case (.integer(let a), .double(let b)): Double(a) < b
            case (.double(let a), .integer(let b)): a < Double(b)
            case (.bytes(let a), .bytes(let b)): a.lexicographicallyPrecedes(b)
            default: false
            }
        }
    }

    var min: Value?
    var max: Value?
    var nullCount: Int64?
    let valueCount: Int64

    init(_ metadata: ColumnMetaData, leaf: LeafDescriptor) {
        valueCount = metadata.numValues
        guard let stats = metadata.statistics else { return }
        nullCount = stats.nullCount
        let trustLegacy = leaf.physical != .byteArray && leaf.physical != .fixedLenByteArray
        let low = stats.minValue ?? (trustLegacy ? stats.min : nil)
        let high = stats.maxValue ?? (trustLegacy ? stats.max : nil)
        if let low, let high {
            min = Self.decode(low, leaf)
            max = Self.decode(high, leaf)
            if min == nil || max == nil { min = nil; max = nil }
        }
    }

    private static func decode(_ bytes: [UInt8], _ leaf: LeafDescriptor) -> Value? {
        func integer(_ count: Int) -> Int64? {
            guard bytes.count == count else { return nil }
            var raw: UInt64 = 0
            for i in 0..<count { raw |= UInt64(bytes[i]) << UInt64(8 * i) }
            return count == 4 ? Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: raw))) : Int64(bitPattern: raw)
        }
        switch leaf.physical {
        case .boolean: return bytes.count == 1 ? .integer(Int64(bytes[0])) : nil
        case .int32: return integer(4).map(Value.integer)
        case .int64:
            guard let v = integer(8) else { return nil }
            switch leaf.conversion {
            case .millisToMicros: return .integer(v &* 1000)
            case .nanosToMicros: return .integer(v / 1000)
            default: return .integer(v)
            }
        case .float:
            guard let v = integer(4) else { return nil }
            let f = Double(Float(bitPattern: UInt32(truncatingIfNeeded: v)))
            return f.isNaN ? nil : .double(f)
        case .double:
            guard let v = integer(8) else { return nil }
            let d = Double(bitPattern: UInt64(bitPattern: v))
            return d.isNaN ? nil : .double(d)
        case .byteArray, .fixedLenByteArray: return .bytes(bytes)
        case .int96: return nil
        }
    }

    /// The predicate's comparison value in the same domain.
    static func value(_ scalar: Scalar) -> Value? {
        switch scalar {
        case .int(let v): .integer(Int64(v))
        case .long(let v), .timestamp(let v): .integer(v)
        case .double(let v): v.isNaN ? nil : .double(v)
        case .boolean(let v): .integer(v ? 1 : 0)
        case .string(let s): .bytes(Array(s.utf8))
        default: nil
        }
    }

    /// Whether every value is null (so no comparison can hold).
    var allNull: Bool { nullCount == valueCount }
}
