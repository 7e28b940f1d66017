import Connectors
import Customer360
import Foundation
import Synchronization
import StreamExecution
import Testing

/// How `s360 topup` runs as a user runs it: stages side by side under a processing-time
/// trigger, outputs written batch by batch, dumps optional and resumable, options checked first.
@Suite(.serialized) struct TopUpRunTests {
    let input = FixturePaths.topupSmall.appendingPathComponent("input")
    let expected = FixturePaths.topupSmall.appendingPathComponent("expected").path
    let model = FixturePaths.topupSmall.appendingPathComponent("spark_pipeline_model").path
    static let dumpFiles = ["customer_parsed.jsonl", "bureau_cleaned.jsonl", "bureau_groups.jsonl", "joined.jsonl",
                            "predictions.jsonl", "state_counts.jsonl"]

    func job(trigger: Trigger, dump: String?, log: @escaping @Sendable (String) -> Void = { _ in }) -> TopUpDump {
        TopUpDump(customerLocation: input.appendingPathComponent("customer").path,
                  bureauLocation: input.appendingPathComponent("bureau").path,
                  trigger: trigger, readLimit: .maxFiles(1), outputDirectory: dump, modelDirectory: model, log: log)
    }

    func lineCount(_ path: String) -> Int {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return -1 }
        return text.split(separator: "\n").count
    }

    func compare(_ directory: String) throws -> (status: Int32, output: String) {
        try FixturePaths.run("python3", [FixturePaths.compareDumps.path, expected, directory] + Self.dumpFiles)
    }

    /// Runs `run` until `done` holds after a batch (checked after every progress line), or
    /// `maxLines` lines went by, then stops it; returns whether `done` held.
    func runUntil(
        _ run: PipelineRun, lines: AsyncStream<String>, maxLines: Int = 5_000, _ done: () -> Bool
    ) async throws -> Bool {
        async let finished = run.run()
        var seen = 0
        var reached = false
        for await _ in lines {
            seen += 1
            if done() { reached = true; break }
            if seen >= maxLines { break }
        }
        run.stop()
        _ = try await finished
        return reached
    }

    /// Issue 15, item 8 (the blocker): under a processing-time trigger the stages never end by
    /// themselves; every stage must write its rows as its batches commit, and a stop (Ctrl-C)
    /// must leave exactly what Spark wrote.
    @Test func aProcessingTimeRunWritesEveryBatchAsItCommitsAndStopsCleanly() async throws {
        let dump = try FixturePaths.temporaryDirectory("topup-processing-time").path
        let (lines, continuation) = AsyncStream<String>.makeStream()
        let run = try job(trigger: .processingTime(.milliseconds(5)), dump: dump) { continuation.yield($0) }.prepare()
        #expect(run.stageNames == TopUpDump.stageNames)
        let want = Dictionary(uniqueKeysWithValues: Self.dumpFiles.map { ($0, lineCount("\(expected)/\($0)")) })
        let reached = try await runUntil(run, lines: lines) {
            Self.dumpFiles.allSatisfy { lineCount("\(dump)/\($0)") == want[$0] }
        }
        #expect(reached, "the dumps never reached Spark's row counts while the queries ran")
        let (status, output) = try compare(dump)
        #expect(status == 0, "compare_dumps.py:\n\(output)")
        #expect(output.contains("match 6/6 files, 100.00% rows"))
    }

    /// Item 9: a run stopped in the middle and resumed from its checkpoint continues the dumps
    /// after the last committed batch and says where it resumed; the result equals Spark's.
    @Test func aStoppedRunResumesFromItsCheckpointAndAppendsToTheDumps() async throws {
        let root = try FixturePaths.temporaryDirectory("topup-resume").path
        // Stop from the joined stage's own progress line, once it has written some rows: the
        // stages finish their running batch and stop.
        let stopper = RunStopper()
        var first = job(trigger: .processingTime(.milliseconds(5)), dump: root + "/dump") { line in
            if line.hasPrefix("[joined]"), !line.contains("-> 0 output rows") { stopper.stop() }
        }
        first.checkpointDirectory = root + "/ckpt"
        let run = try first.prepare()
        stopper.set(run)
        try await run.run()
        let partial = lineCount(root + "/dump/joined.jsonl")
        #expect(partial > 0 && partial < 1527)

        let log = LogLines()
        var second = job(trigger: .availableNow, dump: root + "/dump") { log.append($0) }
        second.checkpointDirectory = root + "/ckpt"
        try await second.run()
        #expect(log.lines.contains { $0.hasPrefix("joined: resuming at batch ") && $0.contains("appending to") })
        let (status, output) = try compare(root + "/dump")
        #expect(status == 0, "compare_dumps.py:\n\(output)")

        // A third run on the finished checkpoint keeps every dump as it is.
        let before = Self.dumpFiles.map { lineCount(root + "/dump/\($0)") }
        var third = job(trigger: .availableNow, dump: root + "/dump")
        third.checkpointDirectory = root + "/ckpt"
        try await third.run()
        #expect(Self.dumpFiles.map { lineCount(root + "/dump/\($0)") } == before)
    }

    /// Item 9: production runs need no dump; only the stages the outputs need run.
    @Test func withoutADumpOnlyTheParquetOutputsAreWritten() async throws {
        let root = try FixturePaths.temporaryDirectory("topup-no-dump").path
        var production = job(trigger: .availableNow, dump: nil)
        production.parquetDirectory = root + "/out"
        production.checkpointDirectory = root + "/ckpt"
        let results = try await production.run()
        #expect(results.map(\.name) == ["joined", "predictions"])
        #expect(results.first?.rows == 1527)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted() == ["cust_bureau", "top_up_predictions"])
        #expect(!FileManager.default.fileExists(atPath: root + "/out/joined.jsonl"))
    }

    /// Item 10: everything the options name is checked before a query runs.
    @Test func optionsThatCannotWorkAreRefusedBeforeAnythingRuns() throws {
        let root = try FixturePaths.temporaryDirectory("topup-validation").path
        var missingModel = job(trigger: .availableNow, dump: root + "/dump")
        missingModel.modelDirectory = root + "/no-such-model"
        #expect(throws: PipelineError.modelNotFound(path: root + "/no-such-model")) { try missingModel.prepare() }
        #expect("\(PipelineError.modelNotFound(path: "m"))".contains("does not exist"))

        try "not a directory".write(toFile: root + "/file", atomically: true, encoding: .utf8)
        let dumpIsAFile = job(trigger: .availableNow, dump: root + "/file")
        #expect(throws: PipelineError.unusableDirectory(option: "--dump", path: root + "/file", reason: "is a file, not a directory")) {
            try dumpIsAFile.prepare()
        }
        #expect(throws: PipelineError.self) { try job(trigger: .availableNow, dump: nil).prepare() }
    }

    /// Item 10/12: a missing input directory is an error naming the option, an empty one a warning, before anything runs.
    @Test func inputDirectoriesAreCheckedOnceBeforeTheStagesOpenThem() throws {
        let root = try FixturePaths.temporaryDirectory("topup-inputs").path
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let log = LogLines()
        var empty = TopUpDump(customerLocation: root + "/empty", bureauLocation: input.appendingPathComponent("bureau").path,
                              trigger: .availableNow, readLimit: .all, outputDirectory: root + "/dump", log: { log.append($0) })
        _ = try empty.prepare()
        #expect(log.lines.filter { $0.hasPrefix("warning: --customer") }.count == 1, "\(log.lines)")
        empty.customerLocation = root + "/missing"
        #expect { try empty.prepare() } throws: { error in
            "\(error)".hasPrefix("--customer") && "\(error)".contains("does not exist")
        }
    }

    /// Item 10: a checkpoint of another pipeline, or of a single query, is refused with what it holds.
    @Test func aCheckpointOfAnotherPipelineIsRefused() throws {
        let root = try FixturePaths.temporaryDirectory("topup-foreign-checkpoint").path
        try PipelineCheckpoint.claim(root + "/churn", pipeline: "churn", stages: ChurnDump.stageNames)
        var topup = job(trigger: .availableNow, dump: root + "/dump")
        topup.checkpointDirectory = root + "/churn"
        #expect { try topup.prepare() } throws: { error in
            "\(error)".contains("the checkpoint of `s360 churn`")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/churn/joined"))

        for entry in ["offsets", "commits", "metadata"] {
            try FileManager.default.createDirectory(atPath: "\(root)/query/\(entry)", withIntermediateDirectories: true)
        }
        topup.checkpointDirectory = root + "/query"
        #expect { try topup.prepare() } throws: { error in
            "\(error)".contains("a single query's checkpoint")
        }
    }
}

/// Stops a pipeline run from a stage's log callback, once the run is known.
final class RunStopper: Sendable {
    private let run = Mutex<PipelineRun?>(nil)
    private let requested = Mutex(false)
    func set(_ pipeline: PipelineRun) {
        run.withLock { $0 = pipeline }
        if requested.withLock({ $0 }) { pipeline.stop() }
    }
    func stop() {
        requested.withLock { $0 = true }
        run.withLock { $0 }?.stop()
    }
}

/// Collects log lines from the stages' tasks.
final class LogLines: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ line: String) { storage.withLock { $0.append(line) } }
    var lines: [String] { storage.withLock { $0 } }
}
