import Columnar

/// The decoded non-null values of one leaf column, in the Stream360 representation.
///
/// INT96 and millisecond/nanosecond timestamps arrive as microseconds, FLOAT as `Double`,
/// BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY as strings. Values are appended page by page;
/// dictionary pages decode into a `LeafValues` of their own that indices then gather from.
enum LeafValues: Sendable {
    case int32([Int32])
    case int64([Int64])
    case double([Double])
    case boolean([Bool])
    case bytes(StringBuffer)

    var count: Int {
        switch self {
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .double(let v): v.count
        case .boolean(let v): v.count
        case .bytes(let b): b.count
        }
    }
}

/// How a leaf's stored values become Stream360 values.
enum LeafConversion: Sendable, Equatable {
    /// Stored as they are.
    case none
    /// INT64 milliseconds to microseconds.
    case millisToMicros
    /// INT64 nanoseconds to microseconds.
    case nanosToMicros
    /// INT96 (nanoseconds of day, Julian day) to microseconds since the epoch.
    case int96ToMicros
    /// FLOAT widened to DOUBLE.
    case floatToDouble
}
