public import Checkpointing

/// A Parquet sink's manifest: `_spark_metadata/N` lists the files batch N committed, in
/// Spark's `FileStreamSinkLog` format, so Spark (and pyarrow through the shared reader tool)
/// reads only committed files.
public typealias FileSinkLog = MetadataLog<FileSinkLogEntry>

/// One file of a manifest entry, Spark's `SinkFileStatus`.
public struct SinkFileStatus: Sendable, Hashable {
    /// `file://` URI of the file, percent-encoded.
    public var path: String
    public var size: Int64
    public var isDir: Bool
    /// Milliseconds since the epoch.
    public var modificationTime: Int64
    public var blockReplication: Int64
    public var blockSize: Int64
    /// `add` (or `delete`, which Stream360 never writes but reads).
    public var action: String

    public init(path: String, size: Int64, modificationTime: Int64, isDir: Bool = false,
                blockReplication: Int64 = 1, blockSize: Int64 = 33_554_432, action: String = "add") {
        self.path = path
        self.size = size
        self.isDir = isDir
        self.modificationTime = modificationTime
        self.blockReplication = blockReplication
        self.blockSize = blockSize
        self.action = action
    }

    var json: JSONValue {
        .object([
            ("path", .string(path)), ("size", .int(size)), ("isDir", .bool(isDir)),
            ("modificationTime", .int(modificationTime)), ("blockReplication", .int(blockReplication)),
            ("blockSize", .int(blockSize)), ("action", .string(action)),
        ])
    }
}

/// The files of one batch: `v1`, then one ``SinkFileStatus`` JSON per line (none for an empty batch).
public struct FileSinkLogEntry: MetadataLogEntry {
    public static let formatVersion = 1
    public var files: [SinkFileStatus]

    public init(files: [SinkFileStatus]) {
        self.files = files
    }

    public func serializedLines() -> [String] { files.map(\.json.description) }

    public static func parse(lines: [Substring], path: String) throws(CheckpointError) -> FileSinkLogEntry {
        var files: [SinkFileStatus] = []
        for (i, line) in lines.enumerated() where !line.isEmpty {
            guard let json = JSONValue.parse(line), let file = json["path"]?.stringValue else {
                throw .malformedEntry(path: path, line: i + 2, detail: "expected a SinkFileStatus JSON object")
            }
            var isDir = false
            if case .bool(let flag)? = json["isDir"] { isDir = flag }
            files.append(SinkFileStatus(
                path: file, size: json["size"]?.int64 ?? 0, modificationTime: json["modificationTime"]?.int64 ?? 0,
                isDir: isDir, blockReplication: json["blockReplication"]?.int64 ?? 1,
                blockSize: json["blockSize"]?.int64 ?? 0, action: json["action"]?.stringValue ?? "add"))
        }
        return FileSinkLogEntry(files: files)
    }
}
