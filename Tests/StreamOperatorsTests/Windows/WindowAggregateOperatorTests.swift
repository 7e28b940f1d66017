import Columnar
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// Watermark-driven emission, as the fixture README's "How Spark ran it" states it: in batch k a
/// row is late when its window's end <= the watermark in force in batch k-1; after the batch's
/// rows are added, every window whose end <= batch k's watermark is emitted (append) and removed.
/// ``OperatorDriver`` hands the operator exactly those two watermarks.
@Suite struct WindowAggregateOperatorTests {
    let schema = Schema([Field("ID", .string), Field("ts", .timestamp), Field("v", .long)])

    func driver(_ mode: OutputMode) throws -> OperatorDriver {
        OperatorDriver(try WindowAggregateOperator(
            child: FeedOperator(0, schema), window: DataFrame.window("ts", .seconds(10)), keys: ["ID"],
            aggregations: [Aggregation(.countAll, "*", as: "n"), Aggregation(.sum, "v", as: "v_sum")],
            outputMode: mode, resolution: .caseInsensitive))
    }

    func rows(_ rows: (String, Int64, Int64?)...) -> [Int: RecordBatch] {
        [0: Rows.batch(schema, rows.map { [.string($0.0), at($0.1), $0.2.map(Scalar.long) ?? .null] })]
    }

    @Test func appendEmitsAWindowOnceWhenTheWatermarkPassesItsEnd() throws {
        let agg = try driver(.append)
        // Window [0,10) gets rows in batches 0, 1 and 2; no watermark reaches 10 s before batch 3.
        #expect(try agg.run(rows(("a", 1, 1), ("a", 12, 5)), watermark: 0) == [])
        #expect(try agg.run(rows(("a", 3, 2)), watermark: sec(5)) == [])
        // The watermark does not advance (still 5 s): nothing is emitted.
        #expect(try agg.run(rows(("a", 4, nil)), watermark: sec(5)) == [])
        #expect(agg.progress?.numRowsTotal == 2)
        // An empty batch whose watermark reaches 10 s emits [0,10) with every row of batches 0-2.
        #expect(try agg.run([:], watermark: sec(10)) == [[window(0, 10), .string("a"), .long(3), .long(3)]])
        #expect(agg.progress?.numRowsRemoved == 1)
        #expect(agg.progress?.numRowsTotal == 1)
        // Never again: the next batches at the same watermark emit nothing for it.
        #expect(try agg.run([:], watermark: sec(10)) == [])
        #expect(try agg.run(rows(("a", 15, 7)), watermark: sec(19)) == [])
        #expect(try agg.run([:], watermark: sec(20)) == [[window(10, 20), .string("a"), .long(2), .long(12)]])
        #expect(agg.progress?.numRowsTotal == 0)
    }

    @Test func lateRowsAreJudgedAgainstThePreviousBatchsWatermark() throws {
        let agg = try driver(.append)
        _ = try agg.run(rows(("a", 25, 1)), watermark: 0)
        // Batch 1: watermark 30 s in force, 0 in the previous batch. A row of [0,10) is not late
        // (10 > 0); it is aggregated, and [0,10) and [20,30) both close (end <= 30 s).
        let emitted = try agg.run(rows(("b", 5, 2)), watermark: sec(30))
        #expect(sorted(emitted) == [[window(0, 10), .string("b"), .long(1), .long(2)], [window(20, 30), .string("a"), .long(1), .long(1)]])
        #expect(agg.progress?.numRowsDroppedByWatermark == 0)
        // Batch 2: the previous watermark is now 30 s, so rows of [10,20) and [20,30) are late.
        #expect(try agg.run(rows(("b", 15, 3), ("a", 29, 4), ("a", 30, 5)), watermark: sec(30)) == [])
        #expect(agg.progress?.numRowsDroppedByWatermark == 2)
        #expect(agg.progress?.numRowsTotal == 1)
        #expect(try agg.run([:], watermark: sec(40)) == [[window(30, 40), .string("a"), .long(1), .long(5)]])
    }

    @Test func emptyBatchesAndNullColumns() throws {
        let agg = try driver(.append)
        #expect(try agg.run([0: .empty(schema)], watermark: 0) == [])
        #expect(agg.progress?.numRowsUpdated == 0)
        #expect(agg.progress?.numRowsTotal == 0)
        // Null event times belong to no window: neither aggregated nor counted as late.
        let nullTimes = Rows.batch(schema, [[.string("a"), .null, .long(1)], [.null, .null, .null]])
        #expect(try agg.run([0: nullTimes], watermark: 0) == [])
        #expect(agg.progress?.numRowsTotal == 0)
        #expect(agg.progress?.numRowsDroppedByWatermark == 0)
        // All-null values and a null key: a null key is a group of its own; sum over nulls is null.
        let nullValues = Rows.batch(schema, [[.null, at(1), .null], [.null, at(2), .null], [.string("a"), at(3), .null]])
        _ = try agg.run([0: nullValues], watermark: 0)
        #expect(sorted(try agg.run([:], watermark: sec(10))) == [
            [window(0, 10), .string("a"), .long(1), .null], [window(0, 10), .null, .long(2), .null],
        ])
    }

    @Test func updateModeEmitsChangedGroupsEachBatch() throws {
        let agg = try driver(.update)
        #expect(sorted(try agg.run(rows(("a", 1, 1), ("b", 2, 2)), watermark: 0)) == [
            [window(0, 10), .string("a"), .long(1), .long(1)], [window(0, 10), .string("b"), .long(1), .long(2)],
        ])
        // Only the group that changed, with its running value.
        #expect(try agg.run(rows(("a", 3, 3)), watermark: 0) == [[window(0, 10), .string("a"), .long(2), .long(4)]])
        #expect(try agg.run([:], watermark: 0) == [])
        // The watermark closes [0,10): its groups leave state silently (update mode emitted them already).
        #expect(try agg.run([:], watermark: sec(10)) == [])
        #expect(agg.progress?.numRowsRemoved == 2)
        #expect(agg.progress?.numRowsTotal == 0)
        #expect(try agg.run(rows(("a", 5, 9)), watermark: sec(10)) == [])
        #expect(agg.progress?.numRowsDroppedByWatermark == 1)
    }

    @Test func completeModeEmitsEveryGroupEveryBatchAndKeepsAllState() throws {
        let agg = try driver(.complete)
        #expect(try agg.run(rows(("a", 1, 1)), watermark: 0) == [[window(0, 10), .string("a"), .long(1), .long(1)]])
        #expect(sorted(try agg.run(rows(("b", 12, 2)), watermark: 0)) == [
            [window(0, 10), .string("a"), .long(1), .long(1)], [window(10, 20), .string("b"), .long(1), .long(2)],
        ])
        // A watermark far past both windows removes nothing: complete mode keeps every group.
        #expect(try agg.run([:], watermark: sec(100)).count == 2)
        #expect(agg.progress?.numRowsRemoved == 0)
        #expect(agg.progress?.numRowsTotal == 2)
        // Spark's complete mode does not filter late rows either (StateStoreSaveExec puts every
        // input row in Complete mode): a row for [0,10) still updates its group.
        #expect(sorted(try agg.run(rows(("a", 4, 10)), watermark: sec(100))) == [
            [window(0, 10), .string("a"), .long(2), .long(11)], [window(10, 20), .string("b"), .long(1), .long(2)],
        ])
        #expect(agg.progress?.numRowsDroppedByWatermark == 0)
    }

    @Test func appendModeWithoutAWindowIsRejected() throws {
        #expect(throws: OperatorError.self) {
            try WindowAggregateOperator(child: FeedOperator(0, schema), window: nil, keys: ["ID"], aggregations: [],
                                        outputMode: .append, resolution: .caseInsensitive)
        }
    }

    @Test func appendWindowsPromiseBoundsForJoins() throws {
        let agg = try driver(.append)
        // Windows emitted later end after the watermark; their start is at most one duration earlier.
        #expect(agg.root.eventTimeBounds.offset(of: "window.end") == 0)
        #expect(agg.root.eventTimeBounds.offset(of: "window.start") == -sec(10))
        #expect(try driver(.update).root.eventTimeBounds.isEmpty)
    }
}
