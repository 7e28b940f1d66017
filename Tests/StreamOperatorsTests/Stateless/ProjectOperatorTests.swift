import Columnar
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// `select`, `withColumn`, `withColumnRenamed` and `drop`, which all plan to a ``ProjectOperator``.
/// Names resolve case-insensitively (Spark's default) and may hold spaces, slashes and dashes.
@Suite struct ProjectOperatorTests {
    let people = Rows.batch(
        Schema([Field("ID", .string), Field("AGE", .string), Field("DISBURSED-AMT/HIGH CREDIT", .string), Field("ts", .timestamp)]),
        [
            [.string("1"), .string(" 41"), .string("1,20,000"), at(10)],
            [.string("2"), .null, .string("7"), at(20)],
        ])

    @Test func selectEvaluatesExpressionsAndKeepsTheSchemaSpelling() throws {
        let out = try DataFrame.table(people)
            .select(col("id"), col("age").cast(.int).alias("Age"), keepDigits(col("disbursed-amt/high credit")).cast(.int).alias("amt"))
        // `col("id")` over a column `ID` keeps the schema's spelling, as Spark does; an alias renames.
        #expect(out.schema.names == ["ID", "Age", "amt"])
        #expect(out.schema.fields.map(\.type) == [.string, .int, .int])
        // Spark's cast of " 41" to int trims spaces; digits of "1,20,000" are 120000.
        #expect(Rows.scalars(try out.collect()) == [
            [.string("1"), .int(41), .int(120_000)],
            [.string("2"), .null, .int(7)],
        ])
    }

    @Test func withColumnReplacesInPlaceOrAppends() throws {
        let replaced = try DataFrame.table(people).withColumn("age", col("AGE").cast(.int))
        // Replacing keeps the position and the existing name; a new name is appended last.
        #expect(replaced.schema.names == ["ID", "AGE", "DISBURSED-AMT/HIGH CREDIT", "ts"])
        #expect(try replaced.collect().columns[1].scalars == [.int(41), .null])
        let added = try DataFrame.table(people).withColumn("Top-up Month", lit("No Top-up Service"))
        #expect(added.schema.names.last == "Top-up Month")
        #expect(try added.collect().column("top-up month").scalars == [.string("No Top-up Service"), .string("No Top-up Service")])
    }

    @Test func withColumnRenamedAndDropResolveCaseInsensitively() throws {
        let renamed = try DataFrame.table(people).withColumnRenamed("id", "ID2")
        #expect(renamed.schema.names == ["ID2", "AGE", "DISBURSED-AMT/HIGH CREDIT", "ts"])
        #expect(try renamed.collect().column("ID2").scalars == [.string("1"), .string("2")])
        // Spark ignores a missing column in withColumnRenamed and drop.
        #expect(try DataFrame.table(people).withColumnRenamed("nope", "x").schema == people.schema)
        let dropped = try DataFrame.table(people).drop("age", "Disbursed-Amt/High Credit", "missing")
        #expect(dropped.schema.names == ["ID", "ts"])
        #expect(Rows.scalars(try dropped.collect()) == [[.string("1"), at(10)], [.string("2"), at(20)]])
    }

    @Test func caseSensitiveResolutionRejectsOtherSpellings() throws {
        let strict = try DataFrame.table(people, resolution: .caseSensitive)
        #expect(throws: PlanError.self) { try strict.select(col("age")) }
        #expect(try strict.select(col("AGE")).schema.names == ["AGE"])
    }

    @Test func unknownColumnIsAPlanErrorListingTheAvailableColumns() throws {
        let error = #expect(throws: PlanError.self) { try DataFrame.table(people).select(col("Sex")) }
        #expect(Self.resolutionError(error) == .unknownColumn("Sex", available: ["ID", "AGE", "DISBURSED-AMT/HIGH CREDIT", "ts"]))
        #expect("\(error.map { "\($0)" } ?? "")".contains("'DISBURSED-AMT/HIGH CREDIT'"))
        #expect(throws: PlanError.self) { try DataFrame.table(people).filter(col("missing") > lit(Int32(1))) }
    }

    static func resolutionError(_ error: PlanError?) -> ColumnarError? {
        switch error {
        case .operatorSetup(.expression(.resolution(let columnar, _), _)): columnar
        default: nil
        }
    }

    @Test func renamingAnEventTimeColumnKeepsItsWatermarkBound() throws {
        let feed = FeedOperator(0, people.schema, bounds: EventTimeBounds(["ts": 0]))
        let project = try ProjectOperator(
            child: feed, expressions: [col("ID"), col("TS").alias("event_time"), (col("AGE").cast(.int) + lit(Int32(1))).alias("ts")],
            evaluator: ExpressionEvaluator())
        // A pass-through column keeps its promise under its new name; a computed one makes none.
        #expect(project.eventTimeBounds.offset(of: "event_time") == 0)
        #expect(project.eventTimeBounds.offset(of: "ts") == nil)
        let rows = try OperatorDriver(project).run([0: people])
        #expect(rows.map { $0[1] } == [at(10), at(20)])
    }

    @Test func theEventTimeMarkFollowsARenameButNotADerivedColumn() throws {
        let feed = FeedOperator(0, people.schema, bounds: EventTimeBounds(["ts": 0], eventTimeColumn: "ts"))
        let renamed = try ProjectOperator(child: feed, expressions: [col("ID"), col("TS").alias("event_time")], evaluator: ExpressionEvaluator())
        #expect(renamed.eventTimeBounds.eventTimeColumn == "event_time")
        // Spark's metadata does not survive an expression over the column, and nothing marks a dropped one.
        let derived = try ProjectOperator(child: feed, expressions: [col("ID"), (col("AGE").cast(.int) + lit(Int32(1))).alias("ts")],
                                          evaluator: ExpressionEvaluator())
        #expect(derived.eventTimeBounds.eventTimeColumn == nil)
    }
}
