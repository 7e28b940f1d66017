#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Columnar
public import Connectors

/// Replays the lines of a directory of text files as a Spark batch job's scan reads them:
/// micro-batch k holds exactly the lines of partition k of ``SparkFilePartitioning``, range by
/// range in the partition's order.
///
/// A range `[start, start + length)` owns the lines that *begin* inside it, as Hadoop's
/// `LineRecordReader` does: a range that does not start at 0 skips everything up to and
/// including the first `\n` at or after `start`, and every range reads on past its end to
/// finish a line that begins at or before `start + length`. Each line is read exactly once.
///
/// Running an aggregation over this source (one partition per micro-batch, merged into the
/// state in batch order) builds the same partial aggregates, merged in the same order, as
/// Spark's batch job. The read limit is ignored: a batch is always one partition. Rows carry
/// `value`, `_source_file` and `_source_line` (1-based), like ``TextFileSource``.
public final class FilePartitionSource: StreamSource {
    public let directory: String
    public let schema = Schema([Field("value", .string), Field("_source_file", .string), Field("_source_line", .long)])
    let partitions: [[SparkFilePartitioning.Split]]

    /// Plans the partitions of the files now in `directory` (by default with Spark's settings for `local[2]`).
    public convenience init(directory: String, partitioning: SparkFilePartitioning = SparkFilePartitioning()) throws(ConnectorError) {
        self.init(directory: directory, partitions: partitioning.partitions(try SparkFilePartitioning.listFiles(directory)))
    }

    init(directory: String, partitions: [[SparkFilePartitioning.Split]]) {
        self.directory = directory
        self.partitions = partitions
    }

    /// How many micro-batches (Spark partitions) the source holds.
    public var partitionCount: Int { partitions.count }

    public var description: String { "FilePartitionSource[\(directory), \(partitions.count) partitions]" }

    public func latestOffset(after start: SourceOffset?, limit: ReadLimit) throws -> SourceOffset? {
        let next = try index(of: start) + 1
        return next < partitions.count ? Self.offset(next) : start
    }

    public func read(from start: SourceOffset?, to end: SourceOffset) throws -> RecordBatch {
        let first = try index(of: start) + 1
        let last = try index(of: end)
        guard last < partitions.count else {
            throw ConnectorError.invalidOffset(source: description, offset: end.json)
        }
        var values = ColumnBuilder(type: .string)
        var fileNames = ColumnBuilder(type: .string)
        var lines = ColumnBuilder(type: .long)
        if first <= last {
            for split in partitions[first...last].joined() {
                let bytes = try FileSystem.readAll(directory + "/" + split.file)
                let nameBytes = Array(split.file.utf8)
                nameBytes.withUnsafeBufferPointer { name in
                    Self.forEachLine(in: bytes, start: Int(split.start), end: Int(split.start + split.length)) { line, number in
                        values.append(utf8: line)
                        fileNames.append(utf8: name)
                        lines.append(Int64(number))
                    }
                }
            }
        }
        let count = values.count
        return RecordBatch(trusted: schema, columns: [values.finish(), fileNames.finish(), lines.finish()], rowCount: count)
    }

    /// Calls `body` with each line that begins in `[start, end]` (and after the first `\n` at or
    /// past `start` when `start > 0`), without its `\n` or `\r\n`, and its 1-based line number.
    static func forEachLine(in bytes: [UInt8], start: Int, end: Int, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            func nextNewline(_ from: Int) -> Int {
                guard from < all.count, let found = memchr(base + from, 0x0A, all.count - from) else { return all.count }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var position = 0
            var number = 0
            if start > 0 {
                // Skip the line holding `start` (Hadoop's reader of the previous range finished it).
                let skipped = nextNewline(start)
                var counted = 0
                while counted <= skipped {
                    counted = nextNewline(counted) + 1
                    number += 1
                }
                position = skipped + 1
            }
            while position < all.count && position <= end {
                let lineEnd = nextNewline(position)
                number += 1
                var stop = lineEnd
                if stop > position, all[stop - 1] == 0x0D { stop -= 1 }
                body(UnsafeBufferPointer(rebasing: all[position..<stop]), number)
                position = lineEnd + 1
            }
        }
    }

    private func index(of offset: SourceOffset?) throws -> Int {
        guard let offset else { return -1 }
        let prefix = "{\"partition\":"
        guard offset.json.hasPrefix(prefix), offset.json.hasSuffix("}"),
              let value = Int(offset.json.dropFirst(prefix.count).dropLast()) else {
            throw ConnectorError.invalidOffset(source: description, offset: offset.json)
        }
        return value
    }

    static func offset(_ index: Int) -> SourceOffset {
        SourceOffset(json: "{\"partition\":\(index)}")
    }
}
