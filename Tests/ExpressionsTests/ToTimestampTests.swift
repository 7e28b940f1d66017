import Columnar
import Expressions
import Testing

@Suite struct ToTimestampTests {
    @Test func fixedPatternsParseStrictlyInUTC() throws {
        let input = try RecordBatch(
            schema: Schema([Field("s", .string)]),
            columns: [.strings(["2024-01-01 08:00:03", "2024-1-01 08:00:03", "2024-02-30 00:00:00", "2024-01-01 08:00", nil])],
            rowCount: 5)
        let column = try ExpressionEvaluator().evaluate(toTimestamp(col("s"), "yyyy-MM-dd HH:mm:ss"), on: input)
        let jan1 = TimestampFormat.daysFromCivil(year: 2024, month: 1, day: 1) * TimestampFormat.microsPerDay
        #expect(column.scalars == [.timestamp(jan1 + (8 * 3600 + 3) * 1_000_000), .null, .null, .null, .null])
    }

    @Test func unsupportedPatternLettersAreErrors() throws {
        let input = try RecordBatch(schema: Schema([Field("s", .string)]), columns: [.strings(["x"])], rowCount: 1)
        #expect(throws: ExpressionError.self) { try ExpressionEvaluator().evaluate(toTimestamp(col("s"), "yyyy-QQ"), on: input) }
    }
}
