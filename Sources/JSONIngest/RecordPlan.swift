import Columnar

/// What the decoder expects at one place of the schema, without any payload to copy.
enum ValueKind: Sendable, Equatable {
    case string, int32, int64, double, boolean, timestamp
    /// A nested record: the index of its ``RecordPlan/Level``.
    case structure(level: Int)
    /// A list: the index of its element kind in ``RecordPlan/elementKinds``.
    case array(element: Int)
}

/// A schema compiled for decoding: each record level's names as bytes and their value kinds.
///
/// Fields of every level live in one flat numbering (`level.firstField + index`), so the
/// decoder's per-field bookkeeping is a single array. Names are matched case-sensitively,
/// byte for byte, as `from_json` does; a small open-addressing table of name hashes serves
/// keys that do not arrive in schema order.
struct RecordPlan: Sendable {
    struct Level: Sendable {
        var firstField: Int
        var fieldCount: Int
        /// Open-addressing table (size a power of two) of `field + 1`, 0 when empty.
        var table: [Int32]
    }

    var levels: [Level] = []
    var kinds: [ValueKind] = []
    var elementKinds: [ValueKind] = []
    var nameBytes: [UInt8] = []
    var nameStart: [Int] = []
    var nameLength: [Int] = []

    init(fields: [Field]) {
        _ = addLevel(fields)
    }

    /// Compiles a record level and everything under it; returns its index.
    private mutating func addLevel(_ fields: [Field]) -> Int {
        let index = levels.count
        let first = kinds.count
        levels.append(Level(firstField: first, fieldCount: fields.count, table: []))
        for field in fields {
            nameStart.append(nameBytes.count)
            nameLength.append(field.name.utf8.count)
            nameBytes.append(contentsOf: field.name.utf8)
            kinds.append(.string)  // placeholder until nested levels are numbered
        }
        for (offset, field) in fields.enumerated() {
            kinds[first + offset] = kind(of: field.type)
        }
        var size = 4
        while size < fields.count * 2 { size *= 2 }
        var table = [Int32](repeating: 0, count: size)
        for (offset, field) in fields.enumerated() {
            var slot = Int(Self.hash(Array(field.name.utf8)[...]) & UInt64(size - 1))
            while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Int32(offset + 1)
        }
        levels[index].table = table
        return index
    }

    private mutating func kind(of type: DataType) -> ValueKind {
        switch type {
        case .string: return .string
        case .int: return .int32
        case .long: return .int64
        case .double: return .double
        case .boolean: return .boolean
        case .timestamp: return .timestamp
        case .structure(let fields): return .structure(level: addLevel(fields))
        case .array(let element):
            let slot = elementKinds.count
            elementKinds.append(.string)
            elementKinds[slot] = kind(of: element)
            return .array(element: slot)
        }
    }

    /// FNV-1a over the name's bytes.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        return hash
    }
}
