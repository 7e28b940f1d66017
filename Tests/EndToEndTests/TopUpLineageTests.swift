import Connectors
import Customer360
import Foundation
import StreamExecution
import Testing

/// Issue 16, item 5: `s360 topup --lineage` names, for every prediction, the customer record and
/// the window's bureau records that produced it. The expected positions are derived here from
/// the input files and Spark's recorded watermarks alone, never from the engine's output.
@Suite(.serialized) struct TopUpLineageTests {
    let input = FixturePaths.topupSmall.appendingPathComponent("input")
    let expected = FixturePaths.topupSmall.appendingPathComponent("expected").path
    let model = FixturePaths.topupSmall.appendingPathComponent("spark_pipeline_model").path
    static let dumpFiles = ["customer_parsed.jsonl", "bureau_cleaned.jsonl", "bureau_groups.jsonl", "joined.jsonl",
                            "predictions.jsonl", "state_counts.jsonl"]

    func job(dump: String, partitions: Int, trigger: Trigger = .availableNow,
             log: @escaping @Sendable (String) -> Void = { _ in }) -> TopUpDump {
        var job = TopUpDump(customerLocation: input.appendingPathComponent("customer").path,
                            bureauLocation: input.appendingPathComponent("bureau").path,
                            trigger: trigger, readLimit: .maxFiles(1), outputDirectory: dump, modelDirectory: model, log: log)
        job.partitions = partitions
        job.lineage = TopUpLineage()
        return job
    }

    @Test(arguments: [1, 2])
    func eachPredictionNamesItsCustomerLineAndItsWindowsBureauLines(partitions: Int) async throws {
        let dump = try FixturePaths.temporaryDirectory("topup-lineage-\(partitions)").path
        try await job(dump: dump, partitions: partitions).run()
        try checkLineage(dump)
        // Lineage adds a file; the fixture's outputs stay Spark's.
        let (status, output) = try FixturePaths.run("python3", [FixturePaths.compareDumps.path, expected, dump] + Self.dumpFiles)
        #expect(status == 0, "compare_dumps.py:\n\(output)")
    }

    /// Stopped after the first predictions and resumed from the checkpoint: the windows' kept
    /// positions come back from the state snapshot, so the lineage equals an uninterrupted run's.
    @Test func aStoppedRunResumedFromItsCheckpointKeepsTheSameLineage() async throws {
        let root = try FixturePaths.temporaryDirectory("topup-lineage-resume").path
        let stopper = RunStopper()
        var first = job(dump: root + "/dump", partitions: 2, trigger: .processingTime(.milliseconds(5))) { line in
            if line.hasPrefix("[predictions]"), !line.contains("-> 0 output rows") { stopper.stop() }
        }
        first.checkpointDirectory = root + "/ckpt"
        let run = try first.prepare()
        stopper.set(run)
        try await run.run()
        let partial = try Self.lines(root + "/dump/lineage.jsonl").count
        #expect(partial > 0 && partial < 1527, "stopped after \(partial) lineage rows")

        var second = job(dump: root + "/dump", partitions: 2)
        second.checkpointDirectory = root + "/ckpt"
        try await second.run()
        try checkLineage(root + "/dump")
    }

    @Test func lineageNeedsAModelAndADump() throws {
        var noModel = job(dump: try FixturePaths.temporaryDirectory("topup-lineage-options").path, partitions: 1)
        noModel.modelDirectory = nil
        #expect(throws: PipelineError.self) { try noModel.prepare() }
    }

    /// Checks `lineage.jsonl` in `dump` row by row against the inputs.
    func checkLineage(_ dump: String) throws {
        let customers = try Self.records(in: input.appendingPathComponent("customer").path)
        let bureau = try Self.records(in: input.appendingPathComponent("bureau").path)
        let watermarks = try Self.sparkWatermarks(expected + "/progress_joined.json")
        var customerPosition: [String: String] = [:]
        for record in customers { customerPosition[record.id] = record.position }
        #expect(customerPosition.count == customers.count, "every customer appears once in topup-small")

        let rows = try Self.lines(dump + "/lineage.jsonl")
        let predictions = try Self.lines(dump + "/predictions.jsonl")
        #expect(rows.count == predictions.count && rows.count == 1527)
        var checked = 0
        for (row, prediction) in zip(rows, predictions) {
            let id = try #require(row["ID"] as? String)
            #expect(id == prediction["ID"] as? String && row["window_start"] as? String == prediction["window_start"] as? String)
            let start = try Self.epochSeconds(try #require(row["window_start"] as? String))
            let end = start + 30
            #expect(row["customer_source"] as? String == customerPosition[id], "customer of \(id)")
            // The window's on-time bureau records: file k is batch k, whose late rows are those
            // of windows that ended at or before the previous batch's watermark (Spark 4's
            // watermark for late events; the progress records each batch's watermark).
            let fed = bureau.filter { record in
                record.id == id && record.ts >= start && record.ts < end && (record.file == 0 || end > watermarks[record.file - 1])
            }
            #expect(row["bureau_records"] as? Int == fed.count, "bureau count of \(id) at \(start)")
            #expect(row["bureau_sources"] as? [String] == fed.prefix(10).map(\.position), "bureau positions of \(id) at \(start)")
            checked += 1
        }
        #expect(checked == 1527)
    }

    struct InputRecord {
        var position: String
        var file: Int
        var id: String
        var ts: Int64
    }

    /// Every record of every file of `directory`, in file, line and array order, with its
    /// position as lineage writes it (`FILE:LINE#K`).
    static func records(in directory: String) throws -> [InputRecord] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
        var records: [InputRecord] = []
        for (fileIndex, name) in files.enumerated() {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                let array = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[String: Any]])
                for (k, record) in array.enumerated() {
                    guard let id = record["ID"] as? String, let ts = record["ts"] as? NSNumber else { continue }
                    records.append(InputRecord(position: "\(name):\(lineIndex + 1)#\(k + 1)", file: fileIndex, id: id, ts: ts.int64Value))
                }
            }
        }
        return records
    }

    /// The watermark (epoch seconds) Spark had in force in each batch of the joined query.
    static func sparkWatermarks(_ path: String) throws -> [Int64] {
        let batches = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
        return try batches.map { try epochSeconds(try #require($0["watermark"] as? String)) }
    }

    static func epochSeconds(_ iso: String) throws -> Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(formatter.date(from: iso) ?? ISO8601DateFormatter().date(from: iso), "not a timestamp: \(iso)")
        return Int64(date.timeIntervalSince1970.rounded())
    }

    static func lines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}
