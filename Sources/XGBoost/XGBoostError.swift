/// Errors raised by the XGBoost binding.
///
/// ``library(function:message:)`` carries what XGBoost itself said (its `XGBGetLastError`)
/// together with the C function that failed, so that a bad parameter reads as
/// `XGBoosterSetParam: Invalid Parameter format for max_depth expect int but value='x'`.
/// The other cases are caught before XGBoost is called.
public enum XGBoostError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An XGBoost C function returned a failure status; `message` is XGBoost's last error.
    case library(function: String, message: String)
    /// A buffer does not hold `rows × columns` values, or labels do not match the row count.
    case shapeMismatch(detail: String)
    /// A model file or buffer could not be read or written.
    case io(path: String, detail: String)

    public var description: String {
        switch self {
        case .library(let function, let message):
            return "XGBoost \(function) failed: \(message.prefix(500))"
        case .shapeMismatch(let detail):
            return "XGBoost input has the wrong shape: \(detail)"
        case .io(let path, let detail):
            return "\(path): \(detail)"
        }
    }
}
