import Checkpointing
import Connectors
import Parquet

/// Errors of the Parquet file sink and the manifest-aware dataset reader.
public enum FileSinkError: Error, Sendable, CustomStringConvertible {
    /// A `partitionBy` column is not in the batch.
    case unknownPartitionColumn(String, available: [String])
    /// A `partitionBy` column has a type that cannot name a directory (structs, arrays).
    case unsupportedPartitionType(column: String, type: String)
    /// Every column is a partition column: the files would have no columns.
    case noDataColumns(path: String)
    /// Writing or reading a Parquet file failed (batch -1 when reading).
    case parquet(batchId: Int64, ParquetError)
    /// Reading or writing the `_spark_metadata` manifest failed.
    case manifest(batchId: Int64, CheckpointError)
    /// A file system call failed.
    case io(batchId: Int64, ConnectorError)
    /// A manifest entry names a file that is not under the dataset or cannot be decoded.
    case invalidManifestPath(manifest: String, path: String)

    public var description: String {
        switch self {
        case .unknownPartitionColumn(let column, let available):
            "partitionBy column '\(column)' is not in the output; available: \(available.joined(separator: ", "))"
        case .unsupportedPartitionType(let column, let type):
            "partitionBy column '\(column)' is \(type); partition by a string, number, boolean or timestamp column"
        case .noDataColumns(let path):
            "the Parquet sink at \(path) would write files without columns: leave at least one column out of partitionBy"
        case .parquet(let batchId, let error):
            "Parquet sink, batch \(batchId): \(error)"
        case .manifest(let batchId, let error):
            "Parquet sink manifest, batch \(batchId): \(error)"
        case .io(let batchId, let error):
            "Parquet sink, batch \(batchId): \(error)"
        case .invalidManifestPath(let manifest, let path):
            "manifest \(manifest) lists '\(path.prefix(300))', which is not a file:// path"
        }
    }
}
