/// How a query retries a sink write that failed with a transient error: exponential back-off,
/// bounded by a number of attempts and by a total time.
///
/// Only the sink write (`addBatch`) of a batch is retried, with the same batch id and the same
/// rows: the plan is not run again, since that would apply the batch twice to stateful
/// operators, and sinks are idempotent by batch id. Only errors that declare themselves
/// transient (``Connectors/TransientFailure``) are retried; any other error fails the query at
/// once. The wait before retry *n* (n = 1 after the first failed attempt) is
/// `initialBackoff × multiplier^(n−1)`, capped at ``maxBackoff``. There is no random jitter:
/// a query has one writer per sink, so there is no herd to spread, and tests see exact delays.
///
/// The query gives up, failing with a ``QueryError`` that names the attempts and the time
/// spent, when ``maxAttempts`` writes failed or when the next wait would end more than
/// ``maxElapsed`` after the first attempt started. The default keeps trying for about five
/// minutes (0.5 s, 1 s, 2 s, … 30 s, 30 s, …), long enough for a database restart or a
/// fail-over, short enough that a query does not hang silently on a server that is gone.
///
/// ```swift
/// // A PostgreSQL sink that may wait up to ten minutes for the server to come back.
/// var configuration = StreamingQueryConfiguration(name: "churn", checkpointLocation: "checkpoints/churn")
/// configuration.sinkRetry = RetryPolicy(maxElapsed: .seconds(600), initialBackoff: .seconds(1))
/// ```
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// The most writes of one batch, the first included; nil: limited by ``maxElapsed`` only.
    /// 1 never retries.
    public var maxAttempts: Int?
    /// The longest time from the start of the first attempt to the end of the last wait; nil:
    /// limited by ``maxAttempts`` only. A wait that would end later is not started.
    public var maxElapsed: Duration?
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// What each wait is multiplied by for the next one (1 to 100; 1 waits ``initialBackoff`` every time).
    public var multiplier: Double
    /// The longest single wait.
    public var maxBackoff: Duration

    /// - Parameters:
    ///   - maxAttempts: the most writes of one batch, the first included; nil for no count limit.
    ///   - maxElapsed: the time budget from the first attempt; nil for no time limit (then
    ///     `maxAttempts` must be set). Default 5 minutes.
    ///   - initialBackoff: the first wait. Default 0.5 s.
    ///   - multiplier: the growth of each wait. Default 2.
    ///   - maxBackoff: the cap on one wait. Default 30 s.
    public init(
        maxAttempts: Int? = nil, maxElapsed: Duration? = .seconds(300), initialBackoff: Duration = .milliseconds(500),
        multiplier: Double = 2, maxBackoff: Duration = .seconds(30)
    ) {
        self.maxAttempts = maxAttempts
        self.maxElapsed = maxElapsed
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maxBackoff = maxBackoff
    }

    /// Retries transient failures for about five minutes, waiting 0.5 s, then twice as long
    /// each time, at most 30 s.
    public static let `default` = RetryPolicy()

    /// Never retries: the first failed write fails the query (the behaviour before retries existed).
    public static let never = RetryPolicy(maxAttempts: 1, maxElapsed: nil)

    /// The wait before retry `retry` (1 for the retry after the first failed attempt), before
    /// the ``maxElapsed`` budget is applied.
    public func backoff(beforeRetry retry: Int) -> Duration {
        var delay = initialBackoff
        var remaining = max(retry, 1) - 1
        // Multiply step by step so that the cap stops the growth before any overflow.
        while remaining > 0 && delay < maxBackoff {
            delay = delay * multiplier
            remaining -= 1
        }
        return min(delay, maxBackoff)
    }

    /// The wait before the next attempt after `attempts` failed ones, `elapsed` after the first
    /// started; nil when the policy says to give up.
    public func delay(afterFailedAttempts attempts: Int, elapsed: Duration) -> Duration? {
        if let maxAttempts, attempts >= maxAttempts { return nil }
        let delay = backoff(beforeRetry: attempts)
        if let maxElapsed, elapsed + delay > maxElapsed { return nil }
        return delay
    }

    /// Checks the values; called when a query is created.
    /// - Throws: ``InvalidOption`` naming the field and what to change.
    public func validate() throws(InvalidOption) {
        if let maxAttempts, maxAttempts < 1 {
            throw InvalidOption(option: "maxAttempts", detail: "\(maxAttempts) must be at least 1 (1 never retries)")
        }
        if maxAttempts == nil && maxElapsed == nil {
            throw InvalidOption(option: "maxElapsed", detail: "set maxAttempts or maxElapsed, or a failing sink is retried forever")
        }
        if let maxElapsed, maxElapsed < .zero {
            throw InvalidOption(option: "maxElapsed", detail: "\(maxElapsed) must not be negative")
        }
        if initialBackoff < .zero {
            throw InvalidOption(option: "initialBackoff", detail: "\(initialBackoff) must not be negative")
        }
        if !(multiplier >= 1 && multiplier <= 100) {
            throw InvalidOption(option: "multiplier", detail: "\(multiplier) must be between 1 and 100 (2 doubles each wait)")
        }
        if maxBackoff < initialBackoff {
            throw InvalidOption(option: "maxBackoff", detail: "\(maxBackoff) must be at least initialBackoff (\(initialBackoff))")
        }
    }

    public var description: String {
        let attempts = maxAttempts.map { "at most \($0) attempts" }
        let elapsed = maxElapsed.map { "at most \(Self.format($0))" }
        return "retry \(([attempts, elapsed].compactMap { $0 }).joined(separator: " and ")), waiting "
            + "\(Self.format(initialBackoff)) × \(multiplier) up to \(Self.format(maxBackoff))"
    }

    /// A duration for messages: `250 ms`, `2 s`, `1.5 s`, `4 min 30 s`.
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if seconds < 1 && seconds >= 0 { return "\(attoseconds / 1_000_000_000_000_000) ms" }
        if seconds >= 60 {
            let rest = seconds % 60
            return "\(seconds / 60) min" + (rest > 0 ? " \(rest) s" : "")
        }
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(seconds) s" : "\(seconds).\(tenths) s"
    }

    /// Why a ``RetryPolicy`` cannot be used: the field and what to change.
    public struct InvalidOption: Error, Sendable, Hashable, CustomStringConvertible {
        /// The field of ``RetryPolicy``.
        public let option: String
        /// What is wrong and what would do.
        public let detail: String

        public var description: String { "invalid sinkRetry.\(option): \(detail)" }
    }
}
