public import Columnar
public import Connectors
public import StreamOperators

/// The settings of a streaming query, validated when the query is created.
public struct StreamingQueryConfiguration: Sendable {
    /// A name for progress reports and errors.
    public var name: String
    public var outputMode: OutputMode
    public var trigger: Trigger
    /// How much each source may contribute per batch (Spark's `maxFilesPerTrigger`,
    /// `maxOffsetsPerTrigger`). Default: everything available.
    public var readLimit: ReadLimit
    public var resolution: NameResolution
    /// When set, malformed messages are also appended to `DIR/batch-N.jsonl` as JSON lines.
    public var quarantineDirectory: String?

    public init(
        name: String = "query", outputMode: OutputMode = .append, trigger: Trigger = .availableNow,
        readLimit: ReadLimit = .all, resolution: NameResolution = .caseInsensitive, quarantineDirectory: String? = nil
    ) {
        self.name = name
        self.outputMode = outputMode
        self.trigger = trigger
        self.readLimit = readLimit
        self.resolution = resolution
        self.quarantineDirectory = quarantineDirectory
    }
}
