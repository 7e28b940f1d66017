public import Columnar
public import Connectors
public import Parquet
import Checkpointing
import Compression

/// Spark's `writeStream.format("parquet")`: each micro-batch becomes Parquet files under
/// `path`, published by a manifest entry in `path/_spark_metadata/N`.
///
/// The commit protocol (Spark's `ManifestFileCommitProtocol`):
/// 1. a batch whose manifest entry exists was committed before: it is skipped, so a batch
///    re-run after a crash never duplicates rows;
/// 2. otherwise every file is written under a hidden temporary name (`.part-….tmp`), closed,
///    fsynced and renamed to its deterministic name `part-<batch>-<n>.<codec>.parquet`: a re-run
///    replaces, never adds, files of the batch;
/// 3. then the manifest entry `N` (`v1` + one `SinkFileStatus` per file) is written atomically;
///    every `compactInterval`-th batch (9, 19, 29 … by default) is written as `N.compact`
///    holding the live files of all earlier batches too, as Spark's `FileStreamSinkLog` does
///    (see ``FileSinkCompaction``). Spark cannot read a manifest of 10 or more batches without them.
/// Readers that honour the manifest (``ParquetDataset``, Spark, the shared reader tool) see a
/// batch's files all at once or not at all; leftover files of a crashed attempt stay invisible.
///
/// With `partitionBy`, rows go to `col=value/…` directories (Spark's escaping, null as
/// `__HIVE_DEFAULT_PARTITION__`) and the partition columns are not stored in the files.
///
/// ```swift
/// let sink = try ParquetFileSink(path: "out/cust_bureau", partitionBy: ["State"])
/// ```
public final class ParquetFileSink: StreamSink {
    /// The dataset directory (absolute, symlinks resolved).
    public let path: String
    public let partitionBy: [String]
    public let options: ParquetWriterOptions
    /// The manifest log, `path/_spark_metadata`.
    public let manifest: FileSinkLog
    /// Spark's `spark.sql.streaming.fileSink.log.compactInterval`: batch N is a compaction
    /// batch when `(N + 1) % compactInterval == 0`. A sink must keep the interval it started with.
    public let compactInterval: Int
    public var description: String { "FileSink[\(path)]" }

    /// A sink writing to `path` (created when missing).
    /// - Parameter compactInterval: batches per manifest compaction, Spark's default 10; values
    ///   below 1 are taken as 1.
    public init(
        path: String, partitionBy: [String] = [], options: ParquetWriterOptions = ParquetWriterOptions(),
        compactInterval: Int = FileSinkCompaction.defaultInterval
    ) throws(FileSinkError) {
        do {
            try FileSystem.createDirectory(path)
            self.path = try FileSystem.canonicalPath(path)
        } catch {
            throw .io(batchId: -1, error)
        }
        self.partitionBy = partitionBy
        self.options = options
        self.compactInterval = max(compactInterval, 1)
        manifest = FileSinkLog(directory: "\(self.path)/_spark_metadata")
    }

    /// The file name extension for the codec, as Spark names it.
    var fileExtension: String {
        switch options.compression {
        case .none: "parquet"
        case .snappy: "snappy.parquet"
        case .zstd: "zstd.parquet"
        case .gzip: "gz.parquet"
        }
    }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        do {
            if let latest = try manifest.batchIds().last, batchId <= latest { return }
        } catch {
            throw FileSinkError.manifest(batchId: batchId, error)
        }
        var files: [SinkFileStatus] = []
        for (n, part) in try partitions(of: batch).enumerated() {
            let directory = part.directory.isEmpty ? path : "\(path)/\(part.directory)"
            let name = "part-\(Self.pad(batchId))-\(Self.pad(Int64(n))).\(fileExtension)"
            files.append(try writeFile(part.rows, directory: directory, name: name, batchId: batchId))
        }
        do {
            if FileSinkCompaction.isCompactionBatch(batchId, interval: compactInterval) {
                let earlier = try FileSinkCompaction.liveFiles(in: manifest, before: batchId)
                let all = FileSinkCompaction.apply(files, to: earlier)
                try manifest.add(batchId, FileSinkLogEntry(files: all), compact: true)
            } else {
                try manifest.add(batchId, FileSinkLogEntry(files: files))
            }
        } catch {
            throw FileSinkError.manifest(batchId: batchId, error)
        }
    }

    /// The batch's rows split by partition directory, in order of first appearance; the
    /// partition columns are dropped from the rows.
    func partitions(of batch: RecordBatch) throws(FileSinkError) -> [(directory: String, rows: RecordBatch)] {
        guard !partitionBy.isEmpty else { return batch.rowCount == 0 ? [] : [("", batch)] }
        var partitionIndices: [Int] = []
        for name in partitionBy {
            guard let index = batch.schema.fields.firstIndex(where: { $0.name == name }) else {
                throw .unknownPartitionColumn(name, available: batch.schema.names)
            }
            guard PartitionPath.supports(batch.schema.fields[index].type) else {
                throw .unsupportedPartitionType(column: name, type: batch.schema.fields[index].type.description)
            }
            partitionIndices.append(index)
        }
        let dataIndices = batch.schema.fields.indices.filter { !partitionIndices.contains($0) }
        guard !dataIndices.isEmpty else { throw .noDataColumns(path: path) }
        var order: [String] = []
        var rowsByDirectory: [String: [Int]] = [:]
        for row in 0..<batch.rowCount {
            let directory = zip(partitionBy, partitionIndices).map { name, index in
                PartitionPath.segment(name: name, column: batch.columns[index], row: row)
            }.joined(separator: "/")
            if rowsByDirectory[directory] == nil { order.append(directory) }
            rowsByDirectory[directory, default: []].append(row)
        }
        let dataSchema = Schema(dataIndices.map { batch.schema.fields[$0] })
        return order.map { directory in
            let rows = rowsByDirectory[directory] ?? []
            let columns = dataIndices.map { batch.columns[$0].take(rows) }
            return (directory, RecordBatch(trusted: dataSchema, columns: columns, rowCount: rows.count))
        }
    }

    private func writeFile(_ rows: RecordBatch, directory: String, name: String, batchId: Int64) throws(FileSinkError) -> SinkFileStatus {
        let final = "\(directory)/\(name)"
        let temporary = "\(directory)/.\(name).tmp"
        do {
            try FileSystem.createDirectory(directory)
        } catch {
            throw .io(batchId: batchId, error)
        }
        do {
            let writer = try ParquetWriter(path: temporary, schema: rows.schema, options: options)
            try writer.write(rows)
            try writer.close()
        } catch {
            throw .parquet(batchId: batchId, error)
        }
        do {
            try FileSystem.sync(temporary)
            try FileSystem.rename(temporary, to: final)
            try FileSystem.sync(directory)
        } catch {
            throw .io(batchId: batchId, error)
        }
        guard let status = FileSystem.status(final) else {
            throw .io(batchId: batchId, .io(path: final, operation: "stat", errno: 2))
        }
        return SinkFileStatus(path: PartitionPath.fileURI(final), size: status.size, modificationTime: status.modificationTimeMs)
    }

    static func pad(_ value: Int64) -> String {
        let digits = String(value)
        return digits.count >= 5 ? digits : String(repeating: "0", count: 5 - digits.count) + digits
    }
}
