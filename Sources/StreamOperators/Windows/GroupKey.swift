import Columnar
import Expressions

/// The grouping (or join) key of every row of a batch, encoded into one byte arena.
///
/// Row `r`'s key is `bytes[offsets[r] ..< offsets[r + 1]]`; equal keys have equal bytes
/// (null distinct from every value, strings length-prefixed, -0.0 and NaN normalized).
/// Encoding works a column at a time, so no per-row allocation or type dispatch is needed.
struct EncodedKeys {
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    /// Whether any key column is null in row `r` (such keys never match in joins).
    var hasNull: [Bool] = []

    var count: Int { offsets.count - 1 }

    func withKey<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offsets[row]..<offsets[row + 1]])) }
    }

    func key(_ row: Int) -> [UInt8] { Array(bytes[offsets[row]..<offsets[row + 1]]) }
}

/// Encodes the key columns of a batch (see ``EncodedKeys``).
struct GroupKeyEncoder {
    let columns: [Column]

    func encodeAll(rowCount: Int) -> EncodedKeys {
        var lengths = [Int](repeating: 0, count: rowCount)
        var keys = EncodedKeys()
        keys.hasNull = [Bool](repeating: false, count: rowCount)
        for column in columns {
            for row in 0..<rowCount { lengths[row] += 1 + Self.width(column, row) }
        }
        keys.offsets.reserveCapacity(rowCount + 1)
        for row in 0..<rowCount { keys.offsets.append(keys.offsets[row] + lengths[row]) }
        var cursor = Array(keys.offsets.dropLast())
        keys.bytes = [UInt8](repeating: 0, count: keys.offsets[rowCount])
        keys.bytes.withUnsafeMutableBufferPointer { out in
            for column in columns {
                for row in 0..<rowCount where column.isNull(row) { keys.hasNull[row] = true }
                Self.write(column, rowCount: rowCount, into: out, cursor: &cursor)
            }
        }
        return keys
    }

    private static func width(_ column: Column, _ row: Int) -> Int {
        if column.isNull(row) { return 0 }
        switch column.storage {
        case .int32: return 4
        case .int64, .float64: return 8
        case .boolean: return 1
        case .utf8(let strings): return 4 + strings.range(row).count
        case .structure, .list: return 4 + column.scalar(at: row).description.utf8.count
        }
    }

    private static func write(_ column: Column, rowCount: Int, into out: UnsafeMutableBufferPointer<UInt8>, cursor: inout [Int]) {
        func put<T>(_ value: T, _ row: Int) {
            withUnsafeBytes(of: value) { raw in
                for b in raw {
                    out[cursor[row]] = b
                    cursor[row] += 1
                }
            }
        }
        for row in 0..<rowCount {
            if column.isNull(row) {
                out[cursor[row]] = 0
                cursor[row] += 1
            } else {
                out[cursor[row]] = 1
                cursor[row] += 1
            }
        }
        switch column.storage {
        case .int32(let v): for row in 0..<rowCount where !column.isNull(row) { put(v[row], row) }
        case .int64(let v): for row in 0..<rowCount where !column.isNull(row) { put(v[row], row) }
        case .float64(let v):
            for row in 0..<rowCount where !column.isNull(row) {
                let normalized = v[row] == 0 ? 0.0 : (v[row].isNaN ? .nan : v[row])
                put(normalized.bitPattern, row)
            }
        case .boolean(let v): for row in 0..<rowCount where !column.isNull(row) { put(v[row] ? UInt8(1) : 0, row) }
        case .utf8(let strings):
            strings.bytes.withUnsafeBufferPointer { all in
                for row in 0..<rowCount where !column.isNull(row) {
                    let range = strings.range(row)
                    put(UInt32(range.count), row)
                    for i in range {
                        out[cursor[row]] = all[i]
                        cursor[row] += 1
                    }
                }
            }
        case .structure, .list:
            for row in 0..<rowCount where !column.isNull(row) {
                let text = Array(column.scalar(at: row).description.utf8)
                put(UInt32(text.count), row)
                for b in text {
                    out[cursor[row]] = b
                    cursor[row] += 1
                }
            }
        }
    }
}

extension GroupKeyEncoder {
    /// An encoder over the columns `expressions` evaluate to on `batch`, integral keys widened to
    /// longs so that an int key and a bigint key of equal value encode alike (join sides, and the
    /// exchange that must send both sides' equal keys to one partition).
    init(evaluating expressions: [Expression], on batch: RecordBatch, evaluator: ExpressionEvaluator,
         operator name: String) throws(OperatorError) {
        var columns: [Column] = []
        for expression in expressions {
            do {
                let column = try evaluator.evaluate(expression, on: batch)
                columns.append(column.type == .int ? CastKernel.cast(column, to: .long) : column)
            } catch {
                throw .expression(error, operator: name)
            }
        }
        self.init(columns: columns)
    }
}
