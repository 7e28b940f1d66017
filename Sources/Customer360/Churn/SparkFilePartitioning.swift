#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Connectors

/// How a Spark batch job (`spark.read.text(dir)`) splits a directory of files into the
/// partitions its tasks read, by the rules of Spark 4.3's `FilePartition` and
/// `FileSourceScanExec`:
///
/// 1. `maxSplitBytes = min(maxPartitionBytes, max(openCostInBytes, bytesPerCore))`, where
///    `bytesPerCore = Σ(file size + openCostInBytes) / minPartitionNum` (integer division;
///    `minPartitionNum` is the default parallelism when `spark.sql.files.minPartitionNum` is
///    unset: 2 for `local[2]`).
/// 2. Each file, in listing order, is cut into byte ranges of `maxSplitBytes` (text is splittable).
/// 3. The ranges are sorted by length, longest first (a stable sort: equal lengths keep the
///    listing order), and packed by "next fit": a range joins the current partition unless
///    `currentSize + length > maxSplitBytes`, and each range adds `length + openCostInBytes`.
///
/// A task reads its ranges in that order. The partial aggregates of a batch job are built per
/// partition and merged in partition order, so an order-sensitive aggregate such as
/// `percentile_approx` (a Greenwald–Khanna summary) needs exactly these partitions to give
/// Spark's answer. The listing order is the directory's (`readdir`), as Hadoop's local file
/// system lists it; it only decides between ranges of equal length.
/// `spark.sql.files.maxPartitionNum` (unset by default) is not modelled.
public struct SparkFilePartitioning: Sendable, Equatable {
    /// `spark.sql.files.maxPartitionBytes` (default 128 MB).
    public var maxPartitionBytes: Int64 = 128 * 1024 * 1024
    /// `spark.sql.files.openCostInBytes` (default 4 MB).
    public var openCostInBytes: Int64 = 4 * 1024 * 1024
    /// `spark.sql.files.minPartitionNum`, else the default parallelism (`local[2]`: 2).
    public var minPartitionNum: Int64 = 2

    /// Spark's defaults for `local[2]`.
    public init() {}

    /// One byte range of one file.
    struct Split: Sendable, Hashable, CustomStringConvertible {
        var file: String
        var start: Int64
        var length: Int64
        var description: String { "\(file)[\(start)+\(length)]" }
    }

    /// One file as listed: its name (relative to the directory) and size.
    struct ListedFile: Sendable, Hashable {
        var name: String
        var size: Int64
    }

    /// The largest range a partition packs, for files of these sizes.
    func maxSplitBytes(_ files: [ListedFile]) -> Int64 {
        let totalBytes = files.reduce(Int64(0)) { $0 + $1.size + openCostInBytes }
        let bytesPerCore = totalBytes / max(minPartitionNum, 1)
        return min(maxPartitionBytes, max(openCostInBytes, bytesPerCore))
    }

    /// The partitions, each an ordered list of ranges, for `files` in listing order.
    func partitions(_ files: [ListedFile]) -> [[Split]] {
        let maxSplit = maxSplitBytes(files)
        var splits: [Split] = []
        for file in files {
            var offset: Int64 = 0
            while offset < file.size {
                splits.append(Split(file: file.name, start: offset, length: min(maxSplit, file.size - offset)))
                offset += maxSplit
            }
        }
        // Swift's sort is not stable: sort by (length descending, position in the listing).
        let ordered = splits.enumerated().sorted { a, b in
            a.element.length != b.element.length ? a.element.length > b.element.length : a.offset < b.offset
        }.map(\.element)
        var partitions: [[Split]] = []
        var current: [Split] = []
        var currentSize: Int64 = 0
        for split in ordered {
            if currentSize + split.length > maxSplit {
                if !current.isEmpty { partitions.append(current) }
                current = []
                currentSize = 0
            }
            currentSize += split.length + openCostInBytes
            current.append(split)
        }
        if !current.isEmpty { partitions.append(current) }
        return partitions
    }

    /// The data files of `directory` in listing (`readdir`) order, as Spark's file index keeps
    /// them: regular files whose names start with neither `.` nor `_`.
    static func listFiles(_ directory: String) throws(ConnectorError) -> [ListedFile] {
        guard let dir = opendir(directory) else {
            throw .unreadableLocation(directory, reason: "cannot open the directory to plan Spark's file partitions")
        }
        defer { closedir(dir) }
        var files: [ListedFile] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix("."), !name.hasPrefix("_"), !name.hasSuffix("._COPYING_") else { continue }
            guard let status = FileSystem.status(directory + "/" + name), !status.isDirectory else { continue }
            files.append(ListedFile(name: name, size: status.size))
        }
        return files
    }
}
