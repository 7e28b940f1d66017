/// What `s360 generate topup` writes: how many customers, from which seed, where, and how the
/// messages are cut into batches and files.
public struct TopUpGeneratorConfiguration: Sendable, Equatable {
    /// Customers to generate, with IDs ``firstCustomerID`` … ``firstCustomerID`` + customers − 1.
    public var customers: Int
    /// The first customer ID: 1 for `s360 generate topup` and the shared fixtures; the demo
    /// uses the churn generators' first user id so that both data sets describe the same people
    /// (``DemoDataSets``). The draws do not depend on it: only the IDs move.
    public var firstCustomerID = 1
    /// The seed; the same configuration always writes the same bytes.
    public var seed: UInt64
    /// The data set's directory: `customer/`, `bureau/` and `manifest.json` go inside.
    public var outputDirectory: String
    /// Customer IDs per customer message (a micro-batch of the producer).
    public var batchSize = 50
    /// Consecutive batches per `part-NNNNN.jsonl` file of each stream.
    public var batchesPerFile = 4
    /// Event time of the first message, seconds since the epoch (2024-01-01T00:00:00Z).
    public var baseTimestamp = 1_704_067_200

    /// A configuration with the Python generator's defaults for the batching.
    public init(customers: Int, seed: UInt64, outputDirectory: String) {
        self.customers = customers
        self.seed = seed
        self.outputDirectory = outputDirectory
    }

    /// Checks every value once, before anything is written.
    public func validate() throws(GeneratorError) {
        if firstCustomerID < 1 {
            throw .invalidConfiguration(option: "--first-id", value: "\(firstCustomerID)", expected: "at least 1")
        }
        if customers < 1 { throw .invalidConfiguration(option: "--customers", value: "\(customers)", expected: "at least 1") }
        if batchSize < 1 { throw .invalidConfiguration(option: "--batch-size", value: "\(batchSize)", expected: "at least 1") }
        if batchesPerFile < 1 {
            throw .invalidConfiguration(option: "--batches-per-file", value: "\(batchesPerFile)", expected: "at least 1")
        }
        if outputDirectory.isEmpty { throw .invalidConfiguration(option: "--out", value: "\"\"", expected: "a directory path") }
    }
}
