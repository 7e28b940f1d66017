import Columnar

/// Element-wise arithmetic on numeric columns, after widening both sides to the result type.
///
/// Integer overflow wraps (Spark's non-ANSI behaviour); division or remainder by zero gives
/// null, as in Spark.
enum ArithmeticKernel {
    static func apply(_ op: ArithmeticOperator, _ l: Column, _ r: Column, resultType: DataType) throws(ExpressionError) -> Column {
        let work: DataType = op == .divide ? .double : resultType
        let lw = CastKernel.cast(l, to: work)
        let rw = CastKernel.cast(r, to: work)
        let validity = Validity.intersect(lw.validity, rw.validity)
        let dividing = op == .divide || op == .remainder
        switch work {
        case .double:
            let (values, zeros) = compute(lw.doubleValues, rw.doubleValues, isZero: { dividing && $0 == 0 }) { a, b in
                switch op {
                case .add: a + b
                case .subtract: a - b
                case .multiply: a * b
                case .divide: a / b
                case .remainder: a.truncatingRemainder(dividingBy: b)
                }
            }
            return Column(type: .double, count: l.count, validity: nullOut(zeros, validity, count: l.count), storage: .float64(values))
        case .long:
            let (values, zeros) = compute(lw.int64Values, rw.int64Values, isZero: { dividing && $0 == 0 }) { integerResult(op, $0, $1) }
            return Column(type: .long, count: l.count, validity: nullOut(zeros, validity, count: l.count), storage: .int64(values))
        case .int:
            let (values, zeros) = compute(lw.int32Values, rw.int32Values, isZero: { dividing && $0 == 0 }) { integerResult(op, $0, $1) }
            return Column(type: .int, count: l.count, validity: nullOut(zeros, validity, count: l.count), storage: .int32(values))
        default:
            throw .typeMismatch(expression: "\(op.rawValue)", detail: "arithmetic on \(work)")
        }
    }

    /// Applies `operation` row by row, listing the rows `isZero` flags (zero divisors) for nulling.
    private static func compute<T>(
        _ a: [T], _ b: [T], isZero: (T) -> Bool, _ operation: (T, T) -> T
    ) -> (values: [T], zeroDivisors: [Int]) {
        var zeros: [Int] = []
        let values = (0..<a.count).map { i in
            if isZero(b[i]) { zeros.append(i) }
            return operation(a[i], b[i])
        }
        return (values, zeros)
    }

    private static func integerResult<T: FixedWidthInteger>(_ op: ArithmeticOperator, _ a: T, _ b: T) -> T {
        switch op {
        case .add: a &+ b
        case .subtract: a &- b
        case .multiply: a &* b
        case .divide: b == 0 ? 0 : (b == -1 ? 0 &- a : a / b)
        case .remainder: b == 0 || b == -1 ? 0 : a % b
        }
    }

    private static func nullOut(_ rows: [Int], _ validity: ValidityBitmap?, count: Int) -> ValidityBitmap? {
        guard !rows.isEmpty else { return validity }
        var bits = validity ?? ValidityBitmap(repeating: true, count: count)
        for row in rows { bits.set(row, valid: false) }
        return bits
    }
}
