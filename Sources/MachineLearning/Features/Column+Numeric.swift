import Columnar

extension Column {
    /// The values of a numeric (or boolean) column as doubles, Spark's `cast(DoubleType)`;
    /// null rows hold 0 and are marked in ``validity``. Nil for other types.
    var doublesCast: [Double]? {
        switch storage {
        case .float64(let values): values
        case .int32(let values): values.map { Double($0) }
        case .int64(let values): values.map { Double($0) }
        case .boolean(let values): values.map { $0 ? 1 : 0 }
        default: nil
        }
    }

    /// A column of `type` (int, long or double) from doubles, with Spark's non-ANSI cast from
    /// double: truncation toward zero, NaN to 0, saturation at the type's bounds.
    static func fromDoubles(_ values: [Double], as type: DataType, validity: ValidityBitmap?) -> Column? {
        switch type {
        case .double:
            return Column(type: .double, count: values.count, validity: validity, storage: .float64(values))
        case .int:
            let converted = values.map { v -> Int32 in
                v.isNaN ? 0 : v >= Double(Int32.max) ? .max : v <= Double(Int32.min) ? .min : Int32(v.rounded(.towardZero))
            }
            return Column(type: .int, count: values.count, validity: validity, storage: .int32(converted))
        case .long:
            let converted = values.map { v -> Int64 in
                v.isNaN ? 0 : v >= 9.223372036854775807e18 ? .max : v <= -9.223372036854775808e18 ? .min : Int64(v.rounded(.towardZero))
            }
            return Column(type: .long, count: values.count, validity: validity, storage: .int64(converted))
        default:
            return nil
        }
    }
}
