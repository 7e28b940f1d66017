public import Columnar
public import Expressions
public import StreamOperators

/// Errors found while turning a DataFrame into a runnable plan: the query is wrong, not the data.
public enum PlanError: Error, CustomStringConvertible {
    case operatorSetup(OperatorError)
    case expression(ExpressionError, step: String)
    /// A join condition that the engine cannot execute, with what to change.
    case unsupportedJoin(String)
    /// A plan shape that needs something it lacks (e.g. an outer stream-stream join without watermarks).
    case invalidPlan(String)

    public var description: String {
        switch self {
        case .operatorSetup(let error): "\(error)"
        case .expression(let error, let step): "\(step): \(error)"
        case .unsupportedJoin(let detail): "unsupported join: \(detail)"
        case .invalidPlan(let detail): "invalid plan: \(detail)"
        }
    }
}
