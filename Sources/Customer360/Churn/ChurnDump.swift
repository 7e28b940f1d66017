public import Connectors
import Columnar
import JSONIngest
import MachineLearning
public import StreamExecution
import StreamOperators
import StreamPlan

/// Runs the churn pipeline's stages over a clickstream directory and a CRM JSON-lines export
/// and writes `weblog_stats.jsonl` and `joined.jsonl` in the shapes of the `c360-small` fixture.
public struct ChurnDump {
    public var clickLocation: String
    /// The CRM documents: a JSON-lines file, or a store table `sqlite:PATH#TABLE` / `postgres://…#TABLE`.
    public var crmPath: String
    public var trigger: Trigger
    public var readLimit: ReadLimit
    public var outputDirectory: String
    /// When set, the joined stream is also scored with this model into `predictions.jsonl`.
    public var modelDirectory: String?
    public var log: (String) -> Void

    public init(
        clickLocation: String, crmPath: String, trigger: Trigger, readLimit: ReadLimit, outputDirectory: String,
        modelDirectory: String? = nil, log: @escaping (String) -> Void = { print($0) }
    ) {
        self.modelDirectory = modelDirectory
        self.clickLocation = clickLocation
        self.crmPath = crmPath
        self.trigger = trigger
        self.readLimit = readLimit
        self.outputDirectory = outputDirectory
        self.log = log
    }

    /// Rows written per output file.
    @discardableResult
    public func run() async throws -> [String: Int] {
        try FileSystem.createDirectory(outputDirectory)
        let loaded = try CRMTable.load(crmPath)
        let crm = loaded.rows
        log("crm: \(crm.rowCount) documents from \(loaded.description), schema \(crm.schema)"
            + (loaded.rejectedDocuments == 0 ? "" : ", \(loaded.rejectedDocuments) rejected"))
        var counts: [String: Int] = [:]

        let joinedSink = MemorySink(name: "joined")
        let joined = try StreamingQuery(
            try pipeline(crm).joined(), sink: joinedSink,
            configuration: .init(name: "joined", trigger: trigger, readLimit: readLimit,
                                 quarantineDirectory: "\(outputDirectory)/quarantine/joined"))
        joined.progressHandler = { log($0.summary) }
        try await joined.run()
        counts["joined"] = try write(joinedSink.batches.map(\.batch), "joined")

        if let modelDirectory {
            let model = try PipelineModel.load(directory: modelDirectory)
            let sink = MemorySink(name: "predictions")
            let scoring = try StreamingQuery(
                try pipeline(crm).scored(model: model), sink: sink,
                configuration: .init(name: "predictions", trigger: trigger, readLimit: readLimit))
            scoring.progressHandler = { log($0.summary) }
            try await scoring.run()
            counts["predictions"] = try write(sink.batches.map(\.batch), "predictions")
        }

        // Spark computed the statistics as one batch job, whose file source packs the files into
        // as many partitions as cores; each partition's partial aggregate is merged at the end.
        // Replaying one partition per micro-batch gives the same partial aggregates and merges.
        let files = try FileSystem.listDataFiles(clickLocation)
        let perPartition = Self.filesPerPartition(fileCount: files.count, partitions: 2)
        var statistics: [RecordBatch] = []
        for dimension in ChurnSchemas.statisticsDimensions {
            let sink = MemorySink(name: dimension)
            let query = try StreamingQuery(
                try pipeline(crm).statistics(by: dimension), sink: sink,
                configuration: .init(name: "weblog_stats/\(dimension)", outputMode: .complete, trigger: .availableNow,
                                     readLimit: .maxFiles(perPartition)))
            try await query.run()
            if let last = sink.batches.last?.batch { statistics.append(last) }
        }
        counts["weblog_stats"] = try write(statistics, "weblog_stats")
        for (name, rows) in counts.sorted(by: { $0.key < $1.key }) { log("\(name): \(rows) rows -> \(outputDirectory)/\(name).jsonl") }
        return counts
    }

    private func pipeline(_ crm: RecordBatch) throws -> ChurnPipeline {
        ChurnPipeline(clickSource: try SourceLocation.open(clickLocation), crm: crm)
    }

    private func write(_ batches: [RecordBatch], _ name: String) throws -> Int {
        var bytes: [UInt8] = []
        for batch in batches { JSONLinesEncoder.encode(batch, into: &bytes) }
        try FileSystem.writeAtomically(bytes, to: "\(outputDirectory)/\(name).jsonl")
        return batches.reduce(0) { $0 + $1.rowCount }
    }

    /// Files per partition when `fileCount` similar files are spread over `partitions`.
    static func filesPerPartition(fileCount: Int, partitions: Int) -> Int {
        max(1, (fileCount + partitions - 1) / max(partitions, 1))
    }
}
