public import Columnar
import Checkpointing
import Connectors
import Parquet

/// Reads a Parquet dataset written by a streaming file sink, honouring its manifest.
///
/// With `path/_spark_metadata`, only files of committed batches are read: entries from the
/// latest `N.compact` on (Spark's compaction, which ``ParquetFileSink`` writes every 10
/// batches; see ``FileSinkCompaction``) with `add` and `delete` applied in order.
/// Without one, every visible Parquet file is read (as ``readParquet(path:columns:where:)``).
/// Partition directories (`col=value`) become string columns after the file's columns,
/// `__HIVE_DEFAULT_PARTITION__` as null.
///
/// ```swift
/// let rows = try ParquetDataset(path: "out/cust_bureau").read()
/// ```
public struct ParquetDataset: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The absolute paths of the committed files, in commit order.
    public func committedFiles() throws(FileSinkError) -> [String] {
        let log = FileSinkLog(directory: "\(path)/_spark_metadata")
        do {
            let ids = try log.batchIds()
            let compacted = ids.filter { FileSystem.exists("\(log.directory)/\($0).compact") }.last ?? -1
            var files: [String] = []
            for id in ids where id >= compacted {
                guard let entry = try log.get(id) else { continue }
                for status in entry.files {
                    guard let file = PartitionPath.path(fromURI: status.path) else {
                        throw FileSinkError.invalidManifestPath(manifest: log.path(of: id), path: status.path)
                    }
                    files.removeAll { $0 == file }
                    if status.action == "add" { files.append(file) }
                }
            }
            return files
        } catch let error as CheckpointError {
            throw .manifest(batchId: -1, error)
        } catch let error as FileSinkError {
            throw error
        } catch {
            throw .manifest(batchId: -1, .io(path: path, operation: "\(error)", errno: 0))
        }
    }

    /// Whether the dataset has a manifest.
    public var hasManifest: Bool { FileSystem.isDirectory("\(path)/_spark_metadata") }

    /// Every committed row, partition columns appended as strings.
    public func read() throws(FileSinkError) -> RecordBatch {
        guard hasManifest else {
            do {
                return try readParquet(path: path)
            } catch {
                throw .parquet(batchId: -1, error)
            }
        }
        let root = (try? FileSystem.canonicalPath(path)) ?? path
        var batches: [RecordBatch] = []
        var schema: Schema?
        for file in try committedFiles() {
            let rows: RecordBatch
            do {
                let reader = try ParquetReader(path: file)
                rows = RecordBatch.concatenate(try reader.read(), schema: reader.schema)
            } catch {
                throw .parquet(batchId: -1, error)
            }
            let withPartitions = Self.appendPartitionColumns(rows, file: file, root: root)
            if let schema, schema != withPartitions.schema {
                throw .parquet(batchId: -1, .schemaMismatch(path: file, expected: schema.description, actual: withPartitions.schema.description))
            }
            schema = withPartitions.schema
            batches.append(withPartitions)
        }
        return RecordBatch.concatenate(batches, schema: schema ?? Schema([]))
    }

    static func appendPartitionColumns(_ rows: RecordBatch, file: String, root: String) -> RecordBatch {
        guard file.hasPrefix(root + "/") else { return rows }
        let segments = file.dropFirst(root.count + 1).split(separator: "/").dropLast()
        var fields = rows.schema.fields
        var columns = rows.columns
        for segment in segments {
            guard let equals = segment.firstIndex(of: "=") else { continue }
            let name = PartitionPath.unescape(String(segment[..<equals]))
            let raw = String(segment[segment.index(after: equals)...])
            let value: Scalar = raw == PartitionPath.defaultPartitionName ? .null : .string(PartitionPath.unescape(raw))
            fields.append(Field(name, .string))
            columns.append(Column(repeating: value, type: .string, count: rows.rowCount))
        }
        return RecordBatch(trusted: Schema(fields), columns: columns, rowCount: rows.rowCount)
    }
}
