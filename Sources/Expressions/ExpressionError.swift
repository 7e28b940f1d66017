public import Columnar

/// Errors raised while analysing or evaluating an ``Expression``.
public enum ExpressionError: Error, Sendable, CustomStringConvertible {
    /// A referenced column is missing or ambiguous.
    case resolution(ColumnarError, expression: String)
    /// Operand types that the operation does not accept.
    case typeMismatch(expression: String, detail: String)
    /// A regular expression that does not compile.
    case invalidPattern(String, reason: String)
    /// A user function failed or returned a column of the wrong shape.
    case userFunction(name: String, reason: String)

    public var description: String {
        switch self {
        case .resolution(let error, let expression): "cannot resolve \(expression): \(error)"
        case .typeMismatch(let expression, let detail): "type mismatch in \(expression): \(detail)"
        case .invalidPattern(let pattern, let reason): "invalid regular expression '\(pattern)': \(reason)"
        case .userFunction(let name, let reason): "user function \(name) failed: \(reason)"
        }
    }
}
