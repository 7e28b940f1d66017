/// How a CRM document's fields read on the 360 page: a label for the name, a formatted value.
///
/// The store keeps what the pipelines wrote (`churn_probability 0.15608403572722485`,
/// `churn_prediction 1.0`); an agent reads "Churn probability 15.6 %" and "likely to churn".
/// Fields without a rule keep their value's text and get a label from their snake_case name.
enum FieldFormat {
    /// Labels that are not just the name in sentence case.
    static let labels = [
        "user_id": "Customer ID", "zip": "ZIP", "churn_risk": "Churn risk (CRM, 0–100)", "churn_scored_at": "Churn scored at",
        "twitter_handle": "Twitter handle", "app_version": "App version",
    ]

    /// `Churn probability` for `churn_probability`.
    static func label(_ name: String) -> String {
        if let label = labels[name] { return label }
        let words = name.split(whereSeparator: { $0 == "_" || $0 == "-" }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The value of field `name` as shown: probabilities as percentages, predictions in words,
    /// null as `–`, everything else as its text.
    static func value(_ name: String, _ value: JSONValue) -> String {
        if case .null = value { return "–" }
        switch name {
        case "churn_probability", "probability":
            if let number = value.number, number.isFinite { return NumberFormat.percent(number) }
        case "churn_prediction":
            if let number = value.number { return number >= 1 ? "likely to churn" : "not expected to churn" }
        default:
            break
        }
        return value.text ?? "–"
    }
}
