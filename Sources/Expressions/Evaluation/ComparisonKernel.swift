import Columnar

/// Element-wise comparison of two columns of the same type.
enum ComparisonKernel {
    static func compare(_ op: ComparisonOperator, _ l: Column, _ r: Column) -> Column {
        let count = l.count
        var out = [Bool](repeating: false, count: count)
        func fill<T: Comparable>(_ a: [T], _ b: [T]) {
            for i in 0..<count { out[i] = holds(op, a[i], b[i]) }
        }
        switch (l.storage, r.storage) {
        case (.int32(let a), .int32(let b)): fill(a, b)
        case (.int64(let a), .int64(let b)): fill(a, b)
        case (.float64(let a), .float64(let b)):
            // Spark orders NaN above every other double and treats NaN = NaN as true.
            for i in 0..<count { out[i] = holds(op, SparkDouble(a[i]), SparkDouble(b[i])) }
        case (.boolean(let a), .boolean(let b)):
            for i in 0..<count { out[i] = holds(op, a[i] ? 1 : 0, b[i] ? 1 : 0) }
        case (.utf8(let a), .utf8(let b)):
            a.bytes.withUnsafeBufferPointer { ab in
                b.bytes.withUnsafeBufferPointer { bb in
                    for i in 0..<count {
                        let x = UnsafeBufferPointer(rebasing: ab[a.range(i)])
                        let y = UnsafeBufferPointer(rebasing: bb[b.range(i)])
                        out[i] = holds(op, ByteOrder.compare(x, y), 0)
                    }
                }
            }
        default:
            for i in 0..<count { out[i] = l.scalar(at: i) == r.scalar(at: i) ? holds(op, 0, 0) : false }
        }
        if op == .equalNullSafe {
            for i in 0..<count {
                let ln = l.isNull(i), rn = r.isNull(i)
                if ln || rn { out[i] = ln && rn }
            }
            return Column(type: .boolean, count: count, validity: nil, storage: .boolean(out))
        }
        return Column(type: .boolean, count: count, validity: Validity.intersect(l.validity, r.validity), storage: .boolean(out))
    }

    @inline(__always)
    static func holds<T: Comparable>(_ op: ComparisonOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal, .equalNullSafe: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }
}

/// A double with Spark's total order: NaN equals NaN and sorts above +infinity.
struct SparkDouble: Comparable {
    let value: Double
    init(_ value: Double) { self.value = value }

    static func == (a: SparkDouble, b: SparkDouble) -> Bool {
        (a.value.isNaN && b.value.isNaN) || a.value == b.value
    }

    static func < (a: SparkDouble, b: SparkDouble) -> Bool {
        if a.value.isNaN { return false }
        if b.value.isNaN { return true }
        return a.value < b.value
    }
}

/// Unsigned byte-wise ordering of UTF-8 strings, which is Spark's string order.
public enum ByteOrder {
    @inline(__always)
    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        for i in 0..<n where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }
}
