import Columnar
import Connectors
import Expressions
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

    /// Spark's UnsupportedOperationChecker: shapes that could never write their output, or never
    /// clean their state, are refused at start with the reason and what to change.
    @Test func unsupportedStreamingShapesAreRefusedWithTheReason() throws {
        let source = MemorySource(schema: eventSchema)
        let unwatermarked = try DataFrame.readStream(source)
            .groupBy(window: DataFrame.window("ts", .seconds(10)), ["ID"], aggregations: [Aggregation(.countAll, "*", as: "n")])
        func refusal(_ frame: DataFrame, _ mode: OutputMode) -> String {
            let error = #expect(throws: PlanError.self) {
                try StreamingQuery(frame, sink: MemorySink(), configuration: .init(outputMode: mode))
            }
            return error?.description ?? ""
        }
        #expect(refusal(unwatermarked, .append).contains("needs a watermark on the window's column 'ts'"))
        // The same aggregation runs in update mode, where rows are emitted as they change.
        _ = try StreamingQuery(unwatermarked, sink: MemorySink(), configuration: .init(outputMode: .update))

        let other = MemorySource(schema: eventSchema)
        let joined = try DataFrame.readStream(source).withWatermark("ts", delay: .seconds(5))
            .join(try DataFrame.readStream(other).withWatermark("ts", delay: .seconds(5)).withColumnRenamed("ID", "ID2")
                    .withColumnRenamed("ts", "ts2"),
                  on: col("ID") == col("ID2"))
        #expect(refusal(joined, .update).contains("not supported in update mode"))
        #expect(refusal(try passThrough(source), .complete).contains("complete mode"))
    }
}
