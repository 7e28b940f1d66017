public import Columnar

/// The seed's clickstream event schema as `from_json` reads it (keys exactly as producers write them).
public enum ChurnSchemas {
    public static let clickRecord = Schema([
        Field("user_id", .int), Field("datetime", .string), Field("os", .string), Field("browser", .string),
        Field("response_time_ms", .string), Field("product", .string), Field("url", .string),
    ])

    /// The dimensions web-traffic statistics are computed by.
    public static let statisticsDimensions = ["product", "browser", "os"]

    /// The churn label threshold on the CRM `churn_risk` score.
    public static let churnRiskThreshold = 20.0
}
