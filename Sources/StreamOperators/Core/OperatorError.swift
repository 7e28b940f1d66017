public import Columnar
public import Expressions

/// Errors raised while planning or running physical operators.
public enum OperatorError: Error, Sendable, CustomStringConvertible {
    /// An expression failed inside an operator.
    case expression(ExpressionError, operator: String)
    case columnar(ColumnarError, operator: String)
    /// An operator was given input it cannot process.
    case invalidInput(operator: String, detail: String)
    /// A state snapshot could not be restored: damaged, of a newer version, or written by a
    /// differently configured operator.
    case corruptSnapshot(operator: String, detail: String)

    public var description: String {
        switch self {
        case .expression(let error, let op): "\(op): \(error)"
        case .columnar(let error, let op): "\(op): \(error)"
        case .invalidInput(let op, let detail): "\(op): \(detail)"
        case .corruptSnapshot(let op, let detail): "\(op): cannot restore its state snapshot: \(detail)"
        }
    }
}
