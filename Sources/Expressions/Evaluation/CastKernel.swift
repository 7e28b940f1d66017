public import Columnar

/// Spark's non-ANSI `CAST` between the supported types: a value that does not convert is null.
///
/// Strings are parsed with ``SparkText`` (Spark's own rules: trimmed, `"12.0"` → 12 for
/// integers, `yyyy-M-d[ HH:mm:ss[.ffffff]][zone]` for timestamps). Numeric narrowing wraps
/// like Scala's `toInt`; doubles truncate toward zero and saturate, NaN gives 0.
public enum CastKernel {
    public static func cast(_ column: Column, to type: DataType) -> Column {
        if column.type == type { return column }
        switch (column.type, type) {
        case (.string, .int): return fromStrings(column, type) { b, out in SparkText.parseInt32(b).map { out.append($0) } != nil }
        case (.string, .long): return fromStrings(column, type) { b, out in SparkText.parseInt64(b).map { out.append($0) } != nil }
        case (.string, .double): return fromStrings(column, type) { b, out in SparkText.parseDouble(b).map { out.append($0) } != nil }
        case (.string, .boolean): return fromStrings(column, type) { b, out in SparkText.parseBoolean(b).map { out.append($0) } != nil }
        case (.string, .timestamp): return fromStrings(column, type) { b, out in SparkText.parseTimestamp(b).map { out.append($0) } != nil }
        case (.int, .long): return Column(type: .long, count: column.count, validity: column.validity, storage: .int64(column.int32Values.map(Int64.init)))
        case (.int, .double): return Column(type: .double, count: column.count, validity: column.validity, storage: .float64(column.int32Values.map(Double.init)))
        case (.long, .double): return Column(type: .double, count: column.count, validity: column.validity, storage: .float64(column.int64Values.map(Double.init)))
        case (.long, .int): return Column(type: .int, count: column.count, validity: column.validity, storage: .int32(column.int64Values.map { Int32(truncatingIfNeeded: $0) }))
        case (.double, .long): return Column(type: .long, count: column.count, validity: column.validity, storage: .int64(column.doubleValues.map(saturatingInt64)))
        case (.double, .int): return Column(type: .int, count: column.count, validity: column.validity, storage: .int32(column.doubleValues.map(saturatingInt32)))
        case (.boolean, .int): return Column(type: .int, count: column.count, validity: column.validity, storage: .int32(column.booleanValues.map { $0 ? 1 : 0 }))
        case (.boolean, .long): return Column(type: .long, count: column.count, validity: column.validity, storage: .int64(column.booleanValues.map { $0 ? 1 : 0 }))
        case (.boolean, .double): return Column(type: .double, count: column.count, validity: column.validity, storage: .float64(column.booleanValues.map { $0 ? 1 : 0 }))
        case (.int, .boolean): return Column(type: .boolean, count: column.count, validity: column.validity, storage: .boolean(column.int32Values.map { $0 != 0 }))
        case (.long, .boolean): return Column(type: .boolean, count: column.count, validity: column.validity, storage: .boolean(column.int64Values.map { $0 != 0 }))
        case (.double, .boolean): return Column(type: .boolean, count: column.count, validity: column.validity, storage: .boolean(column.doubleValues.map { $0 != 0 }))
        case (.timestamp, .long):
            return Column(type: .long, count: column.count, validity: column.validity,
                          storage: .int64(column.int64Values.map { floorDivide($0, TimestampFormat.microsPerSecond) }))
        case (.long, .timestamp):
            return Column(type: .timestamp, count: column.count, validity: column.validity,
                          storage: .int64(column.int64Values.map { $0 &* TimestampFormat.microsPerSecond }))
        case (.int, .timestamp):
            return Column(type: .timestamp, count: column.count, validity: column.validity,
                          storage: .int64(column.int32Values.map { Int64($0) * TimestampFormat.microsPerSecond }))
        case (.timestamp, .double):
            return Column(type: .double, count: column.count, validity: column.validity,
                          storage: .float64(column.int64Values.map { Double($0) / Double(TimestampFormat.microsPerSecond) }))
        case (_, .string): return toStrings(column)
        default:
            return Column(repeating: .null, type: type, count: column.count)
        }
    }

    private static func fromStrings(
        _ column: Column, _ type: DataType,
        _ parse: (UnsafeBufferPointer<UInt8>, inout ColumnBuilder) -> Bool
    ) -> Column {
        let strings = column.strings
        var builder = ColumnBuilder(type: type, capacity: column.count)
        strings.bytes.withUnsafeBufferPointer { all in
            for row in 0..<column.count {
                if column.isNull(row) || !parse(UnsafeBufferPointer(rebasing: all[strings.range(row)]), &builder) {
                    builder.appendNull()
                }
            }
        }
        return builder.finish()
    }

    private static func toStrings(_ column: Column) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: column.count)
        for row in 0..<column.count {
            if column.isNull(row) {
                builder.appendNull()
                continue
            }
            switch column.storage {
            case .int32(let v): builder.append(String(v[row]))
            case .int64(let v):
                builder.append(column.type == .timestamp ? SparkText.formatTimestamp(v[row]) : String(v[row]))
            case .float64(let v): builder.append(SparkText.formatDouble(v[row]))
            case .boolean(let v): builder.append(v[row] ? "true" : "false")
            default: builder.append(column.scalar(at: row).description)
            }
        }
        return builder.finish()
    }

    static func saturatingInt64(_ x: Double) -> Int64 {
        if x.isNaN { return 0 }
        if x >= 9.223372036854775807e18 { return .max }
        if x <= -9.223372036854775808e18 { return .min }
        return Int64(x)
    }

    static func saturatingInt32(_ x: Double) -> Int32 {
        if x.isNaN { return 0 }
        if x >= 2147483647 { return .max }
        if x <= -2147483648 { return .min }
        return Int32(x)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
