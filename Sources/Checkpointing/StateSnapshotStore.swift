import Connectors

/// Versioned snapshots of operator state: `state/<operator>/<batchId>.snapshot`.
///
/// `<operator>` is the stateful operator's index in the plan (depth first) followed by its
/// partition (`0/3`: operator 0, partition 3), or `query` for the query's own watermarks. Each file is the state *after* batch `batchId`, written atomically
/// once per batch; the bytes are the operator's own versioned encoding (see FORMAT.md).
public struct StateSnapshotStore: Sendable {
    /// The `state` directory.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The file of `operatorName`'s state after batch `batchId`.
    public func path(operator operatorName: String, batchId: Int64) -> String {
        "\(directory)/\(operatorName)/\(batchId).snapshot"
    }

    /// Saves `bytes` as `operatorName`'s state after batch `batchId` (replacing a snapshot of a re-run batch).
    public func write(_ bytes: [UInt8], operator operatorName: String, batchId: Int64) throws(CheckpointError) {
        let folder = "\(directory)/\(operatorName)"
        try checkpointIO { () throws(ConnectorError) in
            try FileSystem.createDirectory(folder)
            try FileSystem.writeAtomically(bytes, to: path(operator: operatorName, batchId: batchId))
        }
    }

    /// `operatorName`'s state after batch `batchId`, or nil when it was never written (or purged).
    public func read(operator operatorName: String, batchId: Int64) throws(CheckpointError) -> [UInt8]? {
        let file = path(operator: operatorName, batchId: batchId)
        guard FileSystem.exists(file) else { return nil }
        return try checkpointIO { () throws(ConnectorError) in try FileSystem.readAll(file) }
    }

    /// Makes the renames of the batch's snapshots durable (one fsync per operator directory).
    public func sync(operators: [String]) throws(CheckpointError) {
        for name in operators {
            let folder = "\(directory)/\(name)"
            if FileSystem.isDirectory(folder) { try checkpointIO { () throws(ConnectorError) in try FileSystem.sync(folder) } }
        }
    }

    /// Deletes every snapshot of a batch below `batchId`, in operator folders and in their
    /// partition folders (`state/<operator>/<partition>/`).
    public func purge(before batchId: Int64) throws(CheckpointError) {
        guard FileSystem.isDirectory(directory) else { return }
        try purge(folder: directory, before: batchId, depth: 0)
    }

    private func purge(folder: String, before batchId: Int64, depth: Int) throws(CheckpointError) {
        for name in try checkpointIO({ () throws(ConnectorError) in try FileSystem.listEntries(folder) }) {
            let path = "\(folder)/\(name)"
            if FileSystem.isDirectory(path) {
                if depth < 2 { try purge(folder: path, before: batchId, depth: depth + 1) }
                continue
            }
            guard depth > 0, name.hasSuffix(".snapshot"), let id = Int64(name.dropLast(".snapshot".count)), id < batchId else { continue }
            try checkpointIO { () throws(ConnectorError) in try FileSystem.removeFile(path) }
        }
    }
}
