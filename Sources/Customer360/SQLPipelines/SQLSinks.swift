import Columnar
import Connectors
import DocumentStore
import FileConnector
import KafkaConnector
import StreamOperators
public import StreamSQL

/// The sinks of a pipeline file: what `INSERT INTO name` writes to, from the table's
/// `CREATE TABLE name USING format OPTIONS (…)`.
///
/// Formats:
/// - `jsonl`: a JSON-lines file (`path`), each batch appended as it commits, idempotent by
///   batch id (``JSONLinesFileSink``); with `outputMode 'complete'` the file holds the latest
///   whole result instead (rewritten atomically per batch);
/// - `parquet`: a Parquet dataset with Spark's `_spark_metadata` manifest (`path`, optional
///   `partitionBy 'a,b'`);
/// - `kafka`: one message per row to `topic` at `bootstrap`; the row's `value` column, or the
///   whole row as a JSON document when it has none (`key` column optional);
/// - `sqlite`, `postgres`: a document table (`path 'PATH#TABLE'` or `path` + `table`), written
///   by `idField` (default `id`) with `mode` insert, upsert (default) or merge;
/// - `console`: the first rows of each batch on standard output.
/// Every sink takes `outputMode` (append, the default; update; complete) and
/// `foreachBatch 'topup_state_counts'` (the seed top-up pipeline's per-batch counts by State,
/// written instead of the rows: ``TopUpTargeting/stateCounts(batchId:scored:)``).
enum SQLSinks {
    /// The sink formats, for messages.
    static let formats = ["jsonl", "parquet", "kafka", "sqlite", "postgres", "console"]

    /// The per-batch functions `foreachBatch` names: a batch in, the batch to write out (nil: nothing this batch).
    static let batchFunctions: [String: @Sendable (Int64, RecordBatch) throws -> RecordBatch?] = [
        "topup_state_counts": { batchId, batch in try TopUpTargeting.stateCounts(batchId: batchId, scored: batch) },
    ]

    /// A sink and the JSON-lines files it appends to (cut back to the checkpoint on a rerun).
    struct Made {
        var sink: StageSink
        var files: [JSONLinesFileSink]
        var outputMode: OutputMode
    }

    /// Opens the sink `table` declares.
    static func make(_ table: SQLTableDeclaration, stage: String) throws -> Made {
        let outputMode = try self.outputMode(table)
        let function = try table.option("foreachbatch").map { name throws(SQLError) in
            guard let function = batchFunctions[name.lowercased()] else {
                throw SQLError(.resolution, "unknown foreachBatch function '\(name)'; known: \(batchFunctions.keys.sorted().joined(separator: ", "))", at: table.position)
            }
            return function
        }
        var files: [JSONLinesFileSink] = []
        let write: (Int64, RecordBatch) throws -> Void
        // What a batch that `foreachBatch` turns into nothing does to the output.
        var skip: (Int64) throws -> Void = { _ in }
        switch table.format {
        case "jsonl":
            let path = try SQLConnectors.path(table)
            try StartupCheck.prepareDirectory(parentDirectory(of: path), option: "the path of `\(table.name)`")
            if outputMode == .complete {
                write = { _, batch in
                    var bytes: [UInt8] = []
                    JSONLinesEncoder.encode(batch, into: &bytes)
                    try FileSystem.writeAtomically(bytes, to: path)
                }
            } else {
                let file = try JSONLinesFileSink(path: path)
                files.append(file)
                write = { try file.addBatch($0, $1) }
                skip = { _ = try file.resume(at: $0) }
            }
        case "parquet":
            let partitionBy = table.option("partitionby").map { $0.split(separator: ",").map { String($0).trimmingSpaces() } } ?? []
            let sink = try ParquetFileSink(path: try SQLConnectors.path(table), partitionBy: partitionBy)
            write = { try sink.addBatch($0, $1) }
        case "console":
            let sink = ConsoleSink()
            write = { try sink.addBatch($0, $1) }
        case "kafka":
            guard let servers = table.option("bootstrap") ?? table.option("kafka.bootstrap.servers"), let topic = table.option("topic") else {
                throw SQLError(.syntax, "a Kafka sink needs OPTIONS (bootstrap 'HOST:PORT', topic 'NAME')", at: table.position)
            }
            let sink = try KafkaSink(configuration: KafkaSinkConfiguration(bootstrapServers: servers, topic: topic))
            write = { batchId, batch in try sink.addBatch(batchId, try kafkaRows(batch)) }
        case "sqlite", "postgres", "postgresql":
            let sink = try SQLDocumentTableSink.open(table, writer: "s360 run \(stage)")
            write = { try sink.addBatch($0, $1) }
        default:
            throw SQLError(.resolution, "unknown sink format `\(table.format)`; sinks are \(formats.joined(separator: ", "))", at: table.position)
        }
        let through: (Int64, RecordBatch) throws -> Void = { batchId, batch in
            guard let function else { return try write(batchId, batch) }
            if let out = try function(batchId, batch) { try write(batchId, out) } else { try skip(batchId) }
        }
        return Made(sink: StageSink(name: stage, write: through), files: files, outputMode: outputMode)
    }

    static func outputMode(_ table: SQLTableDeclaration) throws(SQLError) -> OutputMode {
        guard let text = table.option("outputmode") else { return .append }
        guard let mode = OutputMode(rawValue: text.lowercased()) else {
            throw SQLError(.syntax, "outputMode '\(text)' of `\(table.name)`: append, update or complete", at: table.position)
        }
        return mode
    }

    /// A batch for the Kafka sink: as it is with a `value` column, else each row as a JSON document.
    static func kafkaRows(_ batch: RecordBatch) throws -> RecordBatch {
        if try batch.schema.index(of: "value") != nil { return batch }
        var bytes: [UInt8] = []
        JSONLinesEncoder.encode(batch, into: &bytes)
        var values = ColumnBuilder(type: .string)
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(batch.rowCount) {
            values.append(String(decoding: line, as: UTF8.self))
        }
        return try RecordBatch(schema: Schema([Field("value", .string)]), columns: [values.finish()], rowCount: batch.rowCount)
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
