import Columnar
import Connectors
import Foundation
import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// Per-batch progress shaped like Spark's `lastProgress`, and the memory sink's contract.
@Suite struct ProgressTests {
    @Test func progressJSONCarriesBatchWatermarkAndStateOperators() throws {
        let source = MemorySource(schema: eventSchema, name: "events")
        let scenario = try StreamScenario(try windowedCounts(source))
        source.addData(events(("a", 12), ("b", 13)))
        source.addData(events(("a", 14)))
        _ = try scenario.runUntilIdle()
        let progress = try #require(scenario.query.recentProgress.dropFirst().first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(progress.json.utf8)) as? [String: Any])
        #expect(json["batchId"] as? Int == 1)
        #expect(json["numInputRows"] as? Int == 1)
        // Batch 1 ran under 13 s - 5 s = 8 s.
        let eventTime = try #require(json["eventTime"] as? [String: Any])
        #expect(eventTime["watermark"] as? String == "1970-01-01T00:00:08Z")
        #expect(eventTime["max"] as? String == "1970-01-01T00:00:14Z")
        let states = try #require(json["stateOperators"] as? [[String: Any]])
        #expect(states.count == 1)
        #expect(states.first?["operatorName"] as? String == "stateStoreSave")
        // Groups (a,[10,20)) and (b,[10,20)); batch 1 updated a's.
        #expect(states.first?["numRowsTotal"] as? Int == 2)
        #expect(states.first?["numRowsUpdated"] as? Int == 1)
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.first?["description"] as? String == "MemorySource[events]")
        #expect(sources.first?["numInputRows"] as? Int == 1)
        #expect(json["numQuarantinedMessages"] as? Int == 0)
        #expect(progress.summary.contains("batch 1"))
    }

    @Test func noDataBatchReportsZeroInputAndTheNewWatermark() throws {
        let source = MemorySource(schema: eventSchema)
        let scenario = try StreamScenario(try windowedCounts(source))
        source.addData(events(("a", 21)))
        _ = try scenario.runUntilIdle()
        // One data batch under 0, then one without data under 21 s - 5 s = 16 s; the group of
        // [20,30) stays open (30 s > 16 s), so it is kept in state and nothing is emitted.
        let last = try #require(scenario.lastProgress)
        #expect(last.batchId == 1)
        #expect(last.numInputRows == 0)
        #expect(last.watermark == sec(16))
        #expect(last.eventTimeMax == nil)
        #expect(last.stateOperators.first?.numRowsTotal == 1)
    }

    @Test func withNoDataBatchesOffOnlyNewDataRunsABatch() throws {
        let source = MemorySource(schema: eventSchema)
        let scenario = try StreamScenario(
            try windowedCounts(source), configuration: .init(readLimit: .maxFiles(1), noDataBatches: false))
        source.addData(events(("a", 21)))
        _ = try scenario.runUntilIdle()
        // Spark's noDataMicroBatches.enabled=false: the watermark moved to 16 s, but no batch ran for it.
        #expect(scenario.query.nextBatchId == 1)
        #expect(scenario.query.watermark == sec(16))
        source.addData(events(("b", 40)))
        _ = try scenario.runUntilIdle()
        // The next data batch runs under 16 s and brings the watermark to 35 s, which closes [20,30).
        #expect(scenario.query.nextBatchId == 2)
        #expect(scenario.lastProgress?.watermark == sec(16))
        #expect(scenario.query.watermark == sec(35))
    }

    @Test func memorySinkIsIdempotentByBatchId() throws {
        let sink = MemorySink()
        sink.addBatch(0, events(("a", 1)))
        sink.addBatch(1, events(("b", 2), ("c", 3)))
        // A re-run batch 0 after a crash replaces what batch 0 wrote.
        sink.addBatch(0, events(("z", 9)))
        #expect(sink.batches.map(\.batchId) == [0, 1])
        #expect(sink.rowCount == 3)
        #expect(Rows.scalars(sink.batches[0].batch) == [[.string("z"), Rows.seconds(9)]])
        #expect(Rows.scalars(sink.allRows(schema: eventSchema)).map { $0[0] } == [.string("z"), .string("b"), .string("c")])
    }
}
