import Columnar
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// `filter` keeps the rows whose predicate is true; null counts as false (SQL's WHERE).
@Suite struct FilterOperatorTests {
    let schema = Schema([Field("Top-up Month", .string), Field("n", .int)])

    @Test func nullPredicateDropsTheRow() throws {
        let batch = Rows.batch(schema, [
            [.string("a"), .int(5)], [.string("b"), .null], [.null, .int(1)], [.string("d"), .int(3)],
        ])
        let filter = try FilterOperator(child: FeedOperator(0, schema), predicate: col("N") > lit(Int32(2)),
                                        evaluator: ExpressionEvaluator())
        // 5 > 2 true; null > 2 null (dropped); 1 > 2 false; 3 > 2 true.
        #expect(try OperatorDriver(filter).run([0: batch]) == [[.string("a"), .int(5)], [.string("d"), .int(3)]])
    }

    @Test func threeValuedLogicAndNamesWithSpaces() throws {
        let batch = Rows.batch(schema, [[.string("x"), .null], [.null, .null], [.string("x"), .int(0)]])
        let df = try DataFrame.table(batch).filter(col("top-up month") == lit("x") || col("n").isNotNull())
        // Row 1: true OR false = true; row 2: null OR false = null (dropped); row 3: true.
        #expect(Rows.scalars(try df.collect()) == [[.string("x"), .null], [.string("x"), .int(0)]])
    }

    @Test func emptyBatchAndAllNullColumnGiveNoRows() throws {
        let filter = try FilterOperator(child: FeedOperator(0, schema), predicate: col("n") >= lit(Int32(0)),
                                        evaluator: ExpressionEvaluator())
        let driver = OperatorDriver(filter)
        #expect(try driver.run([0: .empty(schema)]).isEmpty)
        #expect(try driver.run([0: Rows.batch(schema, [[.string("a"), .null], [.string("b"), .null]])]).isEmpty)
    }

    @Test func nonBooleanPredicateIsRejected() throws {
        #expect(throws: OperatorError.self) {
            try FilterOperator(child: FeedOperator(0, schema), predicate: col("n"), evaluator: ExpressionEvaluator())
        }
    }
}
