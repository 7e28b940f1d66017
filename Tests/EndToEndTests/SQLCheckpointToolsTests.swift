import Checkpointing
import Columnar
import Connectors
import Customer360
import Foundation
import StreamExecution
import StreamSQL
import Testing

/// `s360 checkpoint diff` and `s360 replay` over a pipeline file's checkpoint root: an
/// unchanged file resumes, a changed window, a removed column and an added aggregate are each
/// named at their operator, another partition count is refused; every replayed batch is the
/// bytes the JSON-lines sink wrote for it.
@Suite struct SQLCheckpointToolsTests {
    static let bureau = FixturePaths.topupSmall.appendingPathComponent("input/bureau").path

    /// The top-up bureau aggregate: 30 s windows per ID, one file per batch, over topup-small.
    static func file(window: String = "30 seconds", extraAggregate: String = "", dropMax: Bool = false) -> String {
        """
        CREATE TABLE bureau (ID STRING, `CURRENT-BAL` STRING, `ACCT-TYPE` STRING, ts TIMESTAMP,
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
          USING json OPTIONS (path '${BUREAU}', maxFilesPerTrigger '1');
        CREATE VIEW groups AS
        SELECT ID, sum(CAST(`CURRENT-BAL` AS INT)) AS balance, \(dropMax ? "" : "approx_count_distinct(`ACCT-TYPE`) AS types, ")\(extraAggregate)
               window.start AS window_start, window.end AS window_end
        FROM bureau GROUP BY window(ts, '\(window)'), ID;
        CREATE TABLE groups_out USING jsonl OPTIONS (path '${OUT}/groups.jsonl');
        INSERT INTO groups_out SELECT * FROM groups;
        """
    }

    static func pipeline(_ text: String, out: String, checkpoint: String?, partitions: Int = 2) throws -> SQLPipeline {
        let program = try SQLProgram(text, variables: ["BUREAU": bureau, "OUT": out])
        var pipeline = SQLPipeline(program: program, name: "groups.sql", trigger: .availableNow, checkpointDirectory: checkpoint) { _ in }
        pipeline.partitions = partitions
        return pipeline
    }

    @Test func diffNamesWhatPreventsResumingAndReplayGivesTheSinksBytes() async throws {
        let root = try FixturePaths.temporaryDirectory("sql-ckpt-tools").path
        let out = root + "/out"
        let checkpoint = root + "/ckpt"
        try await Self.pipeline(Self.file(), out: out, checkpoint: checkpoint).prepare().run()

        let same = try SQLCheckpointDiff(pipeline: try Self.pipeline(Self.file(), out: out, checkpoint: nil), root: checkpoint, partitions: 2)
        #expect(same.canResume)
        let lastCommitted = try #require(try CheckpointInspection(path: checkpoint).query("groups_out")?.lastCommitted)
        #expect(same.textLines.contains("  groups_out: resumes after batch \(lastCommitted)"), "\(same.textLines)")

        func reasons(_ text: String, partitions: Int = 2) throws -> [String] {
            let diff = try SQLCheckpointDiff(pipeline: try Self.pipeline(text, out: out, checkpoint: nil), root: checkpoint, partitions: partitions)
            #expect(!diff.canResume)
            guard case .blocked(let reasons, _) = diff.stages.first?.verdict else { return [] }
            return reasons
        }
        let window = try reasons(Self.file(window: "1 minute"))
        #expect(window.count == 1 && window[0].hasPrefix("project ×") && window[0].hasSuffix(" > stateStoreSave (state/0): window changed from 30 s to 1 min"),
                "\(window)")
        let removed = try reasons(Self.file(dropMax: true))
        #expect(removed.contains { $0.contains("stateStoreSave (state/0)") && $0.contains("aggregate or grouping key removed") }, "\(removed)")
        #expect(removed.contains { $0.contains("column `types` (bigint) removed") }, "\(removed)")
        let added = try reasons(Self.file(extraAggregate: "count(*) AS reports, "))
        #expect(added.contains { $0.contains("stateStoreSave (state/0)") && $0.contains("aggregate or grouping key added") }, "\(added)")
        #expect(added.contains { $0.contains("column `reports` (bigint) added") }, "\(added)")
        #expect(try reasons(Self.file(), partitions: 3)
                == ["partitions: the checkpoint's state is split into 2, this run asks for 3 (run with --partitions 2)"])

        // Every batch the checkpoint keeps, replayed, is the bytes the sink wrote for it.
        let index = String(decoding: try FileSystem.readAll(out + "/.groups.jsonl.batches"), as: UTF8.self)
        let written = try FileSystem.readAll(out + "/groups.jsonl")
        let kept = Set(try CheckpointInspection(path: checkpoint).query("groups_out")?.batches.map(\.id) ?? [])
        var previousEnd = 0
        var replayed = 0
        for line in index.split(separator: "\n") {
            let fields = line.split(separator: " ")
            let (batchId, end) = (try #require(Int64(fields[0])), try #require(Int(fields[1])))
            defer { previousEnd = end }
            guard kept.contains(batchId), kept.contains(batchId - 1) || batchId == 0 else { continue }
            let output = try SQLBatchReplay.replay(pipeline: try Self.pipeline(Self.file(), out: root + "/elsewhere", checkpoint: nil),
                                                   stage: "groups_out", checkpoint: checkpoint + "/groups_out", batchId: batchId)
            var bytes: [UInt8] = []
            JSONLinesEncoder.encode(output, into: &bytes)
            #expect(bytes == Array(written[previousEnd..<end]), "batch \(batchId)")
            replayed += 1
        }
        #expect(replayed >= 5)
        #expect(written.count > 0)
    }
}
