/// What `s360 demo` runs and where it keeps its outputs: embedded defaults that need no server.
///
/// Every path is relative to the working directory unless absolute. With no
/// ``bootstrapServers`` the demo starts librdkafka's in-memory mock broker; with no
/// ``storeURL`` it keeps documents in `DIR/customer360.sqlite`.
public struct DemoConfiguration: Sendable {
    /// Where everything the demo makes goes (`demo/` by default).
    public var directory = "demo"
    /// A directory with `customer/` and `bureau/` JSON-lines files (the top-up producers' input).
    public var topupInput: String
    /// A directory of clickstream JSON-lines files.
    public var clickstreamInput: String
    /// The CRM export: one JSON document per line.
    public var crmFile: String
    /// The top-up scoring model (a Spark or Stream360 pipeline directory).
    public var topupModel: String
    /// The churn scoring model.
    public var churnModel: String
    /// Kafka bootstrap servers; nil starts the embedded broker.
    public var bootstrapServers: String?
    /// The document store URL; nil means `sqlite:DIR/customer360.sqlite`.
    public var storeURL: String?
    /// The producers' pace in records per second (nil: as fast as possible).
    public var recordsPerSecond: Double? = DemoSettings.Defaults.recordsPerSecond
    /// The pipelines' processing-time trigger.
    public var triggerInterval: Duration = .milliseconds(DemoSettings.Defaults.triggerIntervalMs)
    /// The demo stops after this long at the latest.
    public var maxDuration: Duration = .seconds(DemoSettings.Defaults.maxSeconds)
    /// After the producers finish, the demo stops once no pipeline ran a batch for this long.
    public var quietPeriod: Duration = .seconds(4)
    /// How often the one-line status (records/s, batches, rows written, lag per pipeline) is printed.
    public var statusInterval: Duration = .seconds(2)
    /// Whether every batch's progress is printed too (it always goes to `progress/<query>.jsonl`).
    public var printsEveryBatch = false
    /// When set (`--lineage`), each top-up prediction document also names its input records
    /// (`customer_source`, `bureau_records`, `bureau_sources`: ``TopUpLineage``), which the
    /// portal's 360 page shows under "Why this score".
    public var lineage: TopUpLineage?

    public init(topupInput: String, clickstreamInput: String, crmFile: String, topupModel: String, churnModel: String) {
        self.topupInput = topupInput
        self.clickstreamInput = clickstreamInput
        self.crmFile = crmFile
        self.topupModel = topupModel
        self.churnModel = churnModel
    }

    /// The defaults over the shared fixtures directory (`../shared/fixtures` in a checkout).
    public static func fixtures(at root: String) -> DemoConfiguration {
        DemoConfiguration(
            topupInput: "\(root)/topup-small/input",
            clickstreamInput: "\(root)/c360-small/input/clickstream",
            crmFile: "\(root)/c360-small/input/crm/crm.jsonl",
            topupModel: "\(root)/topup-small/spark_pipeline_model",
            churnModel: "\(root)/c360-small/spark_churn_model")
    }

    /// Takes the output directory, servers, store, pace, trigger and time limit from `settings`
    /// (the values they leave out keep this configuration's).
    public mutating func apply(_ settings: DemoSettings) {
        directory = settings.resolvedOutputDirectory
        bootstrapServers = settings.kafkaBootstrapServers ?? bootstrapServers
        storeURL = settings.documentStore ?? storeURL
        if let rate = settings.recordsPerSecond { recordsPerSecond = rate > 0 ? rate : nil }
        if let trigger = settings.triggerIntervalMs { triggerInterval = .milliseconds(trigger) }
        if let seconds = settings.maxSeconds { maxDuration = .seconds(seconds) }
    }

    /// The document store URL in force.
    public var resolvedStoreURL: String { storeURL ?? "sqlite:\(directory)/customer360.sqlite" }
}
