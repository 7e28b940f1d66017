/// Errors raised while building or addressing columnar data.
public enum ColumnarError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A query named a column the schema does not have.
    case unknownColumn(String, available: [String])
    /// A name matched more than one column under case-insensitive resolution.
    case ambiguousColumn(String, candidates: [String])
    /// Columns of one batch disagree on their row count.
    case lengthMismatch(column: String, expected: Int, actual: Int)
    /// A column holds a type other than the one an operation needs.
    case typeMismatch(column: String, expected: DataType, actual: DataType)

    public var description: String {
        switch self {
        case .unknownColumn(let name, let available):
            "no column named '\(name)'; available: \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case .ambiguousColumn(let name, let candidates):
            "column name '\(name)' is ambiguous: it matches \(candidates.joined(separator: ", ")); use case-sensitive resolution or rename one"
        case .lengthMismatch(let column, let expected, let actual):
            "column '\(column)' has \(actual) rows where the batch has \(expected)"
        case .typeMismatch(let column, let expected, let actual):
            "column '\(column)' is \(actual), expected \(expected)"
        }
    }
}
