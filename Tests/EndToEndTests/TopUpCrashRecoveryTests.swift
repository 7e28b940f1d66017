import Checkpointing
import Columnar
import Connectors
import Customer360
import FileConnector
import Foundation
@_spi(Testing) import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// The top-up pipeline over `topup-small` with `maxFiles(1)`, stopped after every step of every
/// batch (offsets written, sink written, state written, commit written) and restarted from its
/// checkpoint each time: what the sink holds in the end equals an uninterrupted run, row for row.
@Suite(.serialized) struct TopUpCrashRecoveryTests {
    let input = FixturePaths.topupSmall.appendingPathComponent("input")

    func pipeline() throws -> TopUpPipeline {
        TopUpPipeline(
            customerSource: try TextFileSource(directory: input.appendingPathComponent("customer").path),
            bureauSource: try TextFileSource(directory: input.appendingPathComponent("bureau").path))
    }

    func configuration(_ name: String, checkpoint: String?) -> StreamingQueryConfiguration {
        StreamingQueryConfiguration(name: name, readLimit: .maxFiles(1), checkpointLocation: checkpoint)
    }

    /// An uninterrupted run without a checkpoint: the rows and the number of batches.
    func reference(_ build: (TopUpPipeline) throws -> DataFrame) async throws -> (rows: [String], batches: Int64) {
        let sink = MemorySink()
        let query = try StreamingQuery(try build(try pipeline()), sink: sink, configuration: configuration("reference", checkpoint: nil))
        try await query.run()
        return (multiset(sink.batches.flatMap { Rows.scalars($0.batch) }), query.nextBatchId)
    }

    /// Runs the query to the end, crashing at each of `points` in turn (a fresh query, sources
    /// and sink after every crash, as a new process would have). Returns the crashes that happened.
    func runCrashingAt(
        _ points: [(CheckpointStep, Int64)], checkpoint: String, sink makeSink: () throws -> any StreamSink,
        _ build: (TopUpPipeline) throws -> DataFrame
    ) async throws -> Int {
        var remaining = points[...]
        var crashes = 0
        while true {
            let query = try StreamingQuery(try build(try pipeline()), sink: try makeSink(), configuration: configuration("crashing", checkpoint: checkpoint))
            let target = remaining.first
            query.checkpointHook = { step, batch in
                if let target, target.0 == step, target.1 == batch { throw SimulatedCrash(step: step.rawValue, batchId: batch) }
            }
            do {
                try await query.run()
                return crashes
            } catch is SimulatedCrash {
                crashes += 1
                remaining = remaining.dropFirst()
            }
        }
    }

    func everyPoint(batches: Int64) -> [(CheckpointStep, Int64)] {
        (0..<batches).flatMap { batch in CheckpointStep.allCases.map { ($0, batch) } }
    }

    @Test func bureauGroupsSurviveACrashAfterEveryStep() async throws {
        let expected = try await reference { try $0.bureauGroups() }
        #expect(expected.rows.count == 1697)
        let checkpoint = try FixturePaths.temporaryDirectory("groups-ckpt").path
        let sink = RecordingSink()
        let crashes = try await runCrashingAt(everyPoint(batches: expected.batches), checkpoint: checkpoint, sink: { sink }) {
            try $0.bureauGroups()
        }
        #expect(crashes == Int(expected.batches) * CheckpointStep.allCases.count)
        #expect(multiset(sink.committedRows) == expected.rows)
        // Re-run batches wrote the same rows again; no committed batch was written twice.
        let calls = sink.calls
        for id in Set(calls.map(\.batchId)) {
            let writes = calls.filter { $0.batchId == id }.map { Rows.scalars($0.batch) }
            #expect(writes.allSatisfy { $0 == writes[0] }, "batch \(id)")
            #expect(writes.count <= 3, "batch \(id)")
        }
    }

    @Test func joinedToParquetSurvivesACrashAfterEveryStep() async throws {
        let expected = try await reference { try $0.joined() }
        #expect(expected.rows.count == 1527)
        let checkpoint = try FixturePaths.temporaryDirectory("joined-ckpt").path
        let output = try FixturePaths.temporaryDirectory("joined-out").path + "/cust_bureau"
        let crashes = try await runCrashingAt(everyPoint(batches: expected.batches), checkpoint: checkpoint,
                                              sink: { try ParquetFileSink(path: output) }) { try $0.joined() }
        #expect(crashes == Int(expected.batches) * CheckpointStep.allCases.count)
        let rows = try ParquetDataset(path: output).read()
        #expect(multiset(Rows.scalars(rows)) == expected.rows)
        let files = try ParquetDataset(path: output).committedFiles()
        #expect(Set(files).count == files.count && files.count <= Int(expected.batches))

        // Independent readers honouring the manifest see the same rows.
        for engine in ["pyarrow", "duckdb"] {
            let (status, text) = try FixturePaths.run("python3", [
                FixturePaths.shared.appendingPathComponent("tools/read_parquet_dataset.py").path, output,
                "--engine", engine, "--columns", "ID,window_start,ts,CURRENT-BAL_sum",
            ])
            #expect(status == 0, "\(engine): \(text.suffix(500))")
            let lines = text.split(separator: "\n").filter { $0.hasPrefix("{") }
            #expect(lines.count == 1527, "\(engine)")
            let theirs = lines.compactMap { line -> String? in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
                let sum = (object["CURRENT-BAL_sum"] as? NSNumber).map { "\($0.int64Value)" } ?? "null"
                return "\(object["ID"] ?? "null")|\(object["window_start"] ?? "null")|\(object["ts"] ?? "null")|\(sum)"
            }.sorted()
            let ours = try (0..<rows.rowCount).map { r in
                try ["ID", "window_start", "ts", "CURRENT-BAL_sum"].map { name -> String in
                    let value = try rows.column(name).scalar(at: r)
                    if case .timestamp(let micros) = value { return TimestampFormat.iso8601(micros: micros) }
                    return value.description
                }.joined(separator: "|")
            }.sorted()
            #expect(theirs == ours, "\(engine)")
        }

        // A second start on the finished checkpoint adds nothing.
        let again = try StreamingQuery(try pipeline().joined(), sink: try ParquetFileSink(path: output),
                                       configuration: configuration("again", checkpoint: checkpoint))
        try await again.run()
        #expect(again.recentProgress.isEmpty)
        #expect(try ParquetDataset(path: output).read().rowCount == 1527)
    }

    @Test func dumpWithACheckpointResumesAndASecondRunAddsNothing() async throws {
        let root = try FixturePaths.temporaryDirectory("dump-ckpt").path
        func dump() async throws -> [String: TopUpDump.StageResult] {
            let results = try await TopUpDump(
                customerLocation: input.appendingPathComponent("customer").path,
                bureauLocation: input.appendingPathComponent("bureau").path,
                trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: root + "/dump",
                checkpointDirectory: root + "/ckpt", parquetDirectory: root + "/out", log: { _ in }
            ).run()
            return Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
        }
        let first = try await dump()
        #expect(first["joined"]?.rows == 1527)
        #expect(first["bureau_groups"]?.batches == 11)
        for stage in ["customer_parsed", "bureau_cleaned", "bureau_groups", "joined"] {
            #expect(FileManager.default.fileExists(atPath: "\(root)/ckpt/\(stage)/metadata"), "\(stage)")
            #expect(try CommitLog(directory: "\(root)/ckpt/\(stage)/commits").latest() != nil, "\(stage)")
        }
        let dumped = try String(contentsOfFile: root + "/dump/joined.jsonl", encoding: .utf8)
        let second = try await dump()
        #expect(second.values.allSatisfy { $0.rows == 0 && $0.batches == 0 })
        // The rerun keeps the dumps of the committed batches (it used to truncate them to 0 lines).
        #expect(try String(contentsOfFile: root + "/dump/joined.jsonl", encoding: .utf8) == dumped)
        #expect(dumped.split(separator: "\n").count == 1527)
        #expect(try ParquetDataset(path: root + "/out/cust_bureau").read().rowCount == 1527)
    }
}
