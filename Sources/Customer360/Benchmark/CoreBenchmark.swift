#if canImport(Glibc)
import Glibc
#endif
public import Connectors
import Columnar
import StreamExecution
import StreamOperators
import StreamPlan

/// Measures the engine core on the top-up pipeline: parse → clean → watermark → 30 s window
/// aggregate → stream-stream join, over a directory made by `gen_topup.py`.
///
/// Reports input records per second (bureau and customer records, after parsing) over the
/// whole run, and the process's peak resident memory. Run it from a release build.
public struct CoreBenchmark {
    public var dataDirectory: String
    public var readLimit: ReadLimit
    /// Partitions the query runs (``StreamingQueryConfiguration/partitions``).
    public var partitions: Int

    public init(dataDirectory: String, readLimit: ReadLimit, partitions: Int = StreamingQueryConfiguration.defaultPartitions) {
        self.dataDirectory = dataDirectory
        self.readLimit = readLimit
        self.partitions = partitions
    }

    public struct Result: Sendable {
        public var batches: Int64
        public var bureauRecords: Int
        public var customerRecords: Int
        public var inputBytes: Int
        public var joinedRows: Int
        public var seconds: Double
        public var peakResidentBytes: Int
        /// User and system CPU time of the process during the run.
        public var cpuSeconds: Double
        public var partitions: Int

        public var bureauRecordsPerSecond: Double { Double(bureauRecords) / seconds }
        public var recordsPerSecond: Double { Double(bureauRecords + customerRecords) / seconds }

        public var summary: String {
            func f(_ x: Double) -> String { String(Int(x.rounded())) }
            return """
                batches: \(batches), bureau records: \(bureauRecords), customer records: \(customerRecords), \
                input: \(inputBytes / 1_000_000) MB, joined rows: \(joinedRows)
                time: \((seconds * 1000).rounded() / 1000) s
                throughput: \(f(bureauRecordsPerSecond)) bureau records/s, \(f(recordsPerSecond)) records/s (both streams), \
                \(f(Double(inputBytes) / seconds / 1_000_000)) MB/s
                partitions: \(partitions), CPU: \((cpuSeconds * 100).rounded() / 100) s \
                (\((cpuSeconds / Double(bureauRecords + customerRecords) * 1e8).rounded() / 100) CPU-s per million records)
                peak resident memory: \(peakResidentBytes / 1_048_576) MiB
                """
        }
    }

    /// Runs the joined query once with an available-now trigger.
    public func run() async throws -> Result {
        let customer = try TextFileSource(directory: dataDirectory + "/customer")
        let bureau = try TextFileSource(directory: dataDirectory + "/bureau")
        let pipeline = TopUpPipeline(customerSource: customer, bureauSource: bureau)
        var joinedRows = 0
        let sink = ForeachBatchSink(name: "count") { _, batch in joinedRows += batch.rowCount }
        let query = try StreamingQuery(try pipeline.joined(), sink: sink,
                                       configuration: .init(name: "bench", trigger: .availableNow, readLimit: readLimit, partitions: partitions))
        var inputBytes = 0
        var bureauRecords = 0
        var customerRecords = 0
        let parsers = Array(query.partitionedPlan.operators(of: JSONParseOperator.self).joined())
        query.progressHandler = { _ in
            for parser in parsers {
                if parser.outputSchema.count == TopUpSchemas.bureauRecord.count {
                    bureauRecords += parser.lastOutputRows
                } else {
                    customerRecords += parser.lastOutputRows
                }
                inputBytes += parser.lastInputBytes
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let cpuBefore = Self.cpuSeconds()
        try await query.run()
        let cpu = Self.cpuSeconds() - cpuBefore
        let elapsed = started.duration(to: clock.now).components
        return Result(
            batches: query.nextBatchId, bureauRecords: bureauRecords, customerRecords: customerRecords,
            inputBytes: inputBytes, joinedRows: joinedRows,
            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18,
            peakResidentBytes: Self.peakResidentBytes(), cpuSeconds: cpu, partitions: partitions)
    }

    /// The process's user and system CPU time so far.
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The process's peak resident set size (Linux reports kilobytes).
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
