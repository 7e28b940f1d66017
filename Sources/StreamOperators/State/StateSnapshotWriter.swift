import Columnar

/// Appends the values of a state snapshot as little-endian bytes.
///
/// Fixed-width integers, length-prefixed (`u32`) byte strings and strings, tagged scalars and
/// whole columns (see `StateSnapshotWriter+Column.swift`); ``StateSnapshotReader`` reads them back.
struct StateSnapshotWriter {
    var bytes: [UInt8] = []

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int32) { write(UInt32(bitPattern: value)) }

    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    /// A count or index (as a 64-bit integer).
    mutating func write(count value: Int) { write(Int64(value)) }

    mutating func write(_ value: [UInt8]) {
        write(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func write(_ value: String) { write(Array(value.utf8)) }

    mutating func write(_ values: [Int64]) {
        write(count: values.count)
        bytes.reserveCapacity(bytes.count + values.count * 8)
        for value in values { write(value) }
    }

    /// A scalar: a tag byte, then its value.
    mutating func write(_ value: Scalar) {
        switch value {
        case .null: write(UInt8(0))
        case .int(let v): write(UInt8(1)); write(v)
        case .long(let v): write(UInt8(2)); write(v)
        case .double(let v): write(UInt8(3)); write(v)
        case .boolean(let v): write(UInt8(4)); write(v)
        case .string(let v): write(UInt8(5)); write(v)
        case .timestamp(let v): write(UInt8(6)); write(v)
        case .array(let items):
            write(UInt8(7))
            write(count: items.count)
            for item in items { write(item) }
        case .structure(let items):
            write(UInt8(8))
            write(count: items.count)
            for item in items { write(item) }
        }
    }
}
