#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Compression

/// Errors raised while writing or reading Parquet files.
///
/// Every case carries the file path and, where it applies, the column (its dotted path in the
/// Parquet schema), the row group and the page, so that a message points at the exact bytes.
public enum ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed on `path` (`operation` is the call, `errno` its error number).
    case io(path: String, operation: String, errno: Int32)
    /// The file is not Parquet: too short, or without the `PAR1` magic at both ends.
    case notParquet(path: String, detail: String)
    /// The footer (file metadata) could not be decoded.
    case corruptMetadata(path: String, detail: String)
    /// A page of a column chunk could not be decoded.
    case corruptPage(path: String, column: String, rowGroup: Int, page: Int, detail: String)
    /// A page failed to decompress.
    case compression(path: String, column: String, rowGroup: Int, page: Int, CompressionError)
    /// The file uses a feature Stream360 does not read or write (an encoding, a type, a codec).
    case unsupported(path: String, column: String, feature: String)
    /// A projection or predicate named a column the file does not have.
    case unknownColumn(path: String, column: String, available: [String])
    /// A batch (or another file of a dataset) does not have the schema the writer or dataset has.
    case schemaMismatch(path: String, expected: String, actual: String)
    /// A null was written to a column declared non-nullable.
    case nullInRequiredColumn(path: String, column: String)
    /// `write` or `close` was called on a writer that is already closed.
    case writerClosed(path: String)
    /// A directory holds no data files (names starting with `_` or `.` are skipped).
    case noDataFiles(path: String)
    /// A writer option is out of range.
    case invalidOption(name: String, detail: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno):
            return "\(operation) failed on \(path): \(String(cString: strerror(errno))); check that the path exists and is accessible"
        case .notParquet(let path, let detail):
            return "\(path) is not a Parquet file: \(detail)"
        case .corruptMetadata(let path, let detail):
            return "\(path): the Parquet footer is corrupt: \(detail)"
        case .corruptPage(let path, let column, let rowGroup, let page, let detail):
            return "\(path): column '\(column)', row group \(rowGroup), page \(page) is corrupt: \(detail)"
        case .compression(let path, let column, let rowGroup, let page, let error):
            return "\(path): column '\(column)', row group \(rowGroup), page \(page): \(error)"
        case .unsupported(let path, let column, let feature):
            return "\(path): column '\(column)' uses \(feature), which Stream360 does not support"
        case .unknownColumn(let path, let column, let available):
            return "\(path) has no column '\(column)'; available: \(available.joined(separator: ", "))"
        case .schemaMismatch(let path, let expected, let actual):
            return "\(path): schema \(actual.prefix(300)) does not match \(expected.prefix(300))"
        case .nullInRequiredColumn(let path, let column):
            return "\(path): column '\(column)' is not nullable but the batch holds a null; declare the field nullable"
        case .writerClosed(let path):
            return "the Parquet writer for \(path) is already closed"
        case .noDataFiles(let path):
            return "\(path) holds no Parquet data files"
        case .invalidOption(let name, let detail):
            return "Parquet writer option \(name): \(detail)"
        }
    }
}
