/// A failure of a running query, with where it happened and whose fault it is.
public struct QueryError: Error, CustomStringConvertible {
    /// Whose problem it is, which tells an operator what to do about it.
    public enum Domain: String, Sendable {
        /// The query itself is wrong (a bad plan or option): fix the query.
        case user
        /// Input data broke a rule the query cannot bend: fix or skip the data.
        case data
        /// A system outside Stream360 failed (file system, broker, database): retrying may help.
        case external
        /// A bug in Stream360: please report it.
        case `internal`
    }

    public let query: String
    public let batchId: Int64?
    public let phase: String
    public let domain: Domain
    public let underlying: any Error
    /// How many times the failed step was attempted: more than 1 when a sink write was retried
    /// (see ``StreamingQueryConfiguration/sinkRetry``) before the query gave up.
    public let attempts: Int

    public init(query: String, batchId: Int64?, phase: String, domain: Domain, underlying: any Error, attempts: Int = 1) {
        self.query = query
        self.batchId = batchId
        self.phase = phase
        self.domain = domain
        self.underlying = underlying
        self.attempts = attempts
    }

    /// Whether running the batch again could succeed.
    public var isRetryable: Bool { domain == .external }

    public var description: String {
        let batch = batchId.map { " batch \($0)" } ?? ""
        return "query '\(query)'\(batch) failed in \(phase) (\(domain.rawValue) error): \(underlying)"
    }
}
