import Columnar
import StreamOperators
import StreamTesting
import Testing

/// `withWatermark` drops nothing itself; it observes each batch's event-time range for the runner
/// and promises downstream that on-time rows have `ts >= watermark`.
@Suite struct WatermarkOperatorTests {
    let schema = Schema([Field("ID", .string), Field("TS", .timestamp)])

    @Test func observesEachBatchsEventTimeRangeIgnoringNulls() throws {
        let watermark = try WatermarkOperator(child: FeedOperator(0, schema), column: "ts", delay: sec(5), resolution: .caseInsensitive)
        #expect(watermark.eventTimeBounds.offset(of: "TS") == 0)
        #expect(watermark.eventTimeBounds.eventTimeColumn == "TS")
        let driver = OperatorDriver(watermark)
        let rows = try driver.run([0: Rows.batch(schema, [[.string("a"), at(7)], [.string("b"), .null], [.string("c"), at(3)]])])
        #expect(rows.count == 3)
        #expect(watermark.maxEventTime == sec(7))
        #expect(watermark.minEventTime == sec(3))
        // A batch with no event times reports none (the runner then leaves this input's watermark alone).
        _ = try driver.run([0: Rows.batch(schema, [[.string("d"), .null]])])
        #expect(watermark.maxEventTime == nil)
        _ = try driver.run()
        #expect(watermark.minEventTime == nil)
    }

    @Test func aNonTimestampColumnIsRejected() throws {
        #expect(throws: OperatorError.self) {
            try WatermarkOperator(child: FeedOperator(0, schema), column: "ID", delay: sec(5), resolution: .caseInsensitive)
        }
    }
}
