import Columnar
import JSONIngest
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// `parseJSON` through a streaming query: Spark's `explode(from_json(value, array<struct>))`.
/// A message is an array of records or a single record; a malformed one yields no rows, is
/// quarantined with its position and counted in the batch's progress, and the query goes on.
@Suite struct JSONParseOperatorTests {
    let record = Schema([Field("ID", .string), Field("Top-up Month", .string), Field("ts", .timestamp)])

    func scenario() throws -> (MemorySource, StreamScenario) {
        let source = MemorySource.messages()
        let df = try DataFrame.readStream(source).parseJSON(column: "value", schema: record)
        return (source, try StreamScenario(df))
    }

    @Test func arraysSingleObjectsAndEmptyArrays() throws {
        let (source, scenario) = try scenario()
        source.addMessages([
            #"[{"ID":"1","Top-up Month":"> 48 Months","ts":10},{"ID":"2","ts":11,"extra":true}]"#,
            #"{"ID":"3","Top-up Month":null,"ts":12}"#,
            "[]",
        ])
        // `ts` is epoch seconds; a missing or null key is null; unknown keys are ignored.
        let rows = try #require(try scenario.runBatch())
        #expect(rows == [
            [.string("1"), .string("> 48 Months"), at(10)],
            [.string("2"), .null, at(11)],
            [.string("3"), .null, at(12)],
        ])
        #expect(scenario.lastProgress?.numInputRows == 3)
        #expect(scenario.lastProgress?.numQuarantinedMessages == 0)
    }

    @Test func malformedMessageIsQuarantinedWithItsPositionAndTheQueryGoesOn() throws {
        let (source, scenario) = try scenario()
        source.addMessages([#"[{"ID":"1","ts":1}]"#, #"[{"ID":"2","ts":2},{"ID": oops}]"#, #"{"ID":"3","ts":3}"#])
        let rows = try #require(try scenario.runBatch())
        // The bad message contributes no rows at all, not even its well-formed first record.
        #expect(rows.map { $0[0] } == [.string("1"), .string("3")])
        #expect(scenario.lastProgress?.numQuarantinedMessages == 1)
        let bad = try #require(scenario.query.quarantine.messages.first)
        // MemorySource has no file or Kafka columns: the position is the message's row index.
        #expect(bad.position == .memory(index: 1))
        #expect(bad.messageLength == #"[{"ID":"2","ts":2},{"ID": oops}]"#.utf8.count)
        // The scanner stops at the `o` of `oops`, byte 26 of the message.
        #expect(bad.errorOffset == 26)

        source.addMessages(["not json", #"[{"ID":"4","ts":4}]"#])
        let next = try #require(try scenario.runBatch())
        #expect(next == [[.string("4"), .null, at(4)]])
        #expect(scenario.lastProgress?.numQuarantinedMessages == 1)
        #expect(scenario.query.quarantine.messages.map(\.position) == [.memory(index: 1), .memory(index: 0)])
    }

    @Test func emptyBatchAndNullMessages() throws {
        let (source, scenario) = try scenario()
        source.addData(Rows.batch(source.schema, [[.null], [.string("[]")]]))
        #expect(try scenario.runBatch() == [])
        #expect(scenario.lastProgress?.numQuarantinedMessages == 0)
        #expect(try scenario.runBatch() == nil)
    }

    @Test func parsingANonStringColumnFails() throws {
        let source = MemorySource(schema: Schema([Field("value", .long)]))
        #expect(throws: PlanError.self) { try DataFrame.readStream(source).parseJSON(column: "value", schema: record) }
    }
}
