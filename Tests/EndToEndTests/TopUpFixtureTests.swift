import Connectors
import Customer360
import Foundation
import StreamExecution
import Testing

/// The seed's top-up pipeline against what Apache Spark 4.3 produced for `topup-small`.
@Suite(.serialized) struct TopUpFixtureTests {
    let input = FixturePaths.topupSmall.appendingPathComponent("input")

    /// Any partition count gives Spark's output: state is split by key hash, the watermark stays global.
    @Test(arguments: [1, 2, 3, 8]) func everyStageMatchesSparkOnTopupSmall(partitions: Int) async throws {
        let out = try FixturePaths.temporaryDirectory("topup")
        var job = TopUpDump(
            customerLocation: input.appendingPathComponent("customer").path,
            bureauLocation: input.appendingPathComponent("bureau").path,
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path,
            modelDirectory: FixturePaths.topupSmall.appendingPathComponent("spark_pipeline_model").path, log: { _ in }
        )
        job.partitions = partitions
        let results = try await job.run()
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
        #expect(byName["customer_parsed"]?.rows == 2000)
        #expect(byName["bureau_cleaned"]?.rows == 10931)
        #expect(byName["bureau_groups"]?.rows == 1697)
        #expect(byName["joined"]?.rows == 1527)
        // Spark ran 10 data batches and one batch without data because the watermark moved.
        #expect(byName["bureau_groups"]?.batches == 11)
        #expect(byName["joined"]?.batches == 11)
        // The fixture README: replaying Spark's lateness rule drops exactly 481 bureau rows.
        #expect(byName["bureau_groups"]?.lateRowsDropped == 481)
        #expect(byName["joined"]?.quarantinedMessages == 0)

        let expected = FixturePaths.topupSmall.appendingPathComponent("expected").path
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, expected, out.path,
            "customer_parsed.jsonl", "bureau_cleaned.jsonl", "bureau_groups.jsonl", "joined.jsonl", "predictions.jsonl",
            "state_counts.jsonl",
        ])
        #expect(status == 0, "compare_dumps.py reported differences:\n\(output)")
        #expect(output.contains("match 6/6 files, 100.00% rows"), "\(output)")
    }

    @Test func watermarksFollowSparkProgressBatchByBatch() async throws {
        let progressFile = FixturePaths.topupSmall.appendingPathComponent("expected/progress_joined.json")
        let spark = try JSONSerialization.jsonObject(with: Data(contentsOf: progressFile)) as? [[String: Any]] ?? []
        let pipeline = TopUpPipeline(
            customerSource: try TextFileSource(directory: input.appendingPathComponent("customer").path),
            bureauSource: try TextFileSource(directory: input.appendingPathComponent("bureau").path))
        let query = try StreamingQuery(try pipeline.joined(), sink: MemorySink(),
                                       configuration: .init(name: "joined", readLimit: .maxFiles(1)))
        try await query.run()
        #expect(query.recentProgress.count == spark.count)
        for (ours, theirs) in zip(query.recentProgress, spark) {
            let sparkWatermark = (theirs["watermark"] as? String ?? "").replacingOccurrences(of: ".000Z", with: "Z")
            #expect(TimestampText.iso(ours.watermark) == sparkWatermark, "batch \(ours.batchId)")
            #expect(ours.numInputRows == theirs["numInputRows"] as? Int, "batch \(ours.batchId)")
        }
    }

    @Test func joinStateStaysBoundedWhereSparksGrows() async throws {
        let pipeline = TopUpPipeline(
            customerSource: try TextFileSource(directory: input.appendingPathComponent("customer").path),
            bureauSource: try TextFileSource(directory: input.appendingPathComponent("bureau").path))
        let query = try StreamingQuery(try pipeline.joined(), sink: MemorySink(),
                                       configuration: .init(name: "joined", readLimit: .maxFiles(1)))
        try await query.run()
        let joinRows = query.recentProgress.compactMap { $0.stateOperators.first { $0.operatorName == "symmetricHashJoin" } }
        // Spark never evicts this join's state: it keeps all 2000 customers and 1697 groups.
        #expect(joinRows.last.map { $0.numRowsTotal < 2000 } == true)
        #expect(joinRows.contains { $0.numRowsRemoved > 0 })
    }

    @Test func malformedMessagesAreQuarantinedWithTheirPosition() async throws {
        let copy = try FixturePaths.temporaryDirectory("malformed")
        for stream in ["customer", "bureau"] {
            try FileManager.default.copyItem(at: input.appendingPathComponent(stream), to: copy.appendingPathComponent(stream))
        }
        let broken = copy.appendingPathComponent("bureau/part-00003.jsonl")
        var text = try String(contentsOf: broken, encoding: .utf8)
        text += "[{\"ID\":\"9\", \"ts\": 1704067300\n"
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let lineNumber = text.split(separator: "\n").count
        let out = try FixturePaths.temporaryDirectory("malformed-out")
        let results = try await TopUpDump(
            customerLocation: copy.appendingPathComponent("customer").path,
            bureauLocation: copy.appendingPathComponent("bureau").path,
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path, log: { _ in }
        ).run()
        #expect(results.first { $0.name == "bureau_cleaned" }?.quarantinedMessages == 1)
        #expect(results.first { $0.name == "bureau_cleaned" }?.rows == 10931)
        let quarantine = try String(contentsOf: out.appendingPathComponent("quarantine/bureau_cleaned/batch-3.jsonl"), encoding: .utf8)
        #expect(quarantine.contains("part-00003.jsonl:\(lineNumber)"))
        #expect(quarantine.contains("\"batchId\":3"))
    }
}

enum TimestampText {
    static func iso(_ micros: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// The Spark-trained top-up model scoring the streaming pipeline: `s360 topup --model`.
@Suite(.serialized) struct TopUpScoringFixtureTests {
    let input = FixturePaths.topupSmall.appendingPathComponent("input")

    @Test func scoredStreamAndStateCountsMatchSpark() async throws {
        let out = try FixturePaths.temporaryDirectory("topup-scored")
        let results = try await TopUpDump(
            customerLocation: input.appendingPathComponent("customer").path,
            bureauLocation: input.appendingPathComponent("bureau").path,
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path,
            modelDirectory: FixturePaths.topupSmall.appendingPathComponent("spark_pipeline_model").path, log: { _ in }
        ).run()
        let scored = try #require(results.first { $0.name == "predictions" })
        #expect(scored.rows == 1527)
        #expect(scored.batches == 11)
        let expected = FixturePaths.topupSmall.appendingPathComponent("expected").path
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, expected, out.path, "predictions.jsonl", "state_counts.jsonl",
        ])
        #expect(status == 0, "compare_dumps.py reported differences:\n\(output)")
        #expect(output.contains("match 2/2 files, 100.00% rows"))
    }
}
