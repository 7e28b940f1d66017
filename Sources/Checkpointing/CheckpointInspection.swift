import Connectors

/// What a checkpoint holds, read without changing a byte: `s360 checkpoint inspect`.
///
/// A query's checkpoint (FORMAT.md) is read as one ``QueryCheckpoint``: its batches with their
/// offsets and commits, the last committed batch and an uncommitted one a restart would re-run,
/// the recorded plan, and the size of every state snapshot per operator and partition. A
/// pipeline's checkpoint root (a `_pipeline` marker and one query checkpoint per stage, as
/// `s360 topup --checkpoint` and `s360 run FILE.sql --checkpoint` write it) is read as one
/// ``QueryCheckpoint`` per stage directory.
///
/// Inspection only lists and reads files, so it is safe while a query runs on the checkpoint;
/// it then shows the state as of the moment each file was read.
public struct CheckpointInspection: Sendable {
    /// The directory inspected.
    public var path: String
    /// The owner named in a pipeline root's `_pipeline` marker (`run topup.sql`, `topup`); nil
    /// for a single query's checkpoint.
    public var pipeline: String?
    /// The query checkpoints: one, or one per stage of a pipeline root (sorted by name).
    public var queries: [QueryCheckpoint]

    /// Reads the checkpoint or pipeline checkpoint root at `path`.
    /// - Throws: ``CheckpointError/notACheckpoint(path:detail:)`` when `path` is neither;
    ///   the read errors of a damaged log or metadata file.
    public init(path: String) throws(CheckpointError) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.path = trimmed
        guard FileSystem.isDirectory(trimmed) else {
            throw .notACheckpoint(path: trimmed, detail: FileSystem.exists(trimmed) ? "it is a file" : "it does not exist")
        }
        let marker = "\(trimmed)/_pipeline"
        if FileSystem.isRegularFile(marker) || !Self.isQueryCheckpoint(trimmed) {
            if FileSystem.isRegularFile(marker) {
                let text = String(decoding: try checkpointIO { () throws(ConnectorError) in try FileSystem.readAll(marker) }, as: UTF8.self)
                pipeline = text.split(separator: "\n").first.map(String.init) ?? ""
            }
            let names = try checkpointIO { () throws(ConnectorError) in try FileSystem.listEntries(trimmed) }.sorted()
            queries = []
            for name in names where Self.isQueryCheckpoint("\(trimmed)/\(name)") {
                queries.append(try QueryCheckpoint(path: "\(trimmed)/\(name)", name: name))
            }
            guard !queries.isEmpty else {
                throw .notACheckpoint(path: trimmed, detail: pipeline == nil ? "it holds no metadata file, no offsets/ log and no stage checkpoints"
                                        : "its stages have not written a checkpoint yet")
            }
        } else {
            pipeline = nil
            queries = [try QueryCheckpoint(path: trimmed, name: trimmed.split(separator: "/").last.map(String.init) ?? trimmed)]
        }
    }

    /// The query checkpoint of stage (or directory) `name`.
    public func query(_ name: String) -> QueryCheckpoint? { queries.first { $0.name == name } }

    static func isQueryCheckpoint(_ path: String) -> Bool {
        FileSystem.isRegularFile("\(path)/metadata") || FileSystem.isDirectory("\(path)/offsets")
    }
}

/// One query's checkpoint as ``CheckpointInspection`` reads it.
public struct QueryCheckpoint: Sendable {
    /// One batch id found in `offsets/` or `commits/`.
    public struct Batch: Sendable {
        public var id: Int64
        /// `offsets/N`: the watermark in force, the settings and every source's end offset
        /// (nil when purged while its commit was kept).
        public var offsets: OffsetSeq?
        /// `commits/N`, nil for a batch that was planned and not committed.
        public var commit: CommitEntry?
        /// The query's watermarks after the batch (`state/query/N.snapshot`), microseconds.
        public var watermarks: SavedWatermarks?

        /// Whether the batch is committed (it will never run again).
        public var isCommitted: Bool { commit != nil }
    }

    /// `state/query/N.snapshot`: the watermark for the next batch, the one in force during the
    /// batch and each watermark operator's own (nil before its first event time), microseconds.
    public struct SavedWatermarks: Sendable, Hashable {
        public var watermark: Int64
        public var lastBatchWatermark: Int64
        public var operatorWatermarks: [Int64?]
    }

    /// One state snapshot file.
    public struct StateFile: Sendable, Hashable {
        /// The stateful operator's number (`state/<operator>/`).
        public var operatorIndex: Int
        /// The partition (`state/<op>/<partition>/`), nil in a checkpoint from before partitions.
        public var partition: Int?
        public var batchId: Int64
        /// The file's size in bytes.
        public var bytes: Int64
        /// The operator kind the snapshot's header names (`stateStoreSave`, `symmetricHashJoin`),
        /// nil when the header cannot be read.
        public var kind: String?
    }

    /// The directory's last path component (a pipeline's stage name).
    public var name: String
    public var path: String
    /// The `metadata` file (nil when missing).
    public var metadata: CheckpointMetadata?
    /// Every batch with an offsets or commit entry, ascending.
    public var batches: [Batch]
    /// Every state snapshot, by operator, partition and batch.
    public var stateFiles: [StateFile]

    /// Reads the query checkpoint at `path`, without writing anything.
    public init(path: String, name: String) throws(CheckpointError) {
        self.name = name
        self.path = path
        let offsets = OffsetLog(directory: "\(path)/offsets")
        let commits = CommitLog(directory: "\(path)/commits")
        let metadataPath = "\(path)/metadata"
        if FileSystem.isRegularFile(metadataPath) {
            let bytes = try checkpointIO { () throws(ConnectorError) in try FileSystem.readAll(metadataPath) }
            metadata = try CheckpointMetadata.parse(String(decoding: bytes, as: UTF8.self), path: metadataPath)
        }
        let ids = Set(try offsets.batchIds()).union(try commits.batchIds()).sorted()
        stateFiles = try Self.stateFiles(in: "\(path)/state")
        let store = StateSnapshotStore(directory: "\(path)/state")
        batches = []
        for id in ids {
            var batch = Batch(id: id, offsets: try offsets.get(id), commit: try commits.get(id))
            if let bytes = try store.read(operator: "query", batchId: id) { batch.watermarks = Self.watermarks(bytes) }
            batches.append(batch)
        }
    }

    /// The last committed batch.
    public var lastCommitted: Int64? { batches.last { $0.isCommitted }?.id }

    /// The batch a restart would re-run: the last one with offsets and no commit.
    public var pendingBatch: Int64? {
        guard let last = batches.last, !last.isCommitted, last.offsets != nil else { return nil }
        return last.id
    }

    /// The partition count recorded in the newest offsets (`spark.sql.shuffle.partitions`);
    /// nil for a checkpoint from before partitions (one partition, `state/<op>/N.snapshot`).
    public var partitionCount: Int? {
        batches.last { $0.offsets != nil }?.offsets?.metadata.conf["spark.sql.shuffle.partitions"].flatMap { Int($0) }
    }

    /// The number of sources the newest offsets record.
    public var sourceCount: Int? { batches.last { $0.offsets != nil }?.offsets?.offsets.count }

    /// The recorded plan, parsed; nil without metadata or for text that does not parse.
    public var plan: PlanDescription? { metadata.flatMap { PlanDescription($0.plan) } }

    /// The newest snapshot of each (operator, partition): the state a restart would load.
    public var latestState: [StateFile] {
        var newest: [String: StateFile] = [:]
        for file in stateFiles {
            let key = "\(file.operatorIndex)/\(file.partition ?? -1)"
            if (newest[key]?.batchId ?? -1) < file.batchId { newest[key] = file }
        }
        return newest.values.sorted { ($0.operatorIndex, $0.partition ?? -1) < ($1.operatorIndex, $1.partition ?? -1) }
    }

    static func stateFiles(in directory: String) throws(CheckpointError) -> [StateFile] {
        guard FileSystem.isDirectory(directory) else { return [] }
        var files: [StateFile] = []
        func add(_ folder: String, operatorIndex: Int, partition: Int?) throws(CheckpointError) {
            for name in try checkpointIO({ () throws(ConnectorError) in try FileSystem.listEntries(folder) }) {
                let file = "\(folder)/\(name)"
                if let p = Int(name), partition == nil, FileSystem.isDirectory(file) {
                    try add(file, operatorIndex: operatorIndex, partition: p)
                    continue
                }
                guard name.hasSuffix(".snapshot"), let id = Int64(name.dropLast(".snapshot".count)) else { continue }
                files.append(StateFile(operatorIndex: operatorIndex, partition: partition, batchId: id,
                                       bytes: FileSystem.fileSize(file) ?? 0, kind: snapshotKind(file)))
            }
        }
        for name in try checkpointIO({ () throws(ConnectorError) in try FileSystem.listEntries(directory) }) {
            guard let index = Int(name), FileSystem.isDirectory("\(directory)/\(name)") else { continue }
            try add("\(directory)/\(name)", operatorIndex: index, partition: nil)
        }
        return files.sorted { ($0.operatorIndex, $0.partition ?? -1, $0.batchId) < ($1.operatorIndex, $1.partition ?? -1, $1.batchId) }
    }

    /// The operator kind in a snapshot's envelope: `S3OP`, version byte, u32 length, UTF-8 kind.
    static func snapshotKind(_ path: String) -> String? {
        guard let bytes = try? FileSystem.readAll(path), bytes.count >= 9, bytes[0..<4].elementsEqual(Array("S3OP".utf8)) else { return nil }
        let length = Int(bytes[5]) | Int(bytes[6]) << 8 | Int(bytes[7]) << 16 | Int(bytes[8]) << 24
        guard length < 256, bytes.count >= 9 + length else { return nil }
        return String(decoding: bytes[9..<9 + length], as: UTF8.self)
    }

    static func watermarks(_ bytes: [UInt8]) -> SavedWatermarks? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let json = JSONValue.parse(Substring(text.split(separator: "\n").first ?? "")),
              let watermark = json["watermark"]?.int64, let last = json["lastBatchWatermark"]?.int64,
              case .array(let items)? = json["operatorWatermarks"] else { return nil }
        return SavedWatermarks(watermark: watermark, lastBatchWatermark: last, operatorWatermarks: items.map(\.int64))
    }
}
