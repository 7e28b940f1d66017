/// Decodes Thrift compact-protocol structures from a byte buffer.
///
/// Parquet stores its footer and page headers this way. The reader is driven field by field:
/// ``forEachField(_:)`` hands each field id and type to a closure that either reads the value
/// or calls ``skip(_:)``, so fields added by newer writers are ignored safely.
struct ThriftCompactReader {
    let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int
    /// Guards against maliciously deep nesting.
    private var depth = 0

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    mutating func readByte() throws(ThriftError) -> UInt8 {
        guard position < end else { throw ThriftError("unexpected end of data at byte \(position)") }
        let byte = bytes[position]
        position += 1
        return byte
    }

    mutating func readVarint() throws(ThriftError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ThriftError("varint longer than 10 bytes at byte \(position)") }
        }
    }

    mutating func readI64() throws(ThriftError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readI32() throws(ThriftError) -> Int32 {
        let value = try readI64()
        guard let narrow = Int32(exactly: value) else { throw ThriftError("i32 out of range: \(value)") }
        return narrow
    }

    mutating func readDouble() throws(ThriftError) -> Double {
        guard position + 8 <= end else { throw ThriftError("unexpected end of data in a double") }
        var raw: UInt64 = 0
        for i in 0..<8 { raw |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += 8
        return Double(bitPattern: raw)
    }

    mutating func readBinary() throws(ThriftError) -> [UInt8] {
        let length = Int(try readVarint())
        guard length >= 0, length <= end - position else {
            throw ThriftError("binary of \(length) bytes runs past the end of data")
        }
        defer { position += length }
        return Array(bytes[position..<position + length])
    }

    mutating func readString() throws(ThriftError) -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    /// Reads a list header: the element type and the element count.
    mutating func readListHeader() throws(ThriftError) -> (ThriftType, Int) {
        let header = try readByte()
        guard let type = ThriftType(rawValue: header & 0x0F) else {
            throw ThriftError("unknown list element type \(header & 0x0F)")
        }
        var count = Int(header >> 4)
        if count == 15 { count = Int(try readVarint()) }
        guard count <= end - position || type == .booleanTrue || type == .booleanFalse else {
            throw ThriftError("list of \(count) elements cannot fit in the remaining data")
        }
        return (type, count)
    }

    /// Reads a list whose elements `element` decodes one at a time.
    mutating func readList<T>(_ element: (inout ThriftCompactReader) throws(ThriftError) -> T) throws(ThriftError) -> [T] {
        let (_, count) = try readListHeader()
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&self)) }
        return items
    }

    /// Calls `body` for every field of a structure until its stop marker.
    ///
    /// `body` must consume the value (or call ``skip(_:)``). Boolean fields carry their value
    /// in the type: use ``boolValue(_:)``.
    mutating func forEachField(
        _ body: (inout ThriftCompactReader, Int16, ThriftType) throws(ThriftError) -> Void
    ) throws(ThriftError) {
        depth += 1
        guard depth < 64 else { throw ThriftError("structures nested more than 64 deep") }
        defer { depth -= 1 }
        var lastId: Int16 = 0
        while true {
            let header = try readByte()
            guard let type = ThriftType(rawValue: header & 0x0F) else {
                throw ThriftError("unknown field type \(header & 0x0F) at byte \(position - 1)")
            }
            if type == .stop { return }
            let delta = Int16(header >> 4)
            let id: Int16
            if delta == 0 {
                let raw = try readI64()
                guard let narrow = Int16(exactly: raw) else { throw ThriftError("field id out of range: \(raw)") }
                id = narrow
            } else {
                id = lastId &+ delta
            }
            lastId = id
            try body(&self, id, type)
        }
    }

    /// The value of a boolean field, which the compact protocol stores in its type code.
    func boolValue(_ type: ThriftType) -> Bool { type == .booleanTrue }

    /// Skips one value of `type`.
    mutating func skip(_ type: ThriftType) throws(ThriftError) {
        switch type {
        case .stop, .booleanTrue, .booleanFalse: return
        case .byte: _ = try readByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double: _ = try readDouble()
        case .binary:
            let length = Int(try readVarint())
            guard length <= end - position else { throw ThriftError("binary runs past the end of data") }
            position += length
        case .list, .set:
            let (element, count) = try readListHeader()
            for _ in 0..<count {
                if element == .booleanTrue || element == .booleanFalse { _ = try readByte() } else { try skip(element) }
            }
        case .map:
            let count = Int(try readVarint())
            guard count > 0 else { return }
            let types = try readByte()
            guard let key = ThriftType(rawValue: types >> 4), let value = ThriftType(rawValue: types & 0x0F) else {
                throw ThriftError("unknown map types \(types)")
            }
            for _ in 0..<count {
                try skip(key)
                try skip(value)
            }
        case .structure:
            try forEachField { reader, _, fieldType throws(ThriftError) in try reader.skip(fieldType) }
        }
    }
}
