import Columnar
import Foundation
import Testing
import StreamState

/// The `topup-small` fixture Spark 4.3 produced, found beside the repository (`../shared/fixtures`).
enum TopupFixture {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // StreamStateTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/fixtures/topup-small")

    static var exists: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("expected/bureau_groups.jsonl").path)
    }

    static func jsonLines(_ relativePath: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: directory.appendingPathComponent(relativePath), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` (optionally `.SSSZ`) as microseconds since the epoch.
    static func micros(_ iso: String) throws -> Int64 {
        let digits = iso.split(whereSeparator: { "-T:.Z".contains($0) }).map { Int($0) }
        let parts = try #require(digits.count >= 6 ? digits.compactMap { $0 } : nil)
        let days = TimestampFormat.daysFromCivil(year: parts[0], month: parts[1], day: parts[2])
        let seconds = days * 86_400 + Int64(parts[3] * 3600 + parts[4] * 60 + parts[5])
        return seconds * TimestampFormat.microsPerSecond
    }
}

@Suite(.enabled(if: TopupFixture.exists, "fixture ../shared/fixtures/topup-small not found beside the repository"))
struct SparkApproxCountDistinctTests {
    static let timestampColumns: Set<String> = ["DATE-REPORTED", "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE"]
    /// String fields that the cleaning steps leave untouched: they identify a cleaned row's input record.
    static let identityColumns = ["MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "DPD - HIST", "CUR BAL - HIST", "AMT PAID - HIST"]
    static let windowSeconds: Int64 = 30

    static func identity(id: String, tsSeconds: Int64, record: [String: Any]) -> String {
        ([id, String(tsSeconds)] + identityColumns.map { record[$0] as? String ?? "\u{0}null" }).joined(separator: "\u{1}")
    }

    /// Input records Spark dropped as late, as a multiset of identities. README, Step 5: in batch
    /// k a row is late when its window end <= the watermark in force in batch k - 1; batch k
    /// reads `input/bureau/part-k`.
    static func droppedAsLate() throws -> [String: Int] {
        let progress = try #require(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: TopupFixture.directory.appendingPathComponent("expected/progress_bureau_groups.json")))
                as? [[String: Any]])
        let watermarks = try progress.map { try TopupFixture.micros(try #require($0["watermark"] as? String)) / 1_000_000 }
        var dropped: [String: Int] = [:]
        for batch in 1..<10 {
            let path = String(format: "input/bureau/part-%05d.jsonl", batch)
            let text = try String(contentsOf: TopupFixture.directory.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let records = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]])
                for record in records {
                    let ts = try #require((record["ts"] as? NSNumber)?.int64Value)
                    let windowEnd = ts - ts % windowSeconds + windowSeconds
                    if windowEnd <= watermarks[batch - 1] {
                        let id = try #require(record["ID"] as? String)
                        dropped[identity(id: id, tsSeconds: ts, record: record), default: 0] += 1
                    }
                }
            }
        }
        return dropped
    }

    @Test func distinctCountsEqualSparksForEveryEmittedGroup() throws {
        var dropped = try Self.droppedAsLate()
        #expect(dropped.values.reduce(0, +) == 481, "README: 481 bureau rows dropped as late")

        var groups: [String: [[String: Any]]] = [:]
        for row in try TopupFixture.jsonLines("expected/bureau_cleaned.jsonl") {
            let id = try #require(row["ID"] as? String)
            let ts = try TopupFixture.micros(try #require(row["ts"] as? String)) / 1_000_000
            let identity = Self.identity(id: id, tsSeconds: ts, record: row)
            if let remaining = dropped[identity], remaining > 0 {
                dropped[identity] = remaining - 1
                continue
            }
            groups["\(id)|\(ts - ts % Self.windowSeconds)", default: []].append(row)
        }
        #expect(dropped.values.allSatisfy { $0 == 0 }, "every late input record matched a cleaned row")

        let expectedGroups = try TopupFixture.jsonLines("expected/bureau_groups.jsonl")
        let distColumns = try #require(expectedGroups.first).keys.filter { $0.hasSuffix("_dist") }.sorted()
        #expect(distColumns.count == 18)
        var equal = 0
        var mismatches: [String] = []
        for expected in expectedGroups {
            let id = try #require(expected["ID"] as? String)
            let start = try TopupFixture.micros(try #require(expected["window_start"] as? String)) / 1_000_000
            let rows = groups["\(id)|\(start)"] ?? []
            for distColumn in distColumns {
                let column = String(distColumn.dropLast("_dist".count))
                var sketch = try HyperLogLogPlusPlus()
                for row in rows {
                    guard let value = row[column] as? String else { continue }  // null: not added
                    if Self.timestampColumns.contains(column) {
                        sketch.add(long: try TopupFixture.micros(value))
                    } else {
                        sketch.add(string: value)
                    }
                }
                let spark = try #require((expected[distColumn] as? NSNumber)?.int64Value)
                if sketch.estimate() == spark {
                    equal += 1
                } else {
                    mismatches.append("ID \(id) window \(start) \(distColumn): got \(sketch.estimate()), Spark \(spark)")
                }
            }
        }
        let total = expectedGroups.count * distColumns.count
        print("approx_count_distinct: \(equal) of \(total) cells equal Spark's (\(expectedGroups.count) groups)")
        for line in mismatches.prefix(50) { print("  mismatch: \(line)") }
        #expect(expectedGroups.count == 1697)
        #expect(equal == total, "\(mismatches.count) cells differ from Spark; first: \(mismatches.first ?? "-")")
    }
}
