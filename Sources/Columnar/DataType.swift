/// The logical type of a column, mirroring the Spark SQL types Stream360 supports.
///
/// Every type is nullable at the column level; nullability lives in ``Field``.
/// Timestamps are instants in UTC with microsecond precision, stored as `Int64`
/// microseconds since the Unix epoch, exactly as Spark stores `TimestampType`.
public indirect enum DataType: Sendable, Hashable, CustomStringConvertible {
    /// UTF-8 text.
    case string
    /// 32-bit signed integer (Spark `int`).
    case int
    /// 64-bit signed integer (Spark `bigint`).
    case long
    /// IEEE 754 double precision.
    case double
    /// `true` / `false`.
    case boolean
    /// UTC instant, microseconds since 1970-01-01T00:00:00Z.
    case timestamp
    /// A variable-length list whose elements share one type.
    case array(DataType)
    /// A record of named fields, such as the `window` column (`start`, `end`).
    case structure([Field])

    public var description: String {
        switch self {
        case .string: "string"
        case .int: "int"
        case .long: "bigint"
        case .double: "double"
        case .boolean: "boolean"
        case .timestamp: "timestamp"
        case .array(let element): "array<\(element)>"
        case .structure(let fields):
            "struct<" + fields.map { "\($0.name):\($0.type)" }.joined(separator: ",") + ">"
        }
    }

    /// Whether values of this type are numbers that arithmetic and `sum` accept.
    public var isNumeric: Bool {
        switch self {
        case .int, .long, .double: true
        default: false
        }
    }
}
