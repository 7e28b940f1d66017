import Checkpointing
import Connectors

/// Spark's compaction of a file sink's manifest (`CompactibleFileStreamLog`,
/// `FileStreamSinkLog`): every `interval`-th batch (ids 9, 19, 29 … for Spark's default
/// `spark.sql.streaming.fileSink.log.compactInterval` of 10) is written as `N.compact`, holding
/// the live entries of every earlier batch plus N's own, so a reader needs only the latest
/// compaction file and the batches after it.
///
/// Spark *expects* the compaction files: a `_spark_metadata` whose latest batch is 9 or more
/// without `9.compact` fails to read (`9.compact doesn't exist (latestId: 15, compactInterval: 10)`).
///
/// Stream360 keeps the plain files of earlier batches (Spark's
/// `spark.sql.streaming.fileSink.log.deletion=false`): Spark deletes them ten minutes after a
/// compaction (`fileSink.log.cleanupDelay`), but no reader needs them, and keeping them means a
/// crash in the middle of a compaction never loses an entry. Readers start at the latest
/// `N.compact` and ignore what comes before it.
public enum FileSinkCompaction {
    /// Spark's default `spark.sql.streaming.fileSink.log.compactInterval`.
    public static let defaultInterval = 10

    /// Whether batch `batchId` is written as `N.compact` (Spark's `isCompactionBatch`).
    public static func isCompactionBatch(_ batchId: Int64, interval: Int) -> Bool {
        (batchId + 1) % Int64(interval) == 0
    }

    /// The batches whose entries a compaction of `batchId` merges, the previous compaction
    /// included (Spark's `getValidBatchesBeforeCompactionBatch`): 2, 3, 4 for batch 5 and interval 3.
    public static func validBatchesBeforeCompaction(_ batchId: Int64, interval: Int) -> [Int64] {
        Array(max(0, batchId - Int64(interval))..<batchId)
    }

    /// The batches a reader needs to see every file up to `batchId` (Spark's
    /// `getAllValidBatches`): the latest compaction at or before it, then every later batch.
    public static func allValidBatches(_ batchId: Int64, interval: Int) -> [Int64] {
        let start = max(0, (batchId + 1) / Int64(interval) * Int64(interval) - 1)
        return Array(start...batchId)
    }

    /// The live files of every batch before `batchId` in `log`, in commit order: the entries
    /// from the latest compaction before `batchId` on (from batch 0 when there is none, as in a
    /// sink written before Stream360 compacted), `delete` entries applied.
    ///
    /// This reads the previous compaction and the batches after it, which is exactly
    /// ``validBatchesBeforeCompaction(_:interval:)`` for a regular log, and stays correct for a
    /// log whose earlier compactions are missing.
    static func liveFiles(in log: FileSinkLog, before batchId: Int64) throws(CheckpointError) -> [SinkFileStatus] {
        let ids = try log.batchIds().filter { $0 < batchId }
        let start = ids.last { FileSystem.exists(log.path(of: $0) + ".compact") } ?? 0
        var files: [SinkFileStatus] = []
        for id in ids where id >= start {
            guard let entry = try log.get(id) else { continue }
            files = apply(entry.files, to: files)
        }
        return files
    }

    /// `files` with `changes` applied in order: an `add` replaces an earlier entry of the same
    /// path, a `delete` removes it.
    static func apply(_ changes: [SinkFileStatus], to files: [SinkFileStatus]) -> [SinkFileStatus] {
        var result = files
        for change in changes {
            result.removeAll { $0.path == change.path }
            if change.action == "add" { result.append(change) }
        }
        return result
    }
}
