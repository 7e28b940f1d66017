import Columnar
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// Lineage's pieces (issue 16, item 5): parse positions per record, `collect_first(limit)` kept
/// in the window state (snapshot and restore), and `DataFrame.withLineage` over a grouping.
@Suite struct CollectFirstTests {
    let schema = Schema([Field("ID", .string), Field("ts", .timestamp), Field("_source", .string)])

    func rows(_ values: [(String, Int64, String)]) -> RecordBatch {
        RecordBatch(trusted: schema, columns: [
            .strings(values.map(\.0)), .timestamps(values.map { sec($0.1) }), .strings(values.map(\.2)),
        ], rowCount: values.count)
    }

    func aggregate(_ feed: FeedOperator) throws -> WindowAggregateOperator {
        try WindowAggregateOperator(
            child: feed, window: TimeWindow(timeColumn: "ts", duration: sec(30), slide: nil), keys: ["ID"],
            aggregations: [Aggregation(.countAll, "_source", as: "n"), Aggregation(.collectFirst(limit: 2), "_source", as: "first")],
            outputMode: .append, resolution: .caseInsensitive)
    }

    @Test func keepsTheFirstValuesInArrivalOrderAcrossBatchesAndARestore() throws {
        let feed = FeedOperator(0, schema)
        let original = try aggregate(feed)
        let driver = OperatorDriver(original)
        #expect(try driver.run([0: rows([("a", 1, "f:1#1"), ("b", 2, "f:1#2")])]).isEmpty)
        let saved = try original.snapshot()

        // A restored operator continues as the original: "a" gets its second and third rows,
        // keeps the first two positions and counts all three.
        let restored = try aggregate(feed)
        try restored.restore(saved)
        for op in [original, restored] {
            let next = OperatorDriver(op)
            _ = try next.run()
            let out = try next.run([0: rows([("a", 3, "f:2#1"), ("a", 4, "f:2#2")])], watermark: sec(40))
            #expect(sorted(out) == [
                [window(0, 30), .string("a"), .long(3), .array([.string("f:1#1"), .string("f:2#1")])],
                [window(0, 30), .string("b"), .long(1), .array([.string("f:1#2")])],
            ])
        }
    }

    @Test func aLimitBelowOneIsRefused() {
        #expect(throws: OperatorError.self) {
            try WindowAggregateOperator(
                child: FeedOperator(0, schema), window: nil, keys: ["ID"],
                aggregations: [Aggregation(.collectFirst(limit: 0), "_source")], outputMode: .complete, resolution: .caseInsensitive)
        }
    }

    @Test func withLineageTracesParsedRecordsThroughAGrouping() throws {
        let source = MemorySource.messages()
        let record = Schema([Field("ID", .string), Field("ts", .timestamp)])
        let plain = try DataFrame.readStream(source).parseJSON(column: "value", schema: record)
            .select(col("ID"), col("ts")).withWatermark("ts", delay: .seconds(0))
            .groupBy(window: DataFrame.window("ts", .seconds(30)), ["ID"], aggregations: [Aggregation(.countAll, "ID", as: "rows")])
        let traced = try plain.withLineage(limit: 10)
        #expect(traced.schema.names == plain.schema.names + ["_source_count", "_sources"])
        let scenario = try StreamScenario(traced)
        source.addMessages([#"[{"ID":"a","ts":1},{"ID":"b","ts":2},{"ID":"a","ts":3}]"#, #"{"ID":"a","ts":40}"#])
        _ = try scenario.runBatch()
        let rows = try scenario.runUntilIdle()
        #expect(rows.contains([window(0, 30), .string("a"), .long(2), .long(2),
                               .array([.string("memory message 0#1"), .string("memory message 0#3")])]))
        #expect(try DataFrame.readStream(source).parseJSON(column: "value", schema: record).schema.names == ["ID", "ts"],
                "no position column unless asked")
    }
}
