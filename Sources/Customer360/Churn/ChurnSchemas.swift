public import Columnar

/// The seed's clickstream event schema as `from_json` reads it (keys exactly as producers write them).
public enum ChurnSchemas {
    public static let clickRecord = Schema([
        Field("user_id", .int), Field("datetime", .string), Field("os", .string), Field("browser", .string),
        Field("response_time_ms", .string), Field("product", .string), Field("url", .string),
    ])

    /// The dimensions web-traffic statistics are computed by.
    public static let statisticsDimensions = ["product", "browser", "os"]

    /// The churn label threshold on the CRM `churn_risk` score: the seed SQL's `20`, an `int`
    /// literal. Its type matters when `churn_risk` is inferred as a string (one document wrote it
    /// as text): Spark then casts the string to the literal's type, `int` (non-ANSI: `"35"` → 35,
    /// `"23.5"` → 23, `"1e2"`, `"high"` → null), where a `double` literal would accept `"1e2"`.
    public static let churnRiskThreshold: Int32 = 20
}
