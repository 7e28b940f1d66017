import Foundation

/// Everything the live dashboard shows at one moment: plain values, rendered by the views.
///
/// Built by ``DashboardModel/build(store:progress:now:)`` from the document store and the
/// progress files; ``DashboardFeed`` builds one per refresh and shares it among all clients.
public struct DashboardModel: Sendable, Hashable {
    /// A labelled value for a bar chart.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        /// How many records the value summarizes.
        public var count: Int
    }

    /// Events per second on one input of one query.
    public struct TopicRate: Sendable, Hashable {
        /// The topic or directory (`clickstream`, `bureau`).
        public var topic: String
        /// The query that reads it (the progress file's name).
        public var query: String
        /// Rows processed per second over the recent batches: their rows over their durations.
        public var eventsPerSecond: Double
        /// Rows read since the query started.
        public var totalEvents: Int
        /// Whether the query is idle (see ``QueryHealth/Activity``): its rate is then 0, not the last batches' rate.
        public var idle = false
    }

    /// The health of one query, from its latest batch.
    public struct QueryHealth: Sendable, Hashable {
        /// Whether a query is still reporting batches.
        ///
        /// A progress file says nothing when its query stops (the engine writes no final line,
        /// and a running query with no new input reports no batch either), so the portal cannot
        /// tell a stopped query from one waiting for input: both are `idle` once no batch came
        /// for ``DashboardModel/build(store:progress:now:idleAfterSeconds:)``'s `idleAfterSeconds`.
        public enum Activity: String, Sendable, Hashable {
            /// A batch came within the idle threshold.
            case running
            /// No batch for longer: stopped, or waiting for input.
            case idle
        }

        public var query: String
        public var batchId: Int
        public var batchDurationMs: Double
        /// The watermark in force during the latest batch (ISO-8601); nil for a query without one
        /// (the engine writes the epoch, `1970-01-01T00:00:00.000Z`, then).
        public var watermark: String?
        /// Seconds since the query last reported a batch (the progress file's modification time).
        public var lastBatchAgeSeconds: Double?
        /// Running or idle, from ``lastBatchAgeSeconds``.
        public var activity: Activity = .running
        /// Whether a running query's input arrives faster than it processes it
        /// (`inputRowsPerSecond > processedRowsPerSecond`); false for an idle query.
        public var fallingBehind: Bool
        public var stateRows: Int
        /// Quarantined messages since the query started.
        public var quarantined: Int
    }

    /// Events per second per topic, highest first.
    public var topics: [TopicRate] = []
    /// One entry per query with progress.
    public var health: [QueryHealth] = []
    /// Average response time (ms) of recent clicks per browser, per os, per product.
    public var responseByBrowser: [Bar] = []
    public var responseByOS: [Bar] = []
    public var responseByProduct: [Bar] = []
    /// Customers per churn-probability decile (`0.0–0.1` … `0.9–1.0`); empty with no scores.
    public var churnDistribution: [Bar] = []
    /// Predicted top-up customers per state (upper-case names as the pipeline writes them) in the latest window.
    public var stateCounts: [String: Int] = [:]
    /// The end of the window ``stateCounts`` is for.
    public var stateWindowEnd: String?
    /// CRM documents in the store.
    public var customerCount = 0
    /// Set when the store could not be read: shown instead of its numbers.
    public var storeProblem: String?
    /// Set when the demo directory does not exist: every section is empty, and the page says why.
    public var demoProblem: String?

    /// An empty dashboard (nothing written yet).
    public init() {}

    /// Total events per second over every topic, a topic read by several queries counted once
    /// (its highest rate among them).
    public var totalEventsPerSecond: Double {
        Dictionary(topics.map { ($0.topic, $0.eventsPerSecond) }, uniquingKeysWith: max).values.reduce(0, +)
    }
    /// Total events read over every topic, a topic read by several queries counted once (the
    /// most any of them read: they read the same messages).
    public var totalEvents: Int {
        Dictionary(topics.map { ($0.topic, $0.totalEvents) }, uniquingKeysWith: max).values.reduce(0, +)
    }
    /// Seconds since the most recent batch of any query when every query is idle; nil while
    /// one runs or before any progress.
    public var idleSeconds: Double? {
        guard !health.isEmpty, health.allSatisfy({ $0.activity == .idle }) else { return nil }
        return health.compactMap(\.lastBatchAgeSeconds).min()
    }
    /// Predicted top-up customers over every state.
    public var totalTargetCustomers: Int { stateCounts.values.reduce(0, +) }
}
