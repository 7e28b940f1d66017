#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Connectors

/// Errors raised while reading or writing a checkpoint directory.
///
/// Every case names the file (or directory) involved and, where it applies, the batch id, so
/// that a message says which bytes to look at; the text ends with what to try next.
public enum CheckpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed on `path`.
    case io(path: String, operation: String, errno: Int32)
    /// A log file starts with a version marker this build cannot read (`v2` where `v1` is known).
    case unsupportedVersion(path: String, found: String, supported: Int)
    /// A log file or the metadata file does not have the expected shape.
    case malformedEntry(path: String, line: Int, detail: String)
    /// `add` was asked to write batch `batchId` with content different from what is already there.
    case conflictingEntry(path: String, batchId: Int64)
    /// The checkpoint was written by a query with a different plan.
    case incompatiblePlan(path: String, checkpointed: String, current: String, checkpointedPlan: String, currentPlan: String)
    /// The offsets, commits and state of the directory contradict each other.
    case inconsistentLogs(path: String, detail: String)
    /// A state snapshot a restart needs is missing.
    case missingState(path: String, batchId: Int64)
    /// A state snapshot exists but cannot be decoded.
    case corruptState(path: String, batchId: Int64, detail: String)
    /// A checkpoint setting is out of range.
    case invalidOption(name: String, detail: String)
    /// The checkpoint's state is split into `checkpointed` partitions by key hash, and the query
    /// asks for `requested` (Spark's `spark.sql.shuffle.partitions` cannot change across restarts).
    case partitionCountChanged(path: String, checkpointed: Int, requested: Int)
    /// `path` was expected to be a checkpoint (or a pipeline's checkpoint root) and is not.
    case notACheckpoint(path: String, detail: String)

    public var description: String {
        switch self {
        case .io(let path, let operation, let errno):
            "checkpoint: \(operation) failed on \(path): \(String(cString: strerror(errno))); check that the directory exists and is writable"
        case .unsupportedVersion(let path, let found, let supported):
            "checkpoint file \(path) has version marker '\(found.prefix(20))' but this build reads up to v\(supported); "
                + "it was written by a newer Stream360 (or is not a log file): upgrade, or use a new checkpoint directory"
        case .malformedEntry(let path, let line, let detail):
            "checkpoint file \(path), line \(line): \(detail.prefix(300)); the file is damaged or was not written by Stream360"
        case .conflictingEntry(let path, let batchId):
            "checkpoint log \(path) already holds a different entry for batch \(batchId); refusing to overwrite it "
                + "(is another query using the same checkpoint directory?)"
        case .incompatiblePlan(let path, let checkpointed, let current, let checkpointedPlan, let currentPlan):
            "checkpoint \(path) was written by a different query plan (fingerprint \(checkpointed), this plan \(current)); "
                + "its state cannot be reused. Checkpointed plan: \(checkpointedPlan.prefix(600)). This plan: \(currentPlan.prefix(600)). "
                + "Restore the original query or start it with a new checkpoint directory"
        case .inconsistentLogs(let path, let detail):
            "checkpoint \(path) is inconsistent: \(detail); restore it from a backup or use a new checkpoint directory"
        case .missingState(let path, let batchId):
            "checkpoint state for batch \(batchId) is missing at \(path); the retention count may be too small, or the directory was damaged"
        case .corruptState(let path, let batchId, let detail):
            "checkpoint state for batch \(batchId) at \(path) cannot be read: \(detail.prefix(300))"
        case .invalidOption(let name, let detail):
            "checkpoint option \(name): \(detail)"
        case .partitionCountChanged(let path, let checkpointed, let requested):
            "checkpoint \(path) holds state in \(checkpointed) partition\(checkpointed == 1 ? "" : "s") (keys are placed by hash modulo the count), "
                + "and this query asks for \(requested); restart it with \(checkpointed) partition\(checkpointed == 1 ? "" : "s") (--partitions \(checkpointed)) "
                + "to resume, or use a new checkpoint directory to run with \(requested)"
        case .notACheckpoint(let path, let detail):
            "\(path) is not a checkpoint: \(detail); give a query's checkpoint directory (holding metadata, offsets/, commits/) "
                + "or a pipeline's checkpoint root (holding _pipeline and one directory per stage)"
        }
    }
}

extension CheckpointError {
    /// A failure of a connector file helper, as a checkpoint error.
    init(_ error: ConnectorError) {
        switch error {
        case .io(let path, let operation, let code): self = .io(path: path, operation: operation, errno: code)
        case .unreadableLocation(let path, let reason): self = .io(path: path, operation: reason, errno: 0)
        default: self = .io(path: "", operation: error.description, errno: 0)
        }
    }
}

/// Runs a file-system helper, turning its ``ConnectorError`` into a ``CheckpointError``.
func checkpointIO<T>(_ body: () throws(ConnectorError) -> T) throws(CheckpointError) -> T {
    do {
        return try body()
    } catch {
        throw CheckpointError(error)
    }
}
