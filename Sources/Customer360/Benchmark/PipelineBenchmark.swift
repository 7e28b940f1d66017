public import Connectors
public import StreamExecution
import Columnar
import Expressions
import MachineLearning
import StreamOperators
import StreamPlan

/// The whole top-up pipeline as ONE streaming query, the way `bench/spark/topup_pipeline.py`
/// runs it in Spark for the side-by-side benchmark: parse → clean → watermark → 30 s window
/// aggregate → stream-stream join → the Spark `PipelineModel` → a file sink.
///
/// The sink writes every micro-batch that has rows as `OUT/part-<batch id>.jsonl` (written
/// under a temporary name and renamed, so a reader never sees half a file): the joined columns,
/// then `prediction` and `probability` (of class 1): the same rows and columns as Spark's JSON
/// file sink writes, so the two outputs can be compared with `compare_dumps.py`. A file's
/// modification time is the moment its rows reached the sink (the latency benchmark uses it).
public struct PipelineBenchmark {
    public var customerDirectory: String
    public var bureauDirectory: String
    public var modelDirectory: String
    public var outputDirectory: String
    public var trigger: Trigger
    public var readLimit: ReadLimit

    public init(customerDirectory: String, bureauDirectory: String, modelDirectory: String, outputDirectory: String,
                trigger: Trigger, readLimit: ReadLimit) {
        self.customerDirectory = customerDirectory
        self.bureauDirectory = bureauDirectory
        self.modelDirectory = modelDirectory
        self.outputDirectory = outputDirectory
        self.trigger = trigger
        self.readLimit = readLimit
    }

    /// What one run did.
    public struct Counts: Sendable {
        public var rows = 0
        public var files = 0
    }

    /// Builds the query; `counts` is updated by the sink as batches are written.
    public func makeQuery(counts: @escaping (Int, Int) -> Void = { _, _ in }) throws -> StreamingQuery {
        try FileSystem.createDirectory(outputDirectory)
        let pipeline = TopUpPipeline(customerSource: try TextFileSource(directory: customerDirectory),
                                     bureauSource: try TextFileSource(directory: bureauDirectory))
        let model = try PipelineModel.load(directory: modelDirectory)
        let joined = try pipeline.joined()
        let columns = joined.schema.names.map { col($0) }
            + [col("prediction"), vectorElement(col("probability"), 1).alias("probability")]
        let scored = try joined.transform(with: model).select(columns)
        let directory = outputDirectory
        let sink = ForeachBatchSink(name: "bench-json") { batchId, batch in
            guard batch.rowCount > 0 else { return }
            var bytes: [UInt8] = []
            JSONLinesEncoder.encode(batch, into: &bytes)
            let name = String(batchId)
            let padded = String(repeating: "0", count: max(0, 5 - name.count)) + name
            try FileSystem.writeAtomically(bytes, to: "\(directory)/part-\(padded).jsonl")
            counts(batch.rowCount, 1)
        }
        return try StreamingQuery(scored, sink: sink, configuration: .init(
            name: "topup-bench", outputMode: .append, trigger: trigger, readLimit: readLimit,
            quarantineDirectory: "\(outputDirectory)/_quarantine"))
    }
}
