import Connectors

/// A directory of one small file per batch id, Spark's `HDFSMetadataLog`.
///
/// File `N` holds batch N's entry: a version marker line (`v1`), then the entry's lines,
/// separated by `\n` with no newline after the last, exactly as Spark writes them. Files are
/// written atomically (temporary file, fsync, rename, fsync of the directory), so a reader sees
/// a whole entry or none. An entry, once written, is never changed: ``add(_:_:)`` accepts the
/// same entry again (a re-run batch) and refuses a different one. Names other than a batch id
/// (temporary files, `N.compact` written by Spark's compaction is read as batch N) are skipped.
///
/// ```swift
/// let commits = CommitLog(directory: "ckpt/commits")
/// try commits.add(3, CommitEntry(nextBatchWatermarkMs: 1_704_067_230_000))
/// let last = try commits.latest()      // (batchId: 3, entry: …)
/// ```
public struct MetadataLog<Entry: MetadataLogEntry>: Sendable {
    /// The directory holding the entries.
    public let directory: String

    /// A log in `directory`; the directory is created by the first ``add(_:_:)``.
    public init(directory: String) {
        self.directory = directory
    }

    /// The file of batch `batchId`.
    public func path(of batchId: Int64) -> String { "\(directory)/\(batchId)" }

    /// The ids of every entry, ascending.
    public func batchIds() throws(CheckpointError) -> [Int64] {
        guard FileSystem.isDirectory(directory) else { return [] }
        let names = try checkpointIO { () throws(ConnectorError) in try FileSystem.listEntries(directory) }
        return Set(names.compactMap(Self.batchId(fromName:))).sorted()
    }

    static func batchId(fromName name: String) -> Int64? {
        let base = name.hasSuffix(".compact") ? String(name.dropLast(".compact".count)) : name
        guard !base.isEmpty, base.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int64(base)
    }

    /// The entry of batch `batchId`, or nil when there is none.
    public func get(_ batchId: Int64) throws(CheckpointError) -> Entry? {
        var file = path(of: batchId)
        if !FileSystem.exists(file) {
            file += ".compact"
            guard FileSystem.exists(file) else { return nil }
        }
        let bytes = try checkpointIO { () throws(ConnectorError) in try FileSystem.readAll(file) }
        return try Self.decode(bytes, path: file)
    }

    /// The entry with the highest batch id, or nil for an empty log.
    public func latest() throws(CheckpointError) -> (batchId: Int64, entry: Entry)? {
        guard let last = try batchIds().last, let entry = try get(last) else { return nil }
        return (last, entry)
    }

    /// Writes `entry` for `batchId`. Returns false when the same entry was already there.
    ///
    /// With `compact`, the file is named `N.compact` (Spark's `CompactibleFileStreamLog` names a
    /// compaction batch so); ``get(_:)`` and ``batchIds()`` read either name.
    /// - Throws: ``CheckpointError/conflictingEntry(path:batchId:)`` when a different entry is.
    @discardableResult
    public func add(_ batchId: Int64, _ entry: Entry, compact: Bool = false) throws(CheckpointError) -> Bool {
        if let existing = try get(batchId) {
            guard existing == entry else { throw .conflictingEntry(path: path(of: batchId), batchId: batchId) }
            return false
        }
        let bytes = Self.encode(entry)
        let file = compact ? path(of: batchId) + ".compact" : path(of: batchId)
        try checkpointIO { () throws(ConnectorError) in
            try FileSystem.createDirectory(directory)
            try FileSystem.writeAtomically(bytes, to: file)
            try FileSystem.sync(directory)
        }
        return true
    }

    /// Deletes every entry below `batchId` (Spark's `purge(thresholdBatchId)`).
    public func purge(before batchId: Int64) throws(CheckpointError) {
        for id in try batchIds() where id < batchId {
            let file = path(of: id)
            try checkpointIO { () throws(ConnectorError) in
                try FileSystem.removeFile(file)
                try FileSystem.removeFile(file + ".compact")
            }
        }
    }

    /// Keeps only the `count` newest entries.
    public func purge(keepingLast count: Int) throws(CheckpointError) {
        let ids = try batchIds()
        guard ids.count > count else { return }
        try purge(before: ids[ids.count - max(count, 0)])
    }

    /// The file content for `entry`: the version marker, then its lines.
    public static func encode(_ entry: Entry) -> [UInt8] {
        Array((["v\(Entry.formatVersion)"] + entry.serializedLines()).joined(separator: "\n").utf8)
    }

    /// The entry in file content `bytes` read from `path`.
    public static func decode(_ bytes: [UInt8], path: String) throws(CheckpointError) -> Entry {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let marker = lines.first else { throw .malformedEntry(path: path, line: 1, detail: "the file is empty") }
        guard marker.hasPrefix("v"), let version = Int(marker.dropFirst()), version > 0 else {
            throw .malformedEntry(path: path, line: 1, detail: "expected a version marker such as 'v\(Entry.formatVersion)', found '\(marker.prefix(40))'")
        }
        guard version <= Entry.formatVersion else {
            throw .unsupportedVersion(path: path, found: String(marker), supported: Entry.formatVersion)
        }
        return try Entry.parse(lines: Array(lines.dropFirst()), path: path)
    }
}
