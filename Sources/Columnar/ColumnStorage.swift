/// The physical buffer behind a ``Column``: one contiguous array per primitive type.
///
/// `int` uses `Int32`, `long` and `timestamp` use `Int64` (timestamps in microseconds),
/// `double` uses `Double`, `boolean` one byte per row, `string` a ``StringBuffer``.
/// Nested types hold child columns: a struct one column per field, a list an offset
/// array plus the flattened element column.
public indirect enum ColumnStorage: Sendable {
    case int32([Int32])
    case int64([Int64])
    case float64([Double])
    case boolean([Bool])
    case utf8(StringBuffer)
    case structure([Column])
    case list(offsets: [Int32], values: Column)
}
