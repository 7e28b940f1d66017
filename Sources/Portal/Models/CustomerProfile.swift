import DocumentStore

/// The 360 view of one customer: the CRM document, scores, recent clicks and a next best action.
///
/// Built by ``load(id:store:mask:)`` from the tables in ``PortalTables``; every part but the
/// CRM document may be empty (no score yet, no clicks), and the page then says so.
public struct CustomerProfile: Sendable, Hashable {
    /// One churn score as it was made.
    public struct ChurnScore: Sendable, Hashable {
        public var scoredAt: String
        public var probability: Double
        public var product: String?
    }

    /// The latest top-up prediction.
    public struct TopUp: Sendable, Hashable {
        public var predicted: Bool
        public var probability: Double?
        public var window: String
        public var state: String?
        /// The records behind the prediction, when the demo ran with `--lineage`.
        public var lineage: TopUpLineage?
    }

    /// Why a top-up score is what it is: the input records it was computed from (the demo's
    /// `--lineage`; see `TopUpLineage` in Customer360).
    public struct TopUpLineage: Sendable, Hashable {
        /// The customer record's position (`customer_data-0@41#3`, `part-00000.jsonl:3#12`).
        public var customerSource: String
        /// How many bureau records the window aggregated.
        public var bureauRecords: Int
        /// The positions of the first of them, in arrival order (a bounded list).
        public var bureauSources: [String]
    }

    /// One recent click.
    public struct Click: Sendable, Hashable {
        public var datetime: String
        public var product: String
        public var browser: String
        public var os: String
        public var url: String
        public var responseTimeMs: Double?
    }

    /// One field of the CRM document, as shown.
    public struct Field: Sendable, Hashable {
        /// The field's name in the document (`churn_probability`).
        public var name: String
        /// The value as shown (`15.6 %`), masked where personal.
        public var value: String
        /// The name as people read it (`Churn probability`).
        public var label: String { FieldFormat.label(name) }
    }

    /// The customer's id as written in the document (`10878`, `"u1"`).
    public var id: String
    /// The display name (masked when masking is on).
    public var name: String
    /// Every field of the CRM document, formatted (``FieldFormat``), in ``fieldOrder`` then by name, masked where personal.
    public var fields: [Field]
    /// The latest churn probability: the CRM document's merged score, else the newest real-time one.
    public var churnProbability: Double?
    /// Real-time churn scores, oldest first.
    public var churnHistory: [ChurnScore]
    public var topUp: TopUp?
    /// The most recent clicks, newest first (at most ``clickLimit``).
    public var recentClicks: [Click]
    /// The average response time of the recent clicks that have one.
    public var averageResponseMs: Double?
    /// The slowest response time among them.
    public var slowestResponseMs: Double?
    /// What the agent should do, most urgent first.
    public var actions: [NextBestAction]

    /// Fields shown first, in this order; the rest follow by name.
    public static let fieldOrder = ["user_id", "name", "address", "zip", "phone", "first_visit", "persona", "sentiment", "churn_risk"]
    /// How many recent clicks are shown.
    public static let clickLimit = 10

    /// The document's id for a path segment: an integer when it reads as one, else a string.
    static func documentIDs(for text: String) -> [DocumentID] {
        if let integer = Int64(text) { return [.integer(integer), .string(text)] }
        return [.string(text)]
    }
}
