import Columnar
import Connectors
import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// Output modes chosen by the query, as in Spark: an aggregation without an event-time window
/// runs in update or complete mode; append mode refuses it when the query starts.
@Suite struct OutputModeTests {
    func countsPerID(_ source: MemorySource) throws -> DataFrame {
        try DataFrame.readStream(source).groupBy(window: nil, ["ID"], aggregations: [Aggregation(.countAll, "*", as: "n")])
    }

    func scenario(_ mode: OutputMode) throws -> (MemorySource, StreamScenario) {
        let source = MemorySource(schema: eventSchema)
        return (source, try StreamScenario(try countsPerID(source), configuration: .init(outputMode: mode, readLimit: .maxFiles(1))))
    }

    @Test func updateModeEmitsTheGroupsEachBatchChanged() throws {
        let (source, scenario) = try scenario(.update)
        source.addData(events(("a", 1), ("b", 2), ("a", 3)))
        source.addData(events(("a", 4)))
        let first = try #require(try scenario.runBatch())
        #expect(Set(first) == [[.string("a"), .long(2)], [.string("b"), .long(1)]])
        #expect(try scenario.runBatch() == [[.string("a"), .long(3)]])
        // No watermark, so no batch without data.
        #expect(try scenario.runBatch() == nil)
    }

    @Test func completeModeEmitsEveryGroupEveryBatch() throws {
        let (source, scenario) = try scenario(.complete)
        source.addData(events(("a", 1), ("b", 2)))
        source.addData(events(("a", 4)))
        #expect(Set(try #require(try scenario.runBatch())) == [[.string("a"), .long(1)], [.string("b"), .long(1)]])
        #expect(Set(try #require(try scenario.runBatch())) == [[.string("a"), .long(2)], [.string("b"), .long(1)]])
    }

    @Test func appendModeRejectsAnAggregationWithoutAWindowAtStart() throws {
        let source = MemorySource(schema: eventSchema)
        // Building the DataFrame succeeds; starting it in append mode fails with a PlanError.
        let df = try countsPerID(source)
        #expect(df.schema.names == ["ID", "n"])
        #expect(throws: PlanError.self) {
            try StreamingQuery(df, sink: MemorySink(), configuration: .init(outputMode: .append))
        }
    }
}
