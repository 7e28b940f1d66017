import Columnar

/// Reads what ``StateSnapshotWriter`` wrote, failing with ``OperatorError/corruptSnapshot(operator:detail:)``
/// on truncated or impossible input instead of trapping.
struct StateSnapshotReader {
    let bytes: [UInt8]
    let kind: String
    var position: Int

    init(_ bytes: [UInt8], kind: String, position: Int = 0) {
        self.bytes = bytes
        self.kind = kind
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    func corrupt(_ detail: String) -> OperatorError {
        .corruptSnapshot(operator: kind, detail: "\(detail) at byte \(position) of \(bytes.count)")
    }

    private mutating func take(_ n: Int) throws(OperatorError) -> ArraySlice<UInt8> {
        guard n >= 0, bytes.count - position >= n else { throw corrupt("truncated: \(n) more bytes expected") }
        defer { position += n }
        return bytes[position..<position + n]
    }

    mutating func uint8() throws(OperatorError) -> UInt8 {
        try take(1).first ?? 0
    }

    mutating func bool() throws(OperatorError) -> Bool {
        let b = try uint8()
        guard b <= 1 else { throw corrupt("a flag holds \(b)") }
        return b == 1
    }

    mutating func uint32() throws(OperatorError) -> UInt32 {
        var value: UInt32 = 0
        for (i, b) in try take(4).enumerated() { value |= UInt32(b) << UInt32(8 * i) }
        return value
    }

    mutating func uint64() throws(OperatorError) -> UInt64 {
        var value: UInt64 = 0
        for (i, b) in try take(8).enumerated() { value |= UInt64(b) << UInt64(8 * i) }
        return value
    }

    mutating func int32() throws(OperatorError) -> Int32 { Int32(bitPattern: try uint32()) }

    mutating func int64() throws(OperatorError) -> Int64 { Int64(bitPattern: try uint64()) }

    mutating func double() throws(OperatorError) -> Double { Double(bitPattern: try uint64()) }

    /// A count or index, checked to be at least 0 and at most `limit`.
    mutating func count(limit: Int = Int(Int32.max)) throws(OperatorError) -> Int {
        let value = try int64()
        guard value >= 0, value <= Int64(limit) else { throw corrupt("a count of \(value) is out of range 0...\(limit)") }
        return Int(value)
    }

    mutating func byteString() throws(OperatorError) -> [UInt8] {
        let n = Int(try uint32())
        return Array(try take(n))
    }

    mutating func string() throws(OperatorError) -> String {
        String(decoding: try byteString(), as: UTF8.self)
    }

    mutating func int64s() throws(OperatorError) -> [Int64] {
        let n = try count(limit: (bytes.count - position) / 8)
        var values: [Int64] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try int64()) }
        return values
    }

    mutating func scalar(depth: Int = 0) throws(OperatorError) -> Scalar {
        guard depth < 64 else { throw corrupt("scalars nested too deeply") }
        switch try uint8() {
        case 0: return .null
        case 1: return .int(try int32())
        case 2: return .long(try int64())
        case 3: return .double(try double())
        case 4: return .boolean(try bool())
        case 5: return .string(try string())
        case 6: return .timestamp(try int64())
        case let tag where tag == 7 || tag == 8:
            let n = try count(limit: bytes.count - position)
            var items: [Scalar] = []
            for _ in 0..<n { items.append(try scalar(depth: depth + 1)) }
            return tag == 7 ? .array(items) : .structure(items)
        case let tag: throw corrupt("unknown scalar tag \(tag)")
        }
    }
}
