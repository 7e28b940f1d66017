import Columnar
import Connectors
import Expressions
import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// The query's watermark, by Spark's rules: each input's is `max event time - delay` in
/// milliseconds and never decreases; the query's is the minimum over the inputs, where an input
/// that has seen no data yet counts as 0 (`WatermarkTracker` populates 0 for it); a batch runs
/// under the watermark computed after the previous batch.
@Suite struct WatermarkTests {
    /// Two watermarked streams joined on ID: a query with two watermark inputs.
    func twoInputs() throws -> (MemorySource, MemorySource, StreamScenario) {
        let a = MemorySource(schema: eventSchema, name: "a")
        let b = MemorySource(schema: eventSchema, name: "b")
        let left = try DataFrame.readStream(a).withWatermark("ts", delay: .seconds(5))
        let right = try DataFrame.readStream(b).withWatermark("ts", delay: .seconds(5))
            .withColumnRenamed("ID", "ID2").withColumnRenamed("ts", "ts2")
        let joined = try left.join(right, on: col("ID") == col("ID2"))
        return (a, b, try StreamScenario(joined, configuration: .init(readLimit: .maxFiles(1))))
    }

    @Test func watermarkIsMaxEventTimeMinusDelayInMilliseconds() throws {
        let source = MemorySource(schema: eventSchema)
        let scenario = try StreamScenario(try passThrough(source))
        // 10.0015 s: Spark keeps event times in whole milliseconds, so 10.001 s - 5 s.
        source.addData(Rows.batch(eventSchema, [[.string("a"), .timestamp(10_001_500)], [.string("b"), .null]]))
        try scenario.runBatch()
        #expect(scenario.lastProgress?.watermark == 0)
        #expect(scenario.query.watermark == 5_001_000)
        #expect(scenario.lastProgress?.eventTimeMax == 10_001_500)
    }

    @Test func watermarkNeverGoesBackwards() throws {
        let source = MemorySource(schema: eventSchema)
        let scenario = try StreamScenario(try passThrough(source))
        source.addData(events(("a", 30)))
        source.addData(events(("a", 2)))
        source.addData(events(("a", 31)))
        _ = try scenario.runUntilIdle()
        // After 30 s: 25 s. Older events (2 s) leave it at 25 s; 31 s moves it to 26 s.
        #expect(scenario.query.recentProgress.map(\.watermark) == [0, sec(25), sec(25)])
        #expect(scenario.query.watermark == sec(26))
    }

    @Test func globalWatermarkIsTheMinimumOverInputs() throws {
        let (a, b, scenario) = try twoInputs()
        a.addData(events(("x", 30)))
        b.addData(events(("x", 10)))
        try scenario.runBatch()
        // a: 25 s, b: 5 s -> 5 s.
        #expect(scenario.query.watermark == sec(5))
        b.addData(events(("y", 40)))
        try scenario.runBatch()
        // b moves to 35 s; a (no new data) keeps 25 s -> 25 s.
        #expect(scenario.query.watermark == sec(25))
        a.addData(events(("z", 20)))
        try scenario.runBatch()
        #expect(scenario.query.watermark == sec(25))
        #expect(scenario.query.recentProgress.map(\.watermark) == [0, sec(5), sec(25)])
    }

    @Test func anInputWithoutDataYetHoldsTheGlobalWatermarkAtZero() throws {
        let (a, b, scenario) = try twoInputs()
        a.addData(events(("x", 30)))
        try scenario.runBatch()
        // Spark counts b, which has seen nothing, as 0: min(25 s, 0) = 0.
        #expect(scenario.query.watermark == 0)
        b.addData(events(("x", 10)))
        try scenario.runBatch()
        #expect(scenario.query.watermark == sec(5))
    }

    @Test func lateRowsAreJudgedAgainstThePreviousBatchsWatermark() throws {
        let source = MemorySource(schema: eventSchema)
        let scenario = try StreamScenario(try windowedCounts(source))
        source.addData(events(("a", 100)))
        source.addData(events(("b", 5)))
        source.addData(events(("c", 15)))
        #expect(try scenario.runBatch() == [])
        // Batch 1 runs under 95 s; the previous batch's watermark was 0, so [0,10) is not late:
        // its row is aggregated and the window, ending before 95 s, is emitted at once.
        #expect(try scenario.runBatch() == [[.structure([Rows.seconds(0), Rows.seconds(10)]), .string("b"), .long(1)]])
        #expect(scenario.lastProgress?.stateOperators.first?.numRowsDroppedByWatermark == 0)
        // Batch 2: the previous batch ran under 95 s, so [10,20) is late: dropped and counted.
        #expect(try scenario.runBatch() == [])
        #expect(scenario.lastProgress?.stateOperators.first?.numRowsDroppedByWatermark == 1)
        #expect(scenario.lastProgress?.stateOperators.first?.numRowsTotal == 1)
    }
}
