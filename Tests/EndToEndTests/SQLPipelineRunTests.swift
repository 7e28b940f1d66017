import Connectors
import Customer360
import DocumentStore
import Foundation
import StreamExecution
import StreamSQL
import StreamTesting
import Testing

/// The seed pipelines as SQL files (`examples/topup.sql`, `examples/churn.sql`) run by
/// `SQLPipeline` (what `s360 run` runs) on the fixtures, compared with Spark's outputs by
/// `compare_dumps.py`. Run alone: `swift test --skip-build --disable-xctest --filter SQLPipelineRunTests`.
@Suite struct SQLPipelineRunTests {
    static let fixtures = FixturePaths.shared.appendingPathComponent("fixtures").path
    static let topupFiles = ["customer_parsed.jsonl", "bureau_cleaned.jsonl", "bureau_groups.jsonl", "joined.jsonl", "predictions.jsonl", "state_counts.jsonl"]

    func pipeline(_ file: String, out: String, checkpoint: String?, trigger: Trigger = .availableNow, log: @escaping @Sendable (String) -> Void = { _ in }) throws -> SQLPipeline {
        let path = FixturePaths.repositoryRoot.appendingPathComponent("examples/\(file)").path
        let text = String(decoding: try FileSystem.readAll(path), as: UTF8.self)
        let program = try SQLProgram(text, variables: ["FIXTURES": Self.fixtures, "OUT": out])
        var pipeline = SQLPipeline(program: program, name: file, trigger: trigger, checkpointDirectory: checkpoint, log: log)
        pipeline.quarantineDirectory = out + "/quarantine"
        return pipeline
    }

    func compare(_ fixture: String, _ directory: String, _ files: [String]) async throws -> (status: Int32, output: String) {
        let expected = "\(Self.fixtures)/\(fixture)/expected"
        return try await BlockingWork.run { try FixturePaths.run("python3", [FixturePaths.compareDumps.path, expected, directory] + files) }
    }

    @Test func topupSQLEqualsSparksFixture() async throws {
        let root = try FixturePaths.temporaryDirectory("topup-sql").path
        let run = try pipeline("topup.sql", out: root + "/out", checkpoint: root + "/ckpt").prepare()
        #expect(run.stageNames == ["customer_parsed_out", "bureau_cleaned_out", "bureau_groups_out", "joined_out", "predictions_out", "state_counts_out"])
        try await run.run()
        let (status, output) = try await compare("topup-small", root + "/out", Self.topupFiles)
        #expect(status == 0, "compare_dumps.py:\n\(output)")
        #expect(output.contains("match 6/6 files, 100.00% rows"), "\(output)")
    }

    /// `s360 explain`: both stateful operators of the top-up file are bounded by the watermark,
    /// the join's too (the window's bounds survive the SQL compiler's renames), so `run` needs no flag.
    @Test func explainShowsTheTopUpStateBounded() throws {
        let explained = try SQLExplain.explain(try pipeline("topup.sql", out: "/nonexistent", checkpoint: nil))
        #expect(explained.unbounded.isEmpty, "\(explained.unbounded)")
        #expect(explained.text.contains("symmetricHashJoin: bounded by the watermark on ts, 35 s"))
        #expect(explained.text.contains("stateStoreSave: bounded by the watermark on ts, 35 s"))
        #expect(explained.text.contains("query customer_parsed_out (append mode) -> jsonl"))
    }

    @Test func churnSQLEqualsSparksFixture() async throws {
        let root = try FixturePaths.temporaryDirectory("churn-sql").path
        try await pipeline("churn.sql", out: root + "/out", checkpoint: root + "/ckpt").prepare().run()
        let files = ["joined.jsonl", "predictions.jsonl", "weblog_stats.jsonl"]
        let (status, output) = try await compare("c360-small", root + "/out", files)
        #expect(status == 0, "compare_dumps.py:\n\(output)")
        #expect(output.contains("match 3/3 files, 100.00% rows"), "\(output)")
        // The scores saved back into the document store: one document per scored customer.
        let predicted = Set(String(decoding: try FileSystem.readAll(root + "/out/predictions.jsonl"), as: UTF8.self)
            .split(separator: "\n").compactMap { line in line.split(separator: ",").first })
        let store = try DocumentStoreURL("sqlite:" + root + "/out/customer360.sqlite").open(readOnly: true)
        defer { store.close() }
        let documents = try store.openTable("churn_predictions").scan()
        #expect(documents.rowCount == predicted.count && documents.rowCount > 1000)
        #expect(Set(documents.schema.names) == ["user_id", "churn_prediction", "churn_probability", "churn_label", "last_event"])
    }

    /// A rerun on a finished checkpoint runs nothing new and leaves every output as it was.
    @Test func aRerunOnTheCheckpointKeepsTheOutputs() async throws {
        let root = try FixturePaths.temporaryDirectory("churn-sql-rerun").path
        try await pipeline("churn.sql", out: root + "/out", checkpoint: root + "/ckpt").prepare().run()
        let before = try FileSystem.readAll(root + "/out/joined.jsonl")
        let log = LineLog()
        let results = try await pipeline("churn.sql", out: root + "/out", checkpoint: root + "/ckpt") { log.append($0) }.prepare().run()
        #expect(results.allSatisfy { $0.rows == 0 })
        #expect(try FileSystem.readAll(root + "/out/joined.jsonl") == before)
        // Another file's checkpoint root is refused before anything runs.
        #expect(throws: PipelineError.self) {
            _ = try pipeline("topup.sql", out: root + "/out2", checkpoint: root + "/ckpt").prepare()
        }
    }
}

extension SQLPipelineRunTests {
    static let unboundedFile = """
        CREATE TABLE clicks (user_id INT, product STRING) USING json OPTIONS (path '${CLICKS}');
        CREATE TABLE per_product USING jsonl OPTIONS (path '${OUT}/per_product.jsonl', outputMode 'complete');
        INSERT INTO per_product SELECT product, count(*) AS events FROM clicks GROUP BY product;
        """

    /// `s360 run` refuses a query whose state grows without bound (here: a GROUP BY without an
    /// event-time window, complete mode) before touching any file, unless allowed.
    @Test func anUnboundedQueryIsRefusedUnlessAllowed() async throws {
        let root = try FixturePaths.temporaryDirectory("sql-unbounded").path
        let program = try SQLProgram(Self.unboundedFile, variables: ["CLICKS": "\(Self.fixtures)/c360-small/input/clickstream", "OUT": root + "/out"])
        var pipeline = SQLPipeline(program: program, name: "unbounded.sql", trigger: .availableNow, checkpointDirectory: root + "/ckpt") { _ in }
        #expect {
            _ = try pipeline.prepare()
        } throws: { error in
            "\(error)".contains("UNBOUNDED") && "\(error)".contains("--allow-unbounded-state")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/ckpt") && !FileManager.default.fileExists(atPath: root + "/out"))
        pipeline.allowUnboundedState = true
        try await pipeline.prepare().run()
        let lines = String(decoding: try FileSystem.readAll(root + "/out/per_product.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("\"events\":") })
    }
}

/// Lines logged from the queries' tasks.
final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

extension SQLPipelineRunTests {
    /// Golden pipeline killed and restored: a processing-time run of topup.sql stopped once the
    /// join has written rows, then resumed from its checkpoint, still equals Spark's outputs.
    @Test func aStoppedTopUpRunResumesFromItsCheckpoint() async throws {
        let root = try FixturePaths.temporaryDirectory("topup-sql-resume").path
        let holder = RunHolder()
        var first = try pipeline("topup.sql", out: root + "/out", checkpoint: root + "/ckpt", trigger: .processingTime(.milliseconds(5)))
        first.partitions = 2
        first.progress = { progress in
            if progress.name == "joined_out", progress.numOutputRows > 0 { holder.run?.stop() }
        }
        let run = try first.prepare()
        holder.run = run
        try await run.run()
        let partial = lineCount(root + "/out/joined.jsonl")
        #expect(partial > 0 && partial < 1527, "stopped after \(partial) joined rows")
        let log = LineLog()
        var second = try pipeline("topup.sql", out: root + "/out", checkpoint: root + "/ckpt") { log.append($0) }
        second.partitions = 2
        try await second.prepare().run()
        #expect(log.lines.contains { $0.hasPrefix("joined_out: resuming at batch ") }, "\(log.lines)")
        let (status, output) = try await compare("topup-small", root + "/out", Self.topupFiles)
        #expect(status == 0, "compare_dumps.py:\n\(output)")
        #expect(output.contains("match 6/6 files, 100.00% rows"), "\(output)")
    }

    func lineCount(_ path: String) -> Int {
        ((try? FileSystem.readAll(path)) ?? []).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}

/// The run a progress handler stops, set once it is prepared.
final class RunHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: PipelineRun?
    var run: PipelineRun? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
