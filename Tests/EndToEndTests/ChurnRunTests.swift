import Columnar
import Customer360
import DocumentStore
import FileConnector
import JSONIngest
import Foundation
import StreamExecution
import Testing

/// `s360 churn` with what `topup` has (issue 15, item 11): a checkpoint it resumes from,
/// Parquet outputs, per-batch dumps, and predictions saved into a document table.
@Suite(.serialized) struct ChurnRunTests {
    let fixture = FixturePaths.shared.appendingPathComponent("fixtures/c360-small")

    func job(_ root: String, dump: String?, log: @escaping @Sendable (String) -> Void = { _ in }) -> ChurnDump {
        var job = ChurnDump(
            clickLocation: fixture.appendingPathComponent("input/clickstream").path,
            crmPath: fixture.appendingPathComponent("input/crm/crm.jsonl").path,
            trigger: .availableNow, readLimit: .maxFiles(3), outputDirectory: dump,
            modelDirectory: fixture.appendingPathComponent("spark_churn_model").path, log: log)
        job.checkpointDirectory = root + "/ckpt"
        job.parquetDirectory = root + "/out"
        job.predictionsTable = "sqlite:\(root)/store.sqlite#churn_predictions"
        return job
    }

    @Test func checkpointedRunsWriteParquetDumpsAndTheStoreOnceAndResume() async throws {
        let root = try FixturePaths.temporaryDirectory("churn-run").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let counts = try await job(root, dump: root + "/dump").run()
        #expect(counts["joined"] == 15410)
        #expect(counts["predictions"] == 15410)
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, fixture.appendingPathComponent("expected").path, root + "/dump",
            "joined.jsonl", "predictions.jsonl", "weblog_stats.jsonl",
        ])
        #expect(status == 0, "compare_dumps.py reported differences:\n\(output)")
        #expect(try ParquetDataset(path: root + "/out/churn_predictions").read().rowCount == 15410)
        #expect(try ParquetDataset(path: root + "/out/churn_joined").read().rowCount == 15410)

        // One document per scored customer, holding the score of that customer's last click.
        let store = try DocumentStoreURL("sqlite:\(root)/store.sqlite").open()
        let saved = try store.openTable("churn_predictions").scan()
        store.close()
        // Read with the project's reader: Foundation's JSONSerialization on Linux rounds some
        // 17-digit doubles to a neighbour.
        let (predictions, _) = JSONDocumentReader.read(
            Array(try String(contentsOfFile: root + "/dump/predictions.jsonl", encoding: .utf8).utf8), source: "predictions.jsonl")
        var lastScore: [Scalar: Scalar] = [:]
        let dumpedUsers = try predictions.column("user_id")
        let dumpedProbabilities = try predictions.column("probability")
        for row in 0..<predictions.rowCount { lastScore[dumpedUsers.scalar(at: row)] = dumpedProbabilities.scalar(at: row) }
        #expect(saved.rowCount == lastScore.count)
        let users = try saved.column("user_id")
        let probabilities = try saved.column("churn_probability")
        for row in 0..<saved.rowCount {
            #expect(lastScore[users.scalar(at: row)] == probabilities.scalar(at: row), "user \(users.scalar(at: row))")
        }

        // A second run on the same checkpoint resumes after the last batch: nothing new anywhere.
        let log = LogLines()
        let again = try await job(root, dump: root + "/dump") { log.append($0) }.run()
        #expect(again["joined"] == 0 && again["predictions"] == 0)
        #expect(log.lines.contains { $0.hasPrefix("predictions: resuming at batch") })
        let (statusAgain, outputAgain) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, fixture.appendingPathComponent("expected").path, root + "/dump",
            "joined.jsonl", "predictions.jsonl",
        ])
        #expect(statusAgain == 0, "after the rerun:\n\(outputAgain)")
    }

    @Test func savingPredictionsNeedsAModelAndSomeOutputIsRequired() throws {
        let root = try FixturePaths.temporaryDirectory("churn-validation").path
        var noModel = job(root, dump: nil)
        noModel.modelDirectory = nil
        #expect(throws: PipelineError.conflictingOptions("--save-predictions saves the scored stream: give --model too")) {
            try noModel.prepare()
        }
        var nothing = job(root, dump: nil)
        nothing.parquetDirectory = nil
        nothing.predictionsTable = nil
        #expect(throws: PipelineError.self) { try nothing.prepare() }
        var topupCheckpoint = job(root, dump: root + "/dump")
        try PipelineCheckpoint.claim(root + "/topup", pipeline: "topup", stages: TopUpDump.stageNames)
        topupCheckpoint.checkpointDirectory = root + "/topup"
        #expect { try topupCheckpoint.prepare() } throws: { "\($0)".contains("the checkpoint of `s360 topup`") }
    }
}
