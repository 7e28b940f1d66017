import Columnar

/// Collects the non-null values of a leaf page by page, from PLAIN pages and dictionary indices.
struct LeafValueAccumulator {
    private var int32s: [Int32] = []
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var booleans: [Bool] = []
    private var strings = StringBuffer()
    private let kind: PhysicalType

    init(physical: PhysicalType, capacity: Int) {
        switch physical {
        case .int96: kind = .int64
        case .float: kind = .double
        case .fixedLenByteArray: kind = .byteArray
        default: kind = physical
        }
        switch kind {
        case .int32: int32s.reserveCapacity(capacity)
        case .int64: int64s.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        default: break
        }
    }

    /// Appends decoded PLAIN values.
    mutating func append(_ values: LeafValues) {
        switch values {
        case .int32(let v): if int32s.isEmpty { int32s = v } else { int32s += v }
        case .int64(let v): if int64s.isEmpty { int64s = v } else { int64s += v }
        case .double(let v): if doubles.isEmpty { doubles = v } else { doubles += v }
        case .boolean(let v): booleans += v
        case .bytes(let b):
            if strings.count == 0 { strings = b } else {
                b.bytes.withUnsafeBufferPointer { all in
                    for i in 0..<b.count { strings.append(UnsafeBufferPointer(rebasing: all[b.range(i)])) }
                }
            }
        }
    }

    /// Appends the dictionary entries that `indices` name.
    /// - Throws: a description of the first index past the dictionary's end.
    mutating func append(_ dictionary: LeafValues, indices: [UInt32]) throws(ThriftError) {
        let size = dictionary.count
        for index in indices where Int(index) >= size {
            throw ThriftError("dictionary index \(index) is past the dictionary's \(size) entries")
        }
        switch dictionary {
        case .int32(let d): for i in indices { int32s.append(d[Int(i)]) }
        case .int64(let d): for i in indices { int64s.append(d[Int(i)]) }
        case .double(let d): for i in indices { doubles.append(d[Int(i)]) }
        case .boolean(let d): for i in indices { booleans.append(d[Int(i)]) }
        case .bytes(let b):
            b.bytes.withUnsafeBufferPointer { all in
                for i in indices { strings.append(UnsafeBufferPointer(rebasing: all[b.range(Int(i))])) }
            }
        }
    }

    func finish() -> LeafValues {
        switch kind {
        case .int32: .int32(int32s)
        case .int64: .int64(int64s)
        case .double: .double(doubles)
        case .boolean: .boolean(booleans)
        default: .bytes(strings)
        }
    }
}
