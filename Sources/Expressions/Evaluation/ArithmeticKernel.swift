import Columnar

/// Element-wise arithmetic on numeric columns, after widening both sides to the result type.
///
/// Integer overflow wraps (Spark's non-ANSI behaviour); division by zero gives null, as in Spark.
enum ArithmeticKernel {
    static func apply(_ op: ArithmeticOperator, _ l: Column, _ r: Column, resultType: DataType) throws(ExpressionError) -> Column {
        let work: DataType = op == .divide ? .double : resultType
        let lw = CastKernel.cast(l, to: work)
        let rw = CastKernel.cast(r, to: work)
        var validity = Validity.intersect(lw.validity, rw.validity)
        let count = l.count
        switch work {
        case .double:
            let a = lw.doubleValues, b = rw.doubleValues
            var out = [Double](repeating: 0, count: count)
            var zeroDivisors: [Int] = []
            for i in 0..<count {
                switch op {
                case .add: out[i] = a[i] + b[i]
                case .subtract: out[i] = a[i] - b[i]
                case .multiply: out[i] = a[i] * b[i]
                case .divide, .remainder:
                    if b[i] == 0 {
                        zeroDivisors.append(i)
                    } else {
                        out[i] = op == .divide ? a[i] / b[i] : a[i].truncatingRemainder(dividingBy: b[i])
                    }
                }
            }
            validity = nullOut(zeroDivisors, validity, count: count)
            return Column(type: .double, count: count, validity: validity, storage: .float64(out))
        case .long:
            let a = lw.int64Values, b = rw.int64Values
            var out = [Int64](repeating: 0, count: count)
            var zeroDivisors: [Int] = []
            for i in 0..<count {
                switch op {
                case .add: out[i] = a[i] &+ b[i]
                case .subtract: out[i] = a[i] &- b[i]
                case .multiply: out[i] = a[i] &* b[i]
                case .divide, .remainder:
                    if b[i] == 0 { zeroDivisors.append(i) } else { out[i] = a[i] % b[i] }
                }
            }
            validity = nullOut(zeroDivisors, validity, count: count)
            return Column(type: .long, count: count, validity: validity, storage: .int64(out))
        case .int:
            let a = lw.int32Values, b = rw.int32Values
            var out = [Int32](repeating: 0, count: count)
            var zeroDivisors: [Int] = []
            for i in 0..<count {
                switch op {
                case .add: out[i] = a[i] &+ b[i]
                case .subtract: out[i] = a[i] &- b[i]
                case .multiply: out[i] = a[i] &* b[i]
                case .divide, .remainder:
                    if b[i] == 0 { zeroDivisors.append(i) } else { out[i] = a[i] % b[i] }
                }
            }
            validity = nullOut(zeroDivisors, validity, count: count)
            return Column(type: .int, count: count, validity: validity, storage: .int32(out))
        default:
            throw .typeMismatch(expression: "\(op.rawValue)", detail: "arithmetic on \(work)")
        }
    }

    private static func nullOut(_ rows: [Int], _ validity: ValidityBitmap?, count: Int) -> ValidityBitmap? {
        guard !rows.isEmpty else { return validity }
        var bits = validity ?? ValidityBitmap(repeating: true, count: count)
        for row in rows { bits.set(row, valid: false) }
        return bits
    }
}
