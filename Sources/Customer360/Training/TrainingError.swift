/// Training data that cannot be used.
public enum TrainingError: Error, Sendable, CustomStringConvertible {
    /// The joined churn rows have no numeric `user_id` column to split by.
    case missingUserIDs

    public var description: String {
        switch self {
        case .missingUserIDs: "the joined churn rows have no numeric user_id column; check the CRM documents"
        }
    }
}
