import Checkpointing
import Columnar
import Connectors
import Expressions
import Foundation
@_spi(Testing) import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// `CheckpointInspection` over checkpoints written by real queries: batches, offsets,
/// watermarks, the recorded plan, state per operator and partition, a pending batch, a
/// pipeline root; and `PlanComparison` naming what changed between two real plans.
@Suite struct CheckpointInspectionTests {
    let directory = NSTemporaryDirectory() + "s360-inspect-" + UUID().uuidString

    @Test func aPartitionedCheckpointShowsBatchesOffsetsWatermarksPlanAndState() async throws {
        let (bureau, customers) = PartitionedExecutionTests.feed()
        let sink = RecordingSink()
        let query = try StreamingQuery(try PartitionedExecutionTests.plan(bureau, customers), sink: sink, configuration: StreamingQueryConfiguration(
            name: "joined", readLimit: .maxFiles(1), checkpointLocation: directory, checkpointRetention: 4, partitions: 2))
        try await query.run()
        let last = query.nextBatchId - 1

        let inspection = try CheckpointInspection(path: directory)
        #expect(inspection.pipeline == nil)
        let checkpoint = try #require(inspection.queries.first)
        #expect(inspection.queries.count == 1)
        #expect(checkpoint.batches.map(\.id) == Array(last - 3...last), "retention 4 keeps the last four batches")
        #expect(checkpoint.lastCommitted == last)
        #expect(checkpoint.pendingBatch == nil)
        #expect(checkpoint.partitionCount == 2)
        #expect(checkpoint.sourceCount == 2)
        // Each batch's recorded watermark is the one its progress reported.
        for batch in checkpoint.batches {
            let progress = try #require(query.recentProgress.first { $0.batchId == batch.id })
            #expect(batch.offsets?.metadata.batchWatermarkMs == progress.watermark / 1000)
            #expect(batch.isCommitted)
        }
        // The plan, read back: a join over a window aggregate, the two stateful operators numbered as saved.
        let plan = try #require(checkpoint.plan)
        #expect(plan.sourceCount == 2 && plan.outputMode == "append")
        let stateful = plan.statefulOperators.map(\.operator.name)
        #expect(stateful == ["symmetricHashJoin", "stateStoreSave"])
        #expect(plan.statefulOperators[1].operator.setting("window") == "30000000/30000000/0")
        // State: both operators in both partitions, the kinds the snapshots' headers name.
        let latest = checkpoint.latestState
        #expect(latest.map { "\($0.operatorIndex)/\($0.partition ?? -1)@\($0.batchId)" } == ["0/0@\(last)", "0/1@\(last)", "1/0@\(last)", "1/1@\(last)"])
        #expect(latest.map(\.kind) == ["symmetricHashJoin", "symmetricHashJoin", "stateStoreSave", "stateStoreSave"])
        #expect(latest.allSatisfy { $0.bytes > 0 })

        let text = inspection.textLines.joined(separator: "\n")
        #expect(text.contains("2 sources, 2 partitions, output mode append"), "\(text)")
        #expect(text.contains("last committed batch \(last)"))
        #expect(text.contains("stateStoreSave {window 30 s}"))
        #expect(text.contains("state/1 stateStoreSave:") && text.contains("p1 "))
        let json = inspection.json
        #expect(JSONValue.parse(Substring(json.description)) == json)
        if case .array(let queries)? = json["queries"] {
            #expect(queries.first?["partitions"] == .int(2))
            #expect(queries.first?["lastCommittedBatch"] == .int(last))
        } else {
            Issue.record("queries is not an array: \(json)")
        }
    }

    @Test func anUncommittedBatchIsShownAsPendingAndAPipelineRootListsItsStages() throws {
        let root = directory
        let (bureau, _) = PartitionedExecutionTests.feed()
        let query = try StreamingQuery(try windowedCounts(bureau), sink: RecordingSink(), configuration: StreamingQueryConfiguration(
            name: "counts", readLimit: .maxFiles(1), checkpointLocation: "\(root)/counts", partitions: 1))
        _ = try query.runBatch(limit: .maxFiles(1))
        query.checkpointHook = { step, batchId in
            if step == .sinkWritten { throw SimulatedCrash(step: step.rawValue, batchId: batchId) }
        }
        #expect(throws: SimulatedCrash.self) { try query.runBatch(limit: .maxFiles(1)) }
        try Array("run counts.sql\n".utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: "\(root)/_pipeline")) }
        try FileManager.default.createDirectory(atPath: "\(root)/quarantine", withIntermediateDirectories: true)

        let inspection = try CheckpointInspection(path: root + "/")
        #expect(inspection.pipeline == "run counts.sql")
        #expect(inspection.queries.map(\.name) == ["counts"], "quarantine/ is not a stage checkpoint")
        let counts = try #require(inspection.query("counts"))
        #expect(counts.lastCommitted == 0)
        #expect(counts.pendingBatch == 1)
        #expect(counts.partitionCount == 1)
        #expect(counts.latestState.map(\.partition) == [0])
        #expect(counts.latestState.map(\.batchId) == [0], "the crashed batch saved no state")
        let text = inspection.textLines.joined(separator: "\n")
        #expect(text.contains("pipeline checkpoint \(root) (`s360 run counts.sql`)"), "\(text)")
        #expect(text.contains("batch 1 is planned but not committed"))
        #expect(text.contains("| NO |"))

        #expect(throws: CheckpointError.self) { try CheckpointInspection(path: root + "/quarantine") }
    }

    @Test func planComparisonNamesTheWindowTheColumnAndTheAggregateThatChanged() throws {
        let source = MemorySource(schema: eventSchema, name: "events")
        let settings = StreamingQueryConfiguration(partitions: 1)
        func plan(window: Duration = .seconds(10), aggregations: [Aggregation] = [Aggregation(.countAll, "*", as: "n")],
                  dropID: Bool = false) throws -> String {
            var frame = try DataFrame.readStream(source).withWatermark("ts", delay: .seconds(5))
                .groupBy(window: DataFrame.window("ts", window), ["ID"], aggregations: aggregations)
            frame = try dropID ? frame.select(col("window"), col("n")) : frame.select(col("window"), col("ID"), col("n"))
            return try StreamingQuery.checkpointPlan(of: frame, configuration: settings)
        }
        let original = try plan()
        let same = PlanComparison(checkpointed: original, current: try plan())
        #expect(same.canResume && same.changes.isEmpty)

        let window = PlanComparison(checkpointed: original, current: try plan(window: .seconds(20)))
        #expect(!window.canResume)
        #expect(window.changes.map(\.description) == ["project > stateStoreSave (state/0): window changed from 10 s to 20 s"])

        let removed = PlanComparison(checkpointed: original, current: try plan(dropID: true))
        #expect(removed.changes.map(\.description) == ["project: column `ID` (string) removed"])

        let added = PlanComparison(checkpointed: original, current: try plan(aggregations: [
            Aggregation(.countAll, "*", as: "n"), Aggregation(.countAll, "*", as: "m"),
        ]))
        #expect(added.changes.map(\.description) == ["project > stateStoreSave (state/0): column `m` (bigint) added (a new aggregate or grouping key)"])
    }
}
