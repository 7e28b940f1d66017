public import Columnar

/// Writes rows as JSON lines the way the fixtures' `expected/` files are written.
///
/// Keys in column order; nulls as `null`; timestamps as ISO-8601 UTC strings
/// (`2024-01-01T00:00:30Z`); ints and longs as JSON integers; doubles in the shortest
/// form that round-trips (`40612.0`, `74.11`), NaN and infinities as Python writes them;
/// structs as objects and arrays as lists.
public enum JSONLinesEncoder {
    /// Appends one line per row of `batch` to `out`.
    public static func encode(_ batch: RecordBatch, into out: inout [UInt8]) {
        let keys = batch.schema.fields.map { field -> [UInt8] in
            var key: [UInt8] = []
            appendString(field.name, to: &key)
            key.append(0x3A)
            return key
        }
        for row in 0..<batch.rowCount {
            out.append(0x7B)
            for (i, column) in batch.columns.enumerated() {
                if i > 0 { out.append(0x2C) }
                out.append(contentsOf: keys[i])
                appendValue(column, row: row, to: &out)
            }
            out.append(contentsOf: [0x7D, 0x0A])
        }
    }

    /// The rows of `batch` as a JSON-lines string.
    public static func string(_ batch: RecordBatch) -> String {
        var out: [UInt8] = []
        encode(batch, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    package static func appendValue(_ column: Column, row: Int, to out: inout [UInt8]) {
        if column.isNull(row) {
            out.append(contentsOf: Array("null".utf8))
            return
        }
        switch column.storage {
        case .int32(let v): out.append(contentsOf: Array(String(v[row]).utf8))
        case .int64(let v):
            if column.type == .timestamp {
                appendString(TimestampFormat.iso8601(micros: v[row]), to: &out)
            } else {
                out.append(contentsOf: Array(String(v[row]).utf8))
            }
        case .float64(let v): out.append(contentsOf: Array(formatDouble(v[row]).utf8))
        case .boolean(let v): out.append(contentsOf: Array((v[row] ? "true" : "false").utf8))
        case .utf8(let strings): strings.withUTF8(row) { appendString($0, to: &out) }
        case .structure(let children):
            guard case .structure(let fields) = column.type else { return }
            out.append(0x7B)
            for (i, child) in children.enumerated() {
                if i > 0 { out.append(0x2C) }
                appendString(fields[i].name, to: &out)
                out.append(0x3A)
                appendValue(child, row: row, to: &out)
            }
            out.append(0x7D)
        case .list(let offsets, let values):
            out.append(0x5B)
            for (n, j) in (Int(offsets[row])..<Int(offsets[row + 1])).enumerated() {
                if n > 0 { out.append(0x2C) }
                appendValue(values, row: j, to: &out)
            }
            out.append(0x5D)
        }
    }

    /// Python's `repr(float)` for finite values: shortest round-trip digits, `.0` on integers.
    public static func formatDouble(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return value.description
    }

    /// Appends `string` as a quoted, escaped JSON string.
    public static func appendString(_ string: String, to out: inout [UInt8]) {
        var copy = string
        copy.withUTF8 { appendString($0, to: &out) }
    }

    package static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in bytes {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
