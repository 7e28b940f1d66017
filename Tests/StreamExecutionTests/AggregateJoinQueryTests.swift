import Columnar
import Connectors
import Expressions
import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// The seed's shape end to end on memory sources: windowed groups of one stream joined with a
/// second stream on `ID2 = ID AND ts BETWEEN window_start AND window_end`. The planner derives
/// eviction from the aggregate's append-mode bounds, so join state shrinks while matches stay.
@Suite struct AggregateJoinQueryTests {
    @Test func groupsMeetBufferedRecordsAndJoinStateIsEvicted() throws {
        let bureau = MemorySource(schema: eventSchema, name: "bureau")
        let customers = MemorySource(schema: eventSchema, name: "customer")
        let groups = try DataFrame.readStream(bureau).withWatermark("ts", delay: .seconds(5))
            .groupBy(window: DataFrame.window("ts", .seconds(30)), ["ID"], aggregations: [Aggregation(.countAll, "*", as: "n")])
            .select(col("ID"), col("n"), col("window.start").alias("window_start"), col("window.end").alias("window_end"))
        let people = try DataFrame.readStream(customers).withWatermark("ts", delay: .seconds(5)).withColumnRenamed("ID", "ID2")
        let joined = try groups.join(people, on: col("ID2") == col("ID") && col("ts").between(col("window_start"), col("window_end")))
            .drop("ID2")
        let scenario = try StreamScenario(joined)
        let join = try #require(scenario.query.physicalPlan.allOperators.compactMap { $0 as? StreamStreamJoinOperator }.first)
        #expect(join.leftEviction == [EvictionRule(column: "window_end", offset: 0)])
        #expect(join.rightEviction == [EvictionRule(column: "ts", offset: -sec(30))])

        bureau.addData(events(("1", 5), ("1", 10)))
        customers.addData(events(("1", 20)))
        #expect(try scenario.runBatch() == [])
        // Watermarks after batch 0: bureau 5 s, customer 15 s -> 5 s.
        bureau.addData(events(("2", 40)))
        customers.addData(events(("2", 50), ("9", 45)))
        #expect(try scenario.runBatch() == [])
        // After batch 1: bureau 35 s, customer 45 s -> 35 s. The batch without data closes
        // [0,30) for ID 1 (30 <= 35); it meets the customer buffered since batch 0 (ts 20).
        let rows = try #require(try scenario.runBatch())
        #expect(rows == [[.string("1"), .long(2), Rows.seconds(0), Rows.seconds(30), Rows.seconds(20)]])
        let state = try #require(scenario.lastProgress?.stateOperators.first { $0.operatorName == "symmetricHashJoin" })
        // The emitted group ends at 30 s < 35 s and leaves the join state after joining.
        #expect(state.numRowsRemoved == 1)
        // Customers ts 20, 50 and 45 stay: none is below 35 s - 30 s.
        #expect(state.numRowsTotal == 3)
        #expect(try scenario.runBatch() == nil)
    }
}
