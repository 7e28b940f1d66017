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
        let first = try index(of: start) + 1
        let last = try index(of: end)
        let files = try files(atLeast: last + 1)
        guard last < files.count else {
            throw ConnectorError.invalidOffset(source: description, offset: end.json)
        }
        var values = ColumnBuilder(type: .string)
        var fileNames = ColumnBuilder(type: .string)
        var lines = ColumnBuilder(type: .long)
        if first <= last {
            for name in files[first...last] {
                let bytes = try TextFileContent.read(directory + "/" + name)
                let nameBytes = Array(name.utf8)
                nameBytes.withUnsafeBufferPointer { nameBuffer in
                    TextLines.forEachLine(in: bytes) { line, number in
                        values.append(utf8: line)
                        fileNames.append(utf8: nameBuffer)
                        lines.append(Int64(number))
                    }
                }
            }
        }
        let count = values.count
        return RecordBatch(trusted: schema, columns: [values.finish(), fileNames.finish(), lines.finish()], rowCount: count)
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
