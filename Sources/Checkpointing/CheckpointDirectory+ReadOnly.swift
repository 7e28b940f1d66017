import Connectors

extension CheckpointDirectory {
    /// An existing query checkpoint at `path`, opened for reading only: unlike ``init(_:)``,
    /// nothing is created, and none of the readers (``metadata()``, the logs' `get`/`batchIds`,
    /// ``StateSnapshotStore/read(operator:batchId:)``) writes.
    ///
    /// Used by `s360 checkpoint inspect` and `s360 replay`, which must leave a checkpoint exactly
    /// as they found it (a query may be running on it).
    /// - Throws: ``CheckpointError/notACheckpoint(path:detail:)`` when `path` is missing or
    ///   holds neither `metadata` nor an `offsets` log.
    public init(existing path: String) throws(CheckpointError) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard FileSystem.isDirectory(trimmed) else {
            throw .notACheckpoint(path: trimmed, detail: FileSystem.exists(trimmed) ? "it is a file" : "it does not exist")
        }
        guard FileSystem.isRegularFile("\(trimmed)/metadata") || FileSystem.isDirectory("\(trimmed)/offsets") else {
            throw .notACheckpoint(path: trimmed, detail: "it holds no metadata file and no offsets/ log")
        }
        self.path = trimmed
        offsets = OffsetLog(directory: "\(trimmed)/offsets")
        commits = CommitLog(directory: "\(trimmed)/commits")
        state = StateSnapshotStore(directory: "\(trimmed)/state")
    }
}
