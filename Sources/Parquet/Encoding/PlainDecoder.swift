import Columnar

/// Decodes PLAIN-encoded values (and their INT96, FLOAT and timestamp-unit conversions).
///
/// Fixed-width values are copied with one memory copy per page: Parquet is little-endian and so
/// is every platform Stream360 runs on.
enum PlainDecoder {
    /// The Julian day number of 1970-01-01, the epoch of INT96 timestamps' day field.
    static let julianDayOfEpoch: Int64 = 2_440_588

    /// Decodes `count` values of `physical` type from `bytes[start..<end]`.
    static func decode(
        _ physical: PhysicalType, typeLength: Int, conversion: LeafConversion,
        bytes: [UInt8], start: Int, end: Int, count: Int
    ) throws(ThriftError) -> LeafValues {
        func need(_ size: Int) throws(ThriftError) {
            guard size <= end - start else {
                throw ThriftError("\(count) PLAIN \(physical) values need \(size) bytes, the page has \(end - start)")
            }
        }
        switch physical {
        case .boolean:
            try need((count + 7) / 8)
            var values = [Bool]()
            values.reserveCapacity(count)
            for i in 0..<count { values.append(bytes[start + i >> 3] & (1 << UInt8(i & 7)) != 0) }
            return .boolean(values)
        case .int32:
            try need(count * 4)
            return .int32(copy(bytes, start, count, as: Int32.self))
        case .int64:
            try need(count * 8)
            var values = copy(bytes, start, count, as: Int64.self)
            switch conversion {
            case .millisToMicros: for i in values.indices { values[i] &*= 1000 }
            case .nanosToMicros: for i in values.indices { values[i] = values[i] / 1000 - (values[i] % 1000 < 0 ? 1 : 0) }
            default: break
            }
            return .int64(values)
        case .int96:
            try need(count * 12)
            var values = [Int64]()
            values.reserveCapacity(count)
            for i in 0..<count {
                let p = start + 12 * i
                let nanos = UInt64(bytes.loadLittleEndianUInt32(at: p)) | UInt64(bytes.loadLittleEndianUInt32(at: p + 4)) << 32
                let day = Int64(bytes.loadLittleEndianUInt32(at: p + 8))
                let micros = (day - julianDayOfEpoch) * 86_400_000_000 + Int64(bitPattern: nanos) / 1000
                values.append(micros)
            }
            return .int64(values)
        case .float:
            try need(count * 4)
            return .double(copy(bytes, start, count, as: Float.self).map(Double.init))
        case .double:
            try need(count * 8)
            return .double(copy(bytes, start, count, as: Double.self))
        case .byteArray:
            var offsets = [Int32]()
            offsets.reserveCapacity(count + 1)
            offsets.append(0)
            var data = [UInt8]()
            data.reserveCapacity(max(0, end - start - 4 * count))
            var p = start
            for _ in 0..<count {
                guard p + 4 <= end else { throw ThriftError("byte array length runs past the end of its page") }
                let length = Int(bytes.loadLittleEndianUInt32(at: p))
                p += 4
                guard length <= end - p else { throw ThriftError("byte array of \(length) bytes runs past the end of its page") }
                data.append(contentsOf: bytes[p..<p + length])
                p += length
                offsets.append(Int32(truncatingIfNeeded: data.count))
            }
            return .bytes(StringBuffer(offsets: offsets, bytes: data))
        case .fixedLenByteArray:
            guard typeLength > 0 else { throw ThriftError("FIXED_LEN_BYTE_ARRAY without a length") }
            try need(count * typeLength)
            let offsets = (0...count).map { Int32(truncatingIfNeeded: $0 * typeLength) }
            return .bytes(StringBuffer(offsets: offsets, bytes: Array(bytes[start..<start + count * typeLength])))
        }
    }

    private static func copy<T>(_ bytes: [UInt8], _ start: Int, _ count: Int, as: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                if count > 0, let base = raw.baseAddress {
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(
                        from: UnsafeRawBufferPointer(start: base + start, count: count * MemoryLayout<T>.stride))
                }
            }
            initialized = count
        }
    }
}
