/// One value of any ``DataType``, or null.
///
/// Scalars are for literals, tests and row-at-a-time edges (console output, keys of small
/// state tables). Kernels work on whole ``Column``s instead.
public indirect enum Scalar: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int32)
    case long(Int64)
    case double(Double)
    case boolean(Bool)
    case string(String)
    /// Microseconds since the epoch, UTC.
    case timestamp(Int64)
    case array([Scalar])
    case structure([Scalar])

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The type this value has on its own (`nil` for null, whose type comes from context).
    public var naturalType: DataType? {
        switch self {
        case .null: nil
        case .int: .int
        case .long: .long
        case .double: .double
        case .boolean: .boolean
        case .string: .string
        case .timestamp: .timestamp
        case .array(let items): .array(items.lazy.compactMap(\.naturalType).first ?? .string)
        case .structure(let items):
            .structure(items.enumerated().map { Field("col\($0.offset + 1)", $0.element.naturalType ?? .string) })
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .int(let v): String(v)
        case .long(let v): String(v)
        case .double(let v): String(v)
        case .boolean(let v): String(v)
        case .string(let v): v
        case .timestamp(let v): TimestampFormat.iso8601(micros: v)
        case .array(let v): "[" + v.map(\.description).joined(separator: ", ") + "]"
        case .structure(let v): "{" + v.map(\.description).joined(separator: ", ") + "}"
        }
    }
}
