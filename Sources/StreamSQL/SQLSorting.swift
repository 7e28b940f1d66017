public import Columnar
public import StreamOperators

/// `ORDER BY` and `LIMIT` over a bounded result, as a per-batch function (the engine has no
/// sort operator: a stream cannot be sorted). Spark's order: nulls first ascending, last
/// descending unless `NULLS FIRST/LAST` says otherwise; strings by their UTF-8 bytes; NaN above
/// every other double. The sort is stable.
struct SQLSorting {
    struct Key {
        var column: String
        var ascending: Bool
        var nullsFirst: Bool?
    }

    let keys: [Key]
    let limit: Int?

    var function: BatchFunction {
        let keys = keys
        let limit = limit
        return BatchFunction(
            name: "sort", outputSchema: { $0 },
            apply: { batch in
                var order = Array(0..<batch.rowCount)
                if !keys.isEmpty {
                    let columns = try keys.map { try batch.column($0.column) }
                    order.sort { a, b in
                        for (key, column) in zip(keys, columns) {
                            let c = Self.compare(column, a, b)
                            if c == 0 { continue }
                            let aNull = column.isNull(a), bNull = column.isNull(b)
                            if aNull || bNull {
                                let nullsFirst = key.nullsFirst ?? key.ascending
                                return aNull ? nullsFirst : !nullsFirst
                            }
                            return key.ascending ? c < 0 : c > 0
                        }
                        return a < b
                    }
                }
                if let limit, limit < order.count { order = Array(order.prefix(limit)) }
                return batch.take(order)
            })
    }

    /// -1, 0 or 1 comparing rows `a` and `b` (null equal to null; null vs value is non-zero).
    static func compare(_ column: Column, _ a: Int, _ b: Int) -> Int {
        let aNull = column.isNull(a), bNull = column.isNull(b)
        if aNull || bNull { return aNull == bNull ? 0 : (aNull ? -1 : 1) }
        switch column.storage {
        case .int32(let v): return v[a] < v[b] ? -1 : (v[a] > v[b] ? 1 : 0)
        case .int64(let v): return v[a] < v[b] ? -1 : (v[a] > v[b] ? 1 : 0)
        case .float64(let v):
            let x = v[a], y = v[b]
            if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
            return x < y ? -1 : (x > y ? 1 : 0)
        case .boolean(let v): return v[a] == v[b] ? 0 : (v[a] ? 1 : -1)
        case .utf8(let s):
            let x = Array(s.string(a).utf8), y = Array(s.string(b).utf8)
            return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        default:
            let x = column.scalar(at: a).description, y = column.scalar(at: b).description
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }
}
