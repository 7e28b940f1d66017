/// Why a batch cannot be replayed from a checkpoint (``StreamingQuery/replay(_:configuration:batchId:checkpoint:)``).
///
/// Each case names the checkpoint and the batch, and says which batches can be replayed instead.
public enum ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The checkpoint holds no `offsets/N` for the batch: it never ran, or retention purged it.
    case unknownBatch(path: String, batchId: Int64, recorded: [Int64])
    /// `offsets/N−1`, where batch N starts reading, was purged by retention (only N's is kept).
    case previousOffsetsMissing(path: String, batchId: Int64, oldestReplayable: Int64?)
    /// The recorded offsets name another number of sources than the plan reads.
    case sourceCountChanged(path: String, batchId: Int64, recorded: Int, current: Int)

    public var description: String {
        switch self {
        case .unknownBatch(let path, let batchId, let recorded):
            let kept = recorded.isEmpty ? "none" : recorded.count == 1 ? "\(recorded[0])" : "\(recorded[0])…\(recorded[recorded.count - 1])"
            return "checkpoint \(path) has no offsets for batch \(batchId) (it never ran, or retention purged it); "
                + "batches with offsets: \(kept). Choose one of those (`s360 checkpoint inspect \(path)` lists them)"
        case .previousOffsetsMissing(let path, let batchId, let oldest):
            return "checkpoint \(path) no longer holds offsets/\(batchId - 1), where batch \(batchId) starts reading (retention purged it); "
                + (oldest.map { "the oldest batch that can be replayed is \($0)" } ?? "no batch can be replayed")
                + "; a larger checkpointRetention keeps more batches replayable"
        case .sourceCountChanged(let path, let batchId, let recorded, let current):
            return "checkpoint \(path) recorded \(recorded) source offsets for batch \(batchId) and this plan reads \(current) sources; "
                + "replay it with the plan that wrote the checkpoint"
        }
    }
}
