/// The document tables and files the portal reads under the demo directory (see `README.md`).
///
/// This is the contract between `s360 demo`, which writes them, and `s360 portal`, which only
/// reads them. A table or file that is missing shows as an empty state on the pages.
public enum PortalTables {
    /// The document store, relative to the demo directory.
    public static let storeFile = "customer360.sqlite"
    /// The progress directory (`<query>.jsonl`, one `QueryProgress.json` line per batch).
    public static let progressDirectory = "progress"
    /// CRM documents keyed by `user_id`, with the merged `churn_probability`, `churn_prediction`, `churn_scored_at`.
    public static let crm = "crm"
    /// Churn scores as they were made, keyed by `id`: `user_id`, `churn_probability`, `scored_at`, `product`, `response_time_ms`.
    public static let churnPredictions = "realtime_churn_predictions"
    /// Recent click events keyed by `id`: `user_id`, `datetime`, `os`, `browser`, `product`, `url`, `response_time_ms`.
    public static let clicks = "clicks"
    /// Top-up predictions keyed by `"<ID>@<window_start>"`: `ID`, `window_start`, `prediction`, `probability`, `State`.
    public static let topUpPredictions = "topup_predictions"
    /// Predicted top-up customers per state, keyed by `window_end`: `counts: [{State, target_customers}]`.
    public static let statewideCounts = "statewide_customer_count"
}
