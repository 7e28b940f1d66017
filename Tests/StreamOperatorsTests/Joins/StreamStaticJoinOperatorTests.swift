import Columnar
import Expressions
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// A stream joined with a bounded table: every batch is hash-joined with the whole table.
/// Null keys never match (SQL equality), also not a null key in the table.
@Suite struct StreamStaticJoinOperatorTests {
    let table = Rows.batch(Schema([Field("key", .string), Field("State", .string)]), [
        [.string("1"), .string("KA")], [.string("1"), .string("MH")], [.string("2"), .string("TN")], [.null, .string("XX")],
    ])
    let streamSchema = Schema([Field("ID", .string), Field("ts", .timestamp)])

    func run(_ type: JoinType) throws -> [[Scalar]] {
        let source = MemorySource(schema: streamSchema)
        let joined = try DataFrame.readStream(source).join(try DataFrame.table(table), on: col("ID") == col("KEY"), type: type)
        #expect(joined.schema.names == ["ID", "ts", "key", "State"])
        let scenario = try StreamScenario(joined)
        source.addData(Rows.batch(streamSchema, [[.string("1"), at(1)], [.string("2"), at(2)], [.string("3"), at(3)], [.null, at(4)]]))
        let first = try #require(try scenario.runBatch())
        // The table is the same for every batch: a second batch joins against all of it again.
        source.addData(Rows.batch(streamSchema, [[.string("2"), at(5)]]))
        let second = try #require(try scenario.runBatch())
        #expect(second == [[.string("2"), at(5), .string("2"), .string("TN")]])
        return first
    }

    @Test func innerJoinMatchesEveryTableRowOfTheKey() throws {
        #expect(sorted(try run(.inner)) == sorted([
            [.string("1"), at(1), .string("1"), .string("KA")],
            [.string("1"), at(1), .string("1"), .string("MH")],
            [.string("2"), at(2), .string("2"), .string("TN")],
        ]))
    }

    @Test func leftOuterKeepsUnmatchedAndNullKeyedStreamRowsWithNulls() throws {
        #expect(sorted(try run(.leftOuter)) == sorted([
            [.string("1"), at(1), .string("1"), .string("KA")],
            [.string("1"), at(1), .string("1"), .string("MH")],
            [.string("2"), at(2), .string("2"), .string("TN")],
            [.string("3"), at(3), .null, .null],
            [.null, at(4), .null, .null],
        ]))
    }

    @Test func residualConditionsAndUnsupportedShapes() throws {
        let source = MemorySource(schema: streamSchema)
        let stream = try DataFrame.readStream(source)
        let static_ = try DataFrame.table(table)
        let filtered = try stream.join(static_, on: col("ID") == col("key") && col("State") != lit("KA"))
        let scenario = try StreamScenario(filtered)
        source.addData(Rows.batch(streamSchema, [[.string("1"), at(1)]]))
        #expect(try scenario.runBatch() == [[.string("1"), at(1), .string("1"), .string("MH")]])
        #expect(throws: PlanError.self) {
            try stream.join(static_, on: col("ID") == col("key") && col("State") != lit("KA"), type: .leftOuter)
        }
        #expect(throws: PlanError.self) { try static_.join(stream, on: col("ID") == col("key")) }
    }
}
