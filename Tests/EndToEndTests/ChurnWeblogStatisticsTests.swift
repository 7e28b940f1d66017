import StreamTesting
import Columnar
import Connectors
@testable import Customer360
import Foundation
import Testing

/// `weblog_stats` as Spark's batch job computes them: its file partitions, the line ranges its
/// tasks read, and (with PySpark 4.3 as the oracle) the statistics on freshly generated input.
@Suite struct ChurnWeblogStatisticsTests {
    typealias Split = SparkFilePartitioning.Split

    /// Spark 4.3 (`local[2]`) read the fixture's 8 files as two partitions, longest file first
    /// (`_metadata.file_name` per `spark_partition_id()`, scripts/oracles/churn_weblog_stats.py --splits).
    @Test func theFixtureFilesFormSparksTwoPartitionsLongestFirst() throws {
        let directory = FixturePaths.shared.appendingPathComponent("fixtures/c360-small/input/clickstream").path
        let partitions = SparkFilePartitioning().partitions(try SparkFilePartitioning.listFiles(directory))
        #expect(partitions.map { $0.map(\.file) } == [
            ["part-00006.jsonl", "part-00005.jsonl", "part-00004.jsonl", "part-00000.jsonl"],
            ["part-00001.jsonl", "part-00007.jsonl", "part-00002.jsonl", "part-00003.jsonl"],
        ])
        #expect(partitions.joined().allSatisfy { $0.start == 0 })
    }

    /// A file larger than maxSplitBytes = (Σ size + 4 MB each) / 2 is cut into byte ranges; the
    /// ranges, sorted by length, fill partitions by next fit. Spark 4.3's own partitions for
    /// these sizes (`_metadata.file_block_start`, `file_block_length`).
    @Test func aFileLargerThanMaxSplitBytesIsSplitIntoByteRanges() {
        let files = [SparkFilePartitioning.ListedFile(name: "big.jsonl", size: 43_498_622),
                     SparkFilePartitioning.ListedFile(name: "small.jsonl", size: 5_456_401)]
        let partitioning = SparkFilePartitioning()
        #expect(partitioning.maxSplitBytes(files) == 28_671_815)
        #expect(partitioning.partitions(files) == [
            [Split(file: "big.jsonl", start: 0, length: 28_671_815)],
            [Split(file: "big.jsonl", start: 28_671_815, length: 14_826_807), Split(file: "small.jsonl", start: 0, length: 5_456_401)],
        ])
    }

    /// Many small files: each costs 4 MB to open, so a partition takes files until the next one
    /// would pass maxSplitBytes, and larger settings pack more per partition.
    @Test func smallFilesArePackedByNextFitWithTheirOpenCost() {
        let files = (0..<5).map { SparkFilePartitioning.ListedFile(name: "f\($0)", size: Int64(1000 - $0)) }
        var partitioning = SparkFilePartitioning()
        // (5 × (~1000 + 4 MB)) / 2 ≈ 10 MB: two files (8 MB of open cost) fit, a third does not.
        #expect(partitioning.partitions(files).map { $0.map(\.file) } == [["f0", "f1", "f2"], ["f3", "f4"]])
        partitioning.minPartitionNum = 1
        #expect(partitioning.partitions(files).map { $0.map(\.file) } == [["f0", "f1", "f2", "f3", "f4"]])
    }

    /// Hadoop's line reader: a range owns the lines that begin inside it (a range not at 0 skips
    /// the line holding its first byte; every range finishes its last line), so however a file
    /// is cut, each line is read exactly once, in order.
    @Test func everyLineBelongsToExactlyOneRangeWhereverTheFileIsCut() {
        let text = "first\nsecond line\n\nfourth\r\nlast without newline"
        let bytes = Array(text.utf8)
        let expected = ["first", "second line", "", "fourth", "last without newline"]
        for cut in 0...bytes.count {
            var lines: [String] = []
            var numbers: [Int] = []
            for (start, end) in [(0, cut), (cut, bytes.count)] where start < end {
                FilePartitionSource.forEachLine(in: bytes, start: start, end: end) { line, number in
                    lines.append(String(decoding: line, as: UTF8.self))
                    numbers.append(number)
                }
            }
            #expect(lines == expected, "cut at byte \(cut)")
            #expect(numbers == Array(1...expected.count), "cut at byte \(cut)")
        }
        // A range starting exactly at a line's first byte leaves that line to the range before.
        var owned: [String] = []
        FilePartitionSource.forEachLine(in: bytes, start: 6, end: bytes.count) { line, _ in owned.append(String(decoding: line, as: UTF8.self)) }
        #expect(owned == ["", "fourth", "last without newline"])
    }

    /// Spark (scripts/oracles/churn_weblog_stats.py) against Stream360 on clickstreams the fixture
    /// never saw. `large`: every file of an 8,000-user clickstream in one 11.6 MB file beside a
    /// 1.4 MB one, which Spark's defaults cut into two partitions, [large 0..<10716899] and
    /// [large 10716899..., small] (replaying whole files instead, [large] then [small], gave
    /// Monitor's p95_approx 1138 where Spark says 1141). `ranges`: three files with a 300 kB
    /// `maxPartitionBytes` and a 64 kB open cost, which Spark reads as 15 partitions of byte
    /// ranges cut mid-line, 12 of them of equal length (ordered by the directory listing).
    @Test func statisticsMatchSparkOnNewGeneratedClickstreams() async throws {
        let root = try FixturePaths.temporaryDirectory("weblog-stats")
        defer { try? FileManager.default.removeItem(at: root) }
        let generator = FixturePaths.shared.appendingPathComponent("tools/gen_c360.py").path
        let large = root.appendingPathComponent("large"), ranges = root.appendingPathComponent("ranges")
        for (directory, arguments) in [(large, ["--users", "8000", "--seed", "8"]), (ranges, ["--users", "3000", "--seed", "9", "--files", "3"])] {
            let (status, output) = try FixturePaths.run("python3", [generator] + arguments + ["--out", directory.path])
            try #require(status == 0, "gen_c360.py failed: \(output)")
        }
        // All eight parts in one file, and part 0 again beside it.
        let largeClicks = large.appendingPathComponent("clickstream")
        let parts = try FileManager.default.contentsOfDirectory(atPath: largeClicks.path).sorted()
        var whole = Data()
        for part in parts { whole.append(try Data(contentsOf: largeClicks.appendingPathComponent(part))) }
        try FileManager.default.moveItem(at: largeClicks.appendingPathComponent(parts[0]), to: largeClicks.appendingPathComponent("small.jsonl"))
        for part in parts.dropFirst() { try FileManager.default.removeItem(at: largeClicks.appendingPathComponent(part)) }
        try whole.write(to: largeClicks.appendingPathComponent("large.jsonl"))

        var small = SparkFilePartitioning()
        small.maxPartitionBytes = 300_000
        small.openCostInBytes = 65_536
        let cases = [(large, SparkFilePartitioning(), [String](), 2),
                     (ranges, small, ["--conf", "spark.sql.files.maxPartitionBytes=300000", "--conf", "spark.sql.files.openCostInBytes=65536"], 15)]

        // One Spark session for both inputs (its start-up is most of the oracle's time).
        let oracle = FixturePaths.repositoryRoot.appendingPathComponent("scripts/oracles/churn_weblog_stats.py").path
        var arguments = [oracle]
        for (directory, _, confs, _) in cases {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("spark"), withIntermediateDirectories: true)
            arguments += confs + [directory.appendingPathComponent("clickstream").path, directory.appendingPathComponent("spark/weblog_stats.jsonl").path]
        }
        let oracleArguments = arguments
        let (status, output) = try await BlockingWork.run { try FixturePaths.run("python3", oracleArguments) }
        try #require(status == 0, "the PySpark oracle failed (is pyspark installed? scripts/install-deps.sh): \(output.suffix(2000))")

        for (directory, partitioning, _, partitionCount) in cases {
            let clicks = directory.appendingPathComponent("clickstream").path
            #expect(try FilePartitionSource(directory: clicks, partitioning: partitioning).partitionCount == partitionCount)
            let statistics = try await WeblogStatistics(
                clickLocation: clicks, crm: RecordBatch(trusted: Schema([]), columns: [], rowCount: 0), partitioning: partitioning
            ).run()
            var bytes: [UInt8] = []
            for batch in statistics { JSONLinesEncoder.encode(batch, into: &bytes) }
            let mine = directory.appendingPathComponent("stream360")
            try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
            try Data(bytes).write(to: mine.appendingPathComponent("weblog_stats.jsonl"))
            let (status, output) = try FixturePaths.run("python3", [
                FixturePaths.compareDumps.path, directory.appendingPathComponent("spark").path, mine.path, "weblog_stats.jsonl",
            ])
            #expect(status == 0, "\(directory.lastPathComponent): weblog_stats differ from Spark's:\n\(output)")
        }
    }
}
