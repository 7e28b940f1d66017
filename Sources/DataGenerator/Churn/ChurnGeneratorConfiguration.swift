/// What `s360 generate clickstream` and `s360 generate crm` write: the same users (ids
/// 10001…10000+customers) seen from the web shop and from the CRM, agreeing for the same seed.
public struct ChurnGeneratorConfiguration: Sendable, Equatable {
    /// The first user id: ids run `firstUserID ..< firstUserID + customers`.
    public static let firstUserID = ChurnUserProfile.firstUserID

    /// Users in the CRM; the clickstream draws its known visitors from them.
    public var customers: Int
    /// The seed; the same configuration always writes the same bytes.
    public var seed: UInt64
    /// The directory to write into (`part-NNNNN.jsonl` or `crm.jsonl`, and `_manifest.json`).
    public var outputDirectory: String
    /// Clickstream events per user on average (the total is `customers × eventsPerUser`).
    public var eventsPerUser = 8.0
    /// Clickstream files to spread the messages over.
    public var files = 8

    /// A configuration with the Python generator's defaults.
    public init(customers: Int, seed: UInt64, outputDirectory: String) {
        self.customers = customers
        self.seed = seed
        self.outputDirectory = outputDirectory
    }

    /// Total clickstream events.
    public var events: Int { Int((Double(customers) * eventsPerUser).rounded(.down)) }

    /// Checks every value once, before anything is written.
    public func validate() throws(GeneratorError) {
        if customers < 1 { throw .invalidConfiguration(option: "--customers", value: "\(customers)", expected: "at least 1") }
        if !(eventsPerUser > 0) {
            throw .invalidConfiguration(option: "--events-per-user", value: "\(eventsPerUser)", expected: "a positive number")
        }
        if files < 1 { throw .invalidConfiguration(option: "--files", value: "\(files)", expected: "at least 1") }
        if outputDirectory.isEmpty { throw .invalidConfiguration(option: "--out", value: "\"\"", expected: "a directory path") }
    }
}
