import Columnar

/// Reads one message into column builders: the structure (array, records, names) of
/// `explode(from_json(value, ArrayType(StructType(…))))`, fused into one pass.
///
/// Values are appended as they are met. The caller rolls the builders back if the message
/// turns out to be malformed, so a bad message never leaves half a record behind.
struct MessageReader {
    var scanner: JSONScanner
    let plan: RecordPlan
    /// The plan's name bytes, valid while the message is read.
    var names: UnsafeBufferPointer<UInt8>
    /// Reused buffer for unescaped or re-serialized text.
    var scratch: [UInt8]
    /// For each field of the plan, the stamp of the object that last set it.
    var stamps: [UInt32]
    var stamp: UInt32
    /// Whether a non-string token in a string field keeps its exact source text (see
    /// ``JSONRecordDecoder/exactStringParsing``) instead of Jackson's re-serialization.
    var exactStringParsing = false

    /// Reads the message's first JSON value; returns how many records it held.
    mutating func readMessage(into builders: inout [ColumnBuilder]) throws(JSONIngestError) -> Int {
        if stamp > 0xF000_0000 {  // keep stamps from wrapping inside a message
            for i in stamps.indices { stamps[i] = 0 }
            stamp = 0
        }
        guard let first = scanner.peekSkippingWhitespace() else { return 0 }  // blank: from_json gives null
        var records = 0
        switch first {
        case UInt8(ascii: "["):
            scanner.position += 1
            if try scanner.nextByte(expecting: "a record or ']'") == UInt8(ascii: "]") {
                scanner.position += 1
                break
            }
            while true {
                let byte = try scanner.nextByte(expecting: "a record")
                if byte == UInt8(ascii: "n") {
                    // Spark 4 keeps a null element of the top-level array; `explode` turns it into
                    // a row and `select(e.*)` into a row whose every field is null.
                    try scanner.consumeLiteral("null")
                    for field in builders.indices { builders[field].appendNull() }
                } else {
                    guard byte == UInt8(ascii: "{") else {
                        throw .elementNotObject(offset: scanner.position, element: records, found: Self.describeToken(byte))
                    }
                    scanner.position += 1
                    try readObject(level: 0, into: &builders, depth: 2)
                }
                records += 1
                if try scanner.endOfMember(closing: UInt8(ascii: "]")) { break }
            }
        case UInt8(ascii: "{"):
            scanner.position += 1
            try readObject(level: 0, into: &builders, depth: 1)
            records = 1
        default:
            throw .notArrayOrObject(offset: scanner.position, found: Self.describeToken(first))
        }
        // Whatever follows the first value is ignored, as Jackson stops after it in `from_json`
        // and `spark.read.json` (Spark 4.3: `[{…}] trailing`, `[{…}][{…}]`, `{…} x` all read
        // the first value; checked with PySpark 4.3.0).
        return records
    }

    /// Reads the members of an object whose `{` was consumed, one value per field of `level`
    /// (null for missing names; the last one wins for repeated names; unknown names skipped).
    mutating func readObject(level index: Int, into builders: inout [ColumnBuilder], depth: Int) throws(JSONIngestError) {
        let level = plan.levels[index]
        stamp &+= 1
        let current = stamp
        if try scanner.nextByte(expecting: "a name or '}'") == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            var guess = 0
            while true {
                let name = try scanner.scanName()
                let field = lookup(name.range, hasEscapes: name.hasEscapes, level: level, guess: guess)
                try scanner.expectColon()
                if field >= 0 {
                    guess = field + 1
                    let global = level.firstField + field
                    if stamps[global] == current {
                        builders[field].truncate(to: builders[field].count - 1)
                    }
                    stamps[global] = current
                    try readValue(plan.kinds[global], into: &builders[field], depth: depth)
                } else {
                    try scanner.skipValue(depth: depth)
                }
                if try scanner.endOfMember(closing: UInt8(ascii: "}")) { break }
            }
        }
        for field in 0..<level.fieldCount where stamps[level.firstField + field] != current {
            builders[field].appendNull()
        }
    }

    /// The field of `level` named by the raw name bytes, or -1.
    @inline(__always)
    private mutating func lookup(_ range: Range<Int>, hasEscapes: Bool, level: RecordPlan.Level, guess: Int) -> Int {
        if hasEscapes {
            var decoded: [UInt8] = []
            scanner.unescape(range, into: &decoded)
            return decoded.withUnsafeBufferPointer { find($0, level: level, guess: guess) }
        }
        return find(UnsafeBufferPointer(rebasing: scanner.bytes[range]), level: level, guess: guess)
    }

    @inline(__always)
    private func find(_ name: UnsafeBufferPointer<UInt8>, level: RecordPlan.Level, guess: Int) -> Int {
        // Keys usually arrive in schema order: try the field after the last match first.
        if guess < level.fieldCount, nameMatches(name, field: level.firstField + guess) { return guess }
        let mask = level.table.count - 1
        var slot = Int(RecordPlan.hash(name) & UInt64(mask))
        while true {
            let entry = Int(level.table[slot])
            if entry == 0 { return -1 }
            if nameMatches(name, field: level.firstField + entry - 1) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func nameMatches(_ name: UnsafeBufferPointer<UInt8>, field: Int) -> Bool {
        let length = plan.nameLength[field]
        guard name.count == length else { return false }
        let start = plan.nameStart[field]
        for k in 0..<length where name[k] != names[start + k] { return false }
        return true
    }

    /// What a value starting with `byte` is, for error messages.
    static func describeToken(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): "a string"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        default: JSONScanner.describe(byte)
        }
    }
}
