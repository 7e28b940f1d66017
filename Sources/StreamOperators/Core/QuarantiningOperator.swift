public import JSONIngest

/// An operator that sets aside malformed input instead of failing the query.
public protocol QuarantiningOperator: PhysicalOperator {
    /// The messages set aside since the last call.
    func drainQuarantine() -> [QuarantinedMessage]
}
