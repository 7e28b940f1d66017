import Columnar
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// Spark's window assignment: a row at `t` belongs to every window `[start, start + duration)`
/// with `start = k * slide`; a `t` exactly on a boundary belongs to the window starting there.
@Suite struct TimeWindowTests {
    func starts(_ window: TimeWindow, _ t: Int64) -> [Int64] {
        var result: [Int64] = []
        window.forEachStart(containing: t) { result.append($0) }
        return result
    }

    @Test func tumblingWindowsPutEachTimeInExactlyOneWindow() {
        let tumbling = DataFrame.window("ts", .seconds(10))
        #expect(tumbling.slide == sec(10))
        #expect(starts(tumbling, 0) == [0])
        #expect(starts(tumbling, sec(10) - 1) == [0])
        #expect(starts(tumbling, sec(10)) == [sec(10)])
        #expect(starts(tumbling, sec(25)) == [sec(20)])
        // Before the epoch the window still starts at a multiple of the duration: [-10 s, 0).
        #expect(starts(tumbling, -1) == [-sec(10)])
    }

    @Test func slidingWindowsPutEachTimeInDurationOverSlideWindows() {
        let sliding = DataFrame.window("ts", .seconds(10), slide: .seconds(5))
        // 12 s lies in [10, 20) and [5, 15); 10 s (a boundary) in [10, 20) and [5, 15), not [0, 10).
        #expect(starts(sliding, sec(12)) == [sec(10), sec(5)])
        #expect(starts(sliding, sec(10)) == [sec(10), sec(5)])
        #expect(starts(sliding, sec(4)) == [0, -sec(5)])
        let thirds = DataFrame.window("ts", .seconds(30), slide: .seconds(10))
        #expect(starts(thirds, sec(30)).count == 3)
        #expect(starts(thirds, sec(30)) == [sec(30), sec(20), sec(10)])
    }

    @Test func windowStructCarriesStartAndEndThroughAnAggregate() throws {
        let schema = Schema([Field("ID", .string), Field("ts", .timestamp)])
        let aggregate = try WindowAggregateOperator(
            child: FeedOperator(0, schema), window: DataFrame.window("ts", .seconds(10), slide: .seconds(5)), keys: ["ID"],
            aggregations: [Aggregation(.countAll, "*", as: "n")], outputMode: .update, resolution: .caseInsensitive)
        let rows = try OperatorDriver(aggregate).run([0: Rows.batch(schema, [
            [.string("a"), at(12)], [.string("a"), at(10)], [.string("a"), at(4)], [.string("a"), .null],
        ])])
        // 12 and 10 fall in [5,15) and [10,20); 4 in [-5,5) and [0,10); a null time in no window.
        #expect(sorted(rows) == [
            [window(-5, 5), .string("a"), .long(1)],
            [window(0, 10), .string("a"), .long(1)],
            [window(5, 15), .string("a"), .long(2)],
            [window(10, 20), .string("a"), .long(2)],
        ])
    }
}
