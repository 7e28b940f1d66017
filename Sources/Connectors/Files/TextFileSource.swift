public import Columnar

/// Spark's `readStream.text(dir)`: every line of every file in a directory is one row.
///
/// Files are read in name order, skipping what Spark skips (``FileSystem/isDataFileName(_:)``:
/// `.hidden`, `_metadata` but not `_p=1`, copies in flight named `…._COPYING_`); compressed
/// files (`.gz`, `.deflate`, `.zst`, `.snappy`) are decompressed and a leading UTF-8 BOM is
/// dropped, as Spark's text source does (``TextFileContent``). The offset is
/// Spark's `{"logOffset":N}`: the index of the last file included, so `maxFilesPerTrigger = 1`
/// makes batch k read file k, exactly as the fixtures were produced. Files must not change
/// after they appear, and new files must sort after the existing ones.
///
/// Rows carry the line as `value`, plus `_source_file` and `_source_line` (1-based) so that a
/// message that fails to parse can be reported with its position.
public final class TextFileSource: StreamSource {
    public let directory: String
    public let schema = Schema([Field("value", .string), Field("_source_file", .string), Field("_source_line", .long)])

    public init(directory: String) throws(ConnectorError) {
        guard FileSystem.isDirectory(directory) else {
            throw .unreadableLocation(directory, reason: "not a directory")
        }
        self.directory = directory
    }

    /// The sorted file names seen by the last listing; files never disappear from it.
    private var knownFiles: [String] = []

    public var description: String { "FileStreamSource[\(directory)]" }

    /// The files in name order, listing the directory again only when `needed` files are not known yet.
    private func files(atLeast needed: Int) throws(ConnectorError) -> [String] {
        if knownFiles.count < needed { knownFiles = try FileSystem.listDataFiles(directory) }
        return knownFiles
    }

    public func latestOffset(after start: SourceOffset?, limit: ReadLimit) throws -> SourceOffset? {
        let first = try index(of: start) + 1
        var batchSize = Int.max
        if case .maxFiles(let n) = limit { batchSize = max(n, 1) }
        // While a whole batch of files past `start` is already known, the directory need not be listed.
        if knownFiles.count - first < batchSize { knownFiles = try FileSystem.listDataFiles(directory) }
        guard first < knownFiles.count else { return start }
        let last = min(knownFiles.count - 1, first + min(batchSize, knownFiles.count) - 1)
        return Self.offset(last)
    }

    public func read(from start: SourceOffset?, to end: SourceOffset) throws -> RecordBatch {
        try readSplits(from: start, to: end, count: 1)[0].read()
    }

    /// Reads the files of `(start, end]` here and splits their lines by bytes: split p gets the
    /// lines that start in the p-th of `count` equal byte ranges of all the files together, as
    /// Spark splits text files into byte ranges. Building each split's columns (the per-line
    /// work) happens in ``InputSplit/read``, on the partition's thread.
    public func readSplits(from start: SourceOffset?, to end: SourceOffset, count: Int) throws -> [InputSplit] {
        let first = try index(of: start) + 1
        let last = try index(of: end)
        let files = try files(atLeast: last + 1)
        guard last < files.count else {
            throw ConnectorError.invalidOffset(source: description, offset: end.json)
        }
        var contents: [TextFileLines] = []
        if first <= last {
            for name in files[first...last] {
                contents.append(TextFileLines(name: Array(name.utf8), bytes: try TextFileContent.read(directory + "/" + name)))
            }
        }
        let lines = contents
        let total = lines.reduce(0) { $0 + $1.bytes.count }
        let schema = self.schema
        return (0..<count).map { partition in
            let range = PartitionSlice.rows(of: total, partition: partition, count: count)
            return InputSplit { TextFileLines.batch(of: lines, startingIn: range, schema: schema) }
        }
    }

    private func index(of offset: SourceOffset?) throws -> Int {
        guard let offset else { return -1 }
        guard let value = Self.parseLogOffset(offset.json) else {
            throw ConnectorError.invalidOffset(source: description, offset: offset.json)
        }
        return value
    }

    static func offset(_ index: Int) -> SourceOffset {
        SourceOffset(json: "{\"logOffset\":\(index)}")
    }

    static func parseLogOffset(_ json: String) -> Int? {
        let prefix = "{\"logOffset\":"
        guard json.hasPrefix(prefix), json.hasSuffix("}") else { return nil }
        return Int(json.dropFirst(prefix.count).dropLast())
    }
}
