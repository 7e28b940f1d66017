import Columnar
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// `explode`: one row per array element; null and empty arrays produce nothing (Spark's
/// `explode`, unlike `explode_outer`).
@Suite struct ExplodeOperatorTests {
    let schema = Schema([Field("ID", .string), Field("Items", .array(.int))])

    @Test func onePerElementNothingForNullOrEmpty() throws {
        let batch = Rows.batch(schema, [
            [.string("a"), .array([.int(1), .int(2)])],
            [.string("b"), .null],
            [.string("c"), .array([])],
            [.string("d"), .array([.null, .int(4)])],
        ])
        let df = try DataFrame.table(batch).explode("items", as: "item")
        #expect(df.schema.names == ["ID", "item"])
        #expect(df.schema.fields[1].type == .int)
        // A null element is still an element: it gives a row with a null value.
        #expect(Rows.scalars(try df.collect()) == [
            [.string("a"), .int(1)], [.string("a"), .int(2)], [.string("d"), .null], [.string("d"), .int(4)],
        ])
    }

    @Test func emptyBatchAndAllNullArrays() throws {
        let explode = try ExplodeOperator(child: FeedOperator(0, schema), column: "ITEMS", alias: "x", resolution: .caseInsensitive)
        let driver = OperatorDriver(explode)
        #expect(try driver.run([0: .empty(schema)]).isEmpty)
        #expect(try driver.run([0: Rows.batch(schema, [[.string("a"), .null], [.null, .null]])]).isEmpty)
    }

    @Test func explodingANonArrayOrMissingColumnFails() throws {
        #expect(throws: OperatorError.self) {
            try ExplodeOperator(child: FeedOperator(0, schema), column: "ID", alias: "x", resolution: .caseInsensitive)
        }
        #expect(throws: PlanError.self) { try DataFrame.table(.empty(schema)).explode("nope", as: "x") }
    }
}
