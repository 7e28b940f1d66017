internal import CXGBoost

/// The innermost ring's one rule: every XGBoost C call returns a status, and a non-zero status
/// becomes ``XGBoostError/library(function:message:)`` with XGBoost's own message.
enum XGBoostCall {
    /// Throws when `status` reports a failure of `function`.
    @inline(__always)
    static func check(_ status: Int32, _ function: String) throws(XGBoostError) {
        guard status != 0 else { return }
        let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
        throw .library(function: function, message: message)
    }
}
