import Columnar
import Connectors
import MachineLearning
import SQLTables
public import StreamPlan
public import StreamSQL
import Synchronization

/// The sources and models of a pipeline file (`s360 run`): Stream360's connectors behind
/// StreamSQL's ``SQLConnectorFactory``.
///
/// Source formats (`CREATE TABLE name [(columns)] USING format OPTIONS (…)`):
/// - `json`: a stream of JSON messages (each a record or an array of records, Spark's
///   `from_json` + `explode`) from a directory of text files (`path`) or a Kafka topic
///   (`bootstrap` + `topic`); the column list is the record schema. With `static 'true'` the
///   file or directory is read once as a table, schema inferred as `spark.read.json` does.
///   `partitioning 'spark-batch'` replays the directory as Spark's batch scan splits it (one
///   partition per micro-batch: what makes `percentile_approx` match Spark's batch job);
/// - `text`: the same sources as lines, one `value` column (plus `_source_file`, `_source_line`);
/// - `kafka`: `json` over a Kafka topic (a column list) or its raw `value`s (none);
/// - `parquet`, `sqlite`, `postgres`: tables read once (`path`; a document table as
///   `PATH#TABLE` or with a `table` option).
/// `maxFilesPerTrigger` / `maxOffsetsPerTrigger` are read by ``SQLPipeline`` (a query's limit).
public final class SQLConnectors: SQLConnectorFactory, Sendable {
    /// Whether Kafka sources stop at the topics' ends at start (available-now and once triggers).
    public let boundedAtStart: Bool
    private let models = Mutex<[String: PipelineModel]>([:])
    private let warn: @Sendable (String) -> Void

    public init(boundedAtStart: Bool = true, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.boundedAtStart = boundedAtStart
        self.warn = warn
    }

    /// The source formats, for messages.
    public static let sourceFormats = ["json", "text", "kafka", "parquet", "sqlite", "postgres"]

    public func source(_ table: SQLTableDeclaration) throws -> DataFrame {
        switch table.format {
        case "json", "text", "kafka":
            if table.option("static") == "true" {
                guard table.format == "json" else {
                    throw SQLError(.unsupported, "static 'true' reads a JSON-lines file or directory once; \(table.format) tables are streams", at: table.position)
                }
                return try DataFrame.table(try SQLPathTables.read(format: "json", location: try Self.path(table)))
            }
            let stream = try DataFrame.readStream(try openStream(table))
            if table.format == "text" {
                if table.columns != nil {
                    throw SQLError(.unsupported, "a text table has one column, value: drop the column list, or use json to parse the lines", at: table.position)
                }
                return stream
            }
            guard let columns = table.columns else {
                if table.format == "kafka" { return stream }
                throw SQLError(.syntax, "a json source needs its record schema: CREATE TABLE \(table.name) (id STRING, ts TIMESTAMP, …) USING json", at: table.position)
            }
            return try stream.parseJSON(column: "value", schema: columns)
        case "parquet", "sqlite", "postgres", "postgresql":
            var location = try Self.path(table)
            if let name = table.option("table") { location += "#" + name }
            return try DataFrame.table(try SQLPathTables.read(format: table.format, location: location))
        default:
            throw SQLError(.resolution, "unknown source format `\(table.format)`; sources are \(Self.sourceFormats.joined(separator: ", ")) (jsonl and console are sinks)", at: table.position)
        }
    }

    public func model(_ location: String) throws -> SQLScorer {
        let model = try models.withLock { cache throws -> PipelineModel in
            if let model = cache[location] { return model }
            guard FileSystem.isDirectory(location) else {
                throw SQLError(.execution, "no model directory at '\(location)' (a PipelineModel as Spark's save or `s360 train` writes it)")
            }
            let model = try PipelineModel.load(directory: location)
            cache[location] = model
            return model
        }
        return { frame in try frame.transform(with: model) }
    }

    /// The stream a json, text or kafka table reads.
    private func openStream(_ table: SQLTableDeclaration) throws -> any StreamSource {
        if table.format == "kafka" || table.option("topic") != nil || table.option("subscribe") != nil {
            guard let servers = table.option("bootstrap") ?? table.option("kafka.bootstrap.servers"),
                  let topic = table.option("topic") ?? table.option("subscribe") else {
                throw SQLError(.syntax, "a Kafka source needs OPTIONS (bootstrap 'HOST:PORT', topic 'NAME')", at: table.position)
            }
            return try SourceLocation.open("kafka://\(servers)/\(topic)", boundedAtStart: boundedAtStart, warn: warn)
        }
        let path = try Self.path(table)
        if table.option("partitioning") == "spark-batch" {
            return try FilePartitionSource(directory: path)
        }
        return try SourceLocation.open(path, boundedAtStart: boundedAtStart) { [warn] in warn("\(table.name): \($0)") }
    }

    /// The `path` option.
    static func path(_ table: SQLTableDeclaration) throws(SQLError) -> String {
        guard let path = table.option("path"), !path.isEmpty else {
            throw SQLError(.syntax, "the \(table.format) table `\(table.name)` needs OPTIONS (path '…')", at: table.position)
        }
        return path
    }
}
