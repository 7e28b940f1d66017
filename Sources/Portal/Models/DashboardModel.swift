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
    }

    /// The health of one query, from its latest batch.
    public struct QueryHealth: Sendable, Hashable {
        public var query: String
        public var batchId: Int
        public var batchDurationMs: Double
        /// The watermark in force during the latest batch (ISO-8601), if the query has one.
        public var watermark: String?
        /// Seconds since the query last reported a batch (the progress file's modification time).
        public var inputLagSeconds: Double?
        /// Whether input arrives faster than the query processes it (`inputRowsPerSecond > processedRowsPerSecond`).
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

    /// An empty dashboard (nothing written yet).
    public init() {}

    /// Total events per second over every topic.
    public var totalEventsPerSecond: Double { topics.reduce(0) { $0 + $1.eventsPerSecond } }
    /// Total events read over every topic.
    public var totalEvents: Int { topics.reduce(0) { $0 + $1.totalEvents } }
    /// Predicted top-up customers over every state.
    public var totalTargetCustomers: Int { stateCounts.values.reduce(0, +) }
}
