/// The value of a document's id field: a JSON string or integer.
///
/// Ids keep their JSON type: the string `"7"` and the integer `7` are different ids on both
/// backends (SQLite compares `json_extract` values, PostgreSQL `jsonb` values).
public enum DocumentID: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case integer(Int64)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    /// The id as a ``DocumentValue``, for conditions.
    public var value: DocumentValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        }
    }

    /// The id as JSON (`"a"`, `7`).
    public var description: String { value.json }
}
