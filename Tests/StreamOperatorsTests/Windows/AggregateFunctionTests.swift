import Columnar
import StreamOperators
import StreamTesting
import Testing

/// Aggregates with Spark's null rules: every function but `count(*)` ignores nulls; over only
/// nulls `sum`, `min`, `max`, `avg`, `first`, `last` give null and the counts give 0.
@Suite struct AggregateFunctionTests {
    let schema = Schema([
        Field("ID", .string), Field("ts", .timestamp), Field("v", .long), Field("i", .int), Field("d", .double), Field("s", .string),
    ])

    func aggregate(_ aggregations: [Aggregation]) throws -> OperatorDriver {
        OperatorDriver(try WindowAggregateOperator(
            child: FeedOperator(0, schema), window: nil, keys: ["id"], aggregations: aggregations,
            outputMode: .update, resolution: .caseInsensitive))
    }

    /// Group `a` has values and a null in every column; group `b` has only nulls.
    var rows: RecordBatch {
        Rows.batch(schema, [
            [.string("a"), at(1), .long(1), .int(1), .double(1.5), .string("y")],
            [.string("a"), at(2), .long(2), .int(2), .double(2.5), .null],
            [.string("b"), at(3), .null, .null, .null, .null],
            [.string("a"), at(4), .null, .null, .null, .string("x")],
        ])
    }

    @Test func sumCountAndAverage() throws {
        let driver = try aggregate([
            Aggregation(.sum, "v"), Aggregation(.sum, "i"), Aggregation(.sum, "d"), Aggregation(.count, "v"),
            Aggregation(.countAll, "*", as: "rows"), Aggregation(.avg, "v"),
        ])
        // sum of long or int is bigint, of double is double; avg is double.
        #expect(driver.root.outputSchema.fields.map(\.type) == [.string, .long, .long, .double, .long, .long, .double])
        #expect(driver.root.outputSchema.names == ["ID", "sum(v)", "sum(i)", "sum(d)", "count(v)", "rows", "avg(v)"])
        #expect(sorted(try driver.run([0: rows])) == [
            // a: 1+2, 1+2, 1.5+2.5, two non-null v, three rows, (1+2)/2.
            [.string("a"), .long(3), .long(3), .double(4), .long(2), .long(3), .double(1.5)],
            // b: only nulls: null sums, count 0, count(*) 1, null average.
            [.string("b"), .null, .null, .null, .long(0), .long(1), .null],
        ])
    }

    @Test func minMaxFirstLastInArrivalOrder() throws {
        let driver = try aggregate([
            Aggregation(.min, "s"), Aggregation(.max, "s"), Aggregation(.first, "s"), Aggregation(.last, "s"),
            Aggregation(.min, "d"), Aggregation(.max, "ts"),
        ])
        // s arrives as "y", null, "x": min "x", max "y", first non-null "y", last non-null "x".
        #expect(sorted(try driver.run([0: rows])) == [
            [.string("a"), .string("x"), .string("y"), .string("y"), .string("x"), .double(1.5), at(4)],
            [.string("b"), .null, .null, .null, .null, .null, at(3)],
        ])
        // Across batches, first keeps the earliest value and last takes the newest.
        let next = Rows.batch(schema, [[.string("a"), at(0), .null, .null, .double(-1), .string("z")]])
        #expect(try driver.run([0: next]) == [
            [.string("a"), .string("x"), .string("z"), .string("y"), .string("z"), .double(-1), at(4)],
        ])
    }

    @Test func distinctCountsExactAndApproximate() throws {
        let driver = try aggregate([
            Aggregation(.approxCountDistinct(relativeSD: 0.05), "s", as: "s_dist"), Aggregation(.countDistinct, "s", as: "s_exact"),
            Aggregation(.approxCountDistinct(relativeSD: 0.05), "i", as: "i_dist"),
        ])
        let batch = Rows.batch(schema, (0..<6).map { n in
            [.string("a"), at(Int64(n)), .null, n < 5 ? .int(Int32(n % 3)) : .null, .null, .string(["p", "q", "r", "p"][n % 4])]
        })
        // s: p q r p p q -> 3 distinct; i: 0 1 2 0 1 null -> 3 distinct. With 512 registers, HLL++'s
        // linear counting gives 512 * ln(512 / 509) = 3.009 -> 3: small counts are exact.
        #expect(try driver.run([0: batch]) == [[.string("a"), .long(3), .long(3), .long(3)]])
        // A value seen before does not count again in a later batch; a new one does.
        let more = Rows.batch(schema, [[.string("a"), at(9), .null, .int(2), .null, .string("s")], [.string("b"), at(9), .null, .null, .null, .null]])
        #expect(sorted(try driver.run([0: more])) == [
            [.string("a"), .long(4), .long(4), .long(3)],
            [.string("b"), .long(0), .long(0), .long(0)],
        ])
    }

    @Test func sumOfAStringColumnIsRejected() throws {
        #expect(throws: OperatorError.self) { try aggregate([Aggregation(.sum, "s")]) }
    }
}
