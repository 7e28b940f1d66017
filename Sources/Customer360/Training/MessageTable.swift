public import Columnar
import Connectors
public import StreamPlan

/// Every message of a directory of JSON-lines files as a bounded table (`value`, plus the
/// file and line of each message), so that the streaming pipelines' parsing steps also
/// prepare training data in batch.
public enum MessageTable {
    /// The lines of every data file in `directory`, in file-name order.
    public static func read(directory: String) throws -> RecordBatch {
        let source = try TextFileSource(directory: directory)
        guard let end = try source.latestOffset(after: nil, limit: .all) else { return .empty(source.schema) }
        return try source.read(from: nil, to: end)
    }

    /// ``read(directory:)`` as a DataFrame.
    public static func dataFrame(directory: String) throws -> DataFrame {
        try DataFrame.table(try read(directory: directory))
    }
}
