#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    /// When set, every malformed message is also written to `DIR/batch-N.jsonl` as JSON lines.
    public var quarantineDirectory: String?
    /// How many malformed messages ``StreamingQuery/quarantine`` keeps in memory (the latest);
    /// all are counted, and all go to ``quarantineDirectory``. Default 100.
    public var quarantineRetained: Int
    /// Spark's `checkpointLocation`: when set, offsets, commits and operator state are saved
    /// there every batch, and a query started on an existing checkpoint resumes from it (see
    /// `Sources/Checkpointing/FORMAT.md`). Default: none, the query starts afresh every time.
    public var checkpointLocation: String?
    /// How many batches of offsets, commits and state versions a checkpoint keeps (Spark's
    /// `minBatchesToRetain`); at least 1. Default 10.
    public var checkpointRetention: Int
    /// Spark's `spark.sql.streaming.noDataMicroBatches.enabled`: whether a batch without new data
    /// runs when the watermark moved and the plan keeps state (to emit closed windows and evict
    /// state). Default true, as in Spark; false runs batches only for new data, so batch N holds
    /// exactly the data that arrived for it (used to replay a feed batch by batch).
    public var noDataBatches: Bool
    /// How a sink write that failed with a transient error (a ``Connectors/TransientFailure``,
    /// such as a lost database connection) is retried: the same batch id and rows, after an
    /// exponential back-off on the clock ``StreamingQuery/run(clock:)`` was given. Other errors
    /// fail the query at once. Default ``RetryPolicy/default``: about five minutes of retries,
    /// waiting 0.5 s up to 30 s; ``RetryPolicy/never`` fails on the first error.
    public var sinkRetry: RetryPolicy
    /// How many partitions the query runs in parallel (Spark's `spark.sql.shuffle.partitions`):
    /// each partition reads a share of every source and keeps the state of the keys that hash to
    /// it. Recorded in the checkpoint; a restart with another count is refused. Outputs do not
    /// depend on it (only the order of rows within a batch does). Default
    /// ``defaultPartitions``, the number of cores.
    public var partitions: Int
    /// The late-rows side output: when set, every row a stateful operator drops because it is
    /// behind the watermark, and every row the event-time guard sets aside, is written to
    /// `DIR/batch-N.jsonl` with the operator, the reason and the watermark that decided (rows are
    /// still dropped, as in Spark; a re-run batch rewrites its file). Default: none, rows are only counted.
    public var lateRowsDirectory: String?
    /// The event-time guard: a row whose event time is more than this after its batch started
    /// (its arrival) may not move the watermark; it is set aside to the late-rows side output and
    /// counted in ``QueryProgress/numSuspectEventTimeRows``. One far-future timestamp otherwise
    /// makes every later row late, as in Spark. Default nil: no guard, Spark's behaviour.
    public var maxEventTimeSkew: Duration?

    /// The number of active processors: one partition per core.
    public static var defaultPartitions: Int { max(1, ProcessInfoCores.active) }

    public init(
        name: String = "query", outputMode: OutputMode = .append, trigger: Trigger = .availableNow,
        readLimit: ReadLimit = .all, resolution: NameResolution = .caseInsensitive, quarantineDirectory: String? = nil,
        checkpointLocation: String? = nil, checkpointRetention: Int = 10, noDataBatches: Bool = true,
        sinkRetry: RetryPolicy = .default, quarantineRetained: Int = 100, partitions: Int = StreamingQueryConfiguration.defaultPartitions,
        lateRowsDirectory: String? = nil, maxEventTimeSkew: Duration? = nil
    ) {
        self.name = name
        self.outputMode = outputMode
        self.trigger = trigger
        self.readLimit = readLimit
        self.resolution = resolution
        self.quarantineDirectory = quarantineDirectory
        self.checkpointLocation = checkpointLocation
        self.checkpointRetention = checkpointRetention
        self.noDataBatches = noDataBatches
        self.sinkRetry = sinkRetry
        self.quarantineRetained = quarantineRetained
        self.partitions = partitions
        self.lateRowsDirectory = lateRowsDirectory
        self.maxEventTimeSkew = maxEventTimeSkew
    }
}

/// The processors this process may run on (`sysconf(_SC_NPROCESSORS_ONLN)`).
enum ProcessInfoCores {
    static var active: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
