public import Columnar

extension HyperLogLogPlusPlus {
    /// Adds row `row` of a column; a null row adds nothing, as in Spark.
    ///
    /// Why per row: a window aggregate routes each row to its group's sketch. Primitive
    /// columns hash in place; arrays and structs hash their elements chained, as Spark's
    /// `XxHash64Function` does (each element's hash is the seed of the next, nulls skipped).
    public mutating func add(_ column: Column, row: Int) {
        if column.isNull(row) { return }
        switch column.storage {
        case .int32(let values): add(int: values[row])
        case .int64(let values): add(long: values[row])
        case .float64(let values): add(double: values[row])
        case .boolean(let values): add(boolean: values[row])
        case .utf8(let buffer): buffer.withUTF8(row) { add(utf8: $0) }
        case .structure, .list:
            add(hash: XXHash64.hash(column, row: row, seed: XXHash64.sparkSeed))
        }
    }
}

extension XXHash64 {
    /// Spark's `XxHash64Function.hash` of row `row` of a column: `seed` itself for null.
    ///
    /// Why: nested values (the `window` struct, arrays) hash as the chain of their elements.
    /// Doubles are normalised as `approx_count_distinct` normalises them.
    public static func hash(_ column: Column, row: Int, seed: UInt64) -> UInt64 {
        if column.isNull(row) { return seed }
        switch column.storage {
        case .int32(let values): return hashInt(values[row], seed: seed)
        case .int64(let values): return hashLong(values[row], seed: seed)
        case .float64(let values): return hashLong(sparkDoubleBits(values[row]), seed: seed)
        case .boolean(let values): return hashInt(values[row] ? 1 : 0, seed: seed)
        case .utf8(let buffer): return buffer.withUTF8(row) { hashBytes($0, seed: seed) }
        case .structure(let children):
            var hash = seed
            for child in children { hash = XXHash64.hash(child, row: row, seed: hash) }
            return hash
        case .list(let offsets, let values):
            var hash = seed
            for element in Int(offsets[row])..<Int(offsets[row + 1]) {
                hash = XXHash64.hash(values, row: element, seed: hash)
            }
            return hash
        }
    }
}
