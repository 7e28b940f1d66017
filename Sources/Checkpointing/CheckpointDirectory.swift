import Connectors

/// A streaming query's checkpoint: where it records what it read, what it committed and the
/// state it kept, so that a restarted query continues exactly where the last one stopped.
///
/// ```
/// DIR/metadata            {"id":…,"planFingerprint":…,"plan":…}
/// DIR/offsets/N           written before batch N runs (OffsetLog)
/// DIR/commits/N           written after batch N's sink and state are saved (CommitLog)
/// DIR/state/<op>/N.snapshot   operator state after batch N
/// ```
/// The layout and names follow Spark's, so the logs read the same; `FORMAT.md` beside this
/// file describes every byte. The directory belongs to one query at a time.
public struct CheckpointDirectory: Sendable {
    public let path: String
    public let offsets: OffsetLog
    public let commits: CommitLog
    public let state: StateSnapshotStore

    /// A checkpoint at `path` (created, with its parents, when missing).
    public init(_ path: String) throws(CheckpointError) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.path = trimmed
        offsets = OffsetLog(directory: "\(trimmed)/offsets")
        commits = CommitLog(directory: "\(trimmed)/commits")
        state = StateSnapshotStore(directory: "\(trimmed)/state")
        try checkpointIO { () throws(ConnectorError) in try FileSystem.createDirectory(trimmed) }
    }

    /// The `metadata` file.
    public var metadataPath: String { "\(path)/metadata" }

    /// The metadata, or nil for a new checkpoint.
    public func metadata() throws(CheckpointError) -> CheckpointMetadata? {
        guard FileSystem.exists(metadataPath) else { return nil }
        let bytes = try checkpointIO { () throws(ConnectorError) in try FileSystem.readAll(metadataPath) }
        return try CheckpointMetadata.parse(String(decoding: bytes, as: UTF8.self), path: metadataPath)
    }

    /// Opens the checkpoint for a query whose plan is described by `plan`: writes the metadata
    /// of a new checkpoint, or checks that an existing one was written by the same plan.
    /// - Throws: ``CheckpointError/incompatiblePlan(path:checkpointed:current:checkpointedPlan:currentPlan:)``.
    public func open(plan: String) throws(CheckpointError) -> CheckpointMetadata {
        let current = CheckpointMetadata(id: CheckpointMetadata.randomID(), plan: plan)
        guard let existing = try metadata() else {
            let bytes = Array((current.json + "\n").utf8)
            try checkpointIO { () throws(ConnectorError) in try FileSystem.writeAtomically(bytes, to: metadataPath) }
            return current
        }
        guard existing.planFingerprint == current.planFingerprint else {
            throw .incompatiblePlan(path: path, checkpointed: existing.planFingerprint, current: current.planFingerprint,
                                    checkpointedPlan: existing.plan, currentPlan: plan)
        }
        return existing
    }
}
