/// A plain-language suggestion for the agent on the call, derived from the customer's scores.
///
/// The rules, in order of urgency (the first that applies is the headline, the rest follow):
/// 1. churn probability ≥ 0.7: call now with a retention offer;
/// 2. churn probability ≥ 0.4: a personal check-in;
/// 3. a predicted top-up: offer the top-up (loan) product;
/// 4. recent average response time ≥ 1000 ms: apologise for the slow site, mention the fix;
/// 5. negative sentiment: acknowledge the last complaint;
/// otherwise: thank the customer, no offer needed.
public struct NextBestAction: Sendable, Hashable {
    /// How pressing the action is, for its colour on the page.
    public enum Urgency: String, Sendable, Hashable {
        case high, medium, low
    }

    public var urgency: Urgency
    /// What to do, in a sentence.
    public var text: String

    /// The actions for these scores, most urgent first; never empty.
    public static func recommend(
        churnProbability: Double?, topUpPredicted: Bool, averageResponseMs: Double?, sentiment: String?
    ) -> [NextBestAction] {
        var actions: [NextBestAction] = []
        if let churn = churnProbability, churn >= 0.7 {
            actions.append(.init(urgency: .high, text: "High churn risk (\(percent(churn))): call today and offer a retention discount or a loyalty upgrade."))
        } else if let churn = churnProbability, churn >= 0.4 {
            actions.append(.init(urgency: .medium, text: "Rising churn risk (\(percent(churn))): check in personally and ask what would make them stay."))
        }
        if topUpPredicted {
            actions.append(.init(urgency: .medium, text: "Likely to take a top-up: offer the top-up loan while they are on the line."))
        }
        if let response = averageResponseMs, response >= 1000 {
            actions.append(.init(urgency: .medium, text: "Slow web experience (\(Int(response)) ms on average): apologise and mention the fix."))
        }
        if sentiment?.lowercased() == "negative" {
            actions.append(.init(urgency: .low, text: "Negative sentiment on record: acknowledge their last complaint first."))
        }
        if actions.isEmpty {
            actions.append(.init(urgency: .low, text: "Low risk: thank them for being a customer; no offer needed."))
        }
        return actions
    }

    static func percent(_ probability: Double) -> String {
        "\(Int((probability * 100).rounded()))%"
    }
}
