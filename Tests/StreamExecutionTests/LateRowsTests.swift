import Checkpointing
import Columnar
import Connectors
import Foundation
import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// Issue 16, items 1 and 2: rows dropped by the watermark go to a side output with the reason and
/// the watermark that decided, and an opt-in guard keeps a far-future event time from poisoning
/// the watermark. With both off, the query behaves exactly as before (Spark's behaviour).
@Suite struct LateRowsTests {
    let directory = NSTemporaryDirectory() + "s360-late-" + UUID().uuidString

    /// On-time batches, then a row for the window [0, 10), closed since the watermark reached 19 s
    /// (rows are judged by the previous batch's watermark, as in Spark 3.4+).
    static func source() -> MemorySource {
        let source = MemorySource(schema: eventSchema, name: "events")
        source.addData(events(("a", 1), ("b", 2)))
        source.addData(events(("a", 22), ("c", 24)))
        source.addData(events(("a", 26)))
        source.addData(events(("late", 3), ("a", 27)))
        return source
    }

    func run(_ frame: DataFrame, _ configuration: StreamingQueryConfiguration) async throws -> (rows: [String], query: StreamingQuery) {
        let sink = RecordingSink()
        let query = try StreamingQuery(frame, sink: sink, configuration: configuration)
        try await query.run()
        return (multiset(sink.committedRows), query)
    }

    /// The side output's lines for batch `batchId`, as JSON objects.
    func lines(_ batchId: Int64) throws -> [[String: JSONValue]] {
        let text = try String(contentsOfFile: "\(directory)/batch-\(batchId).jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard case .object(let fields) = JSONValue.parse(line) else { throw TestFailure("not a JSON object: \(line)") }
            return Dictionary(uniqueKeysWithValues: fields)
        }
    }

    @Test(arguments: [1, 2]) func rowsDroppedByTheWindowAggregateAreWrittenWithTheirReason(partitions: Int) async throws {
        let plain = try await run(try windowedCounts(Self.source()), .init(readLimit: .maxFiles(1), partitions: partitions))
        let withSide = try await run(try windowedCounts(Self.source()),
                                     .init(readLimit: .maxFiles(1), partitions: partitions, lateRowsDirectory: directory))
        // The side output changes nothing in the results.
        #expect(withSide.rows == plain.rows)
        let dropped = withSide.query.recentProgress.map { $0.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark } }
        #expect(dropped.reduce(0, +) == 1 && dropped[3] == 1)
        #expect(withSide.query.recentProgress.map(\.numLateRowsWritten) == dropped)
        let written = try lines(3)
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line["operator"] == .string("stateStoreSave"))
        #expect(line["watermark"] == .string("1970-01-01T00:00:19Z"))
        #expect(line["reason"] == .string("its window [1970-01-01T00:00:00Z, 1970-01-01T00:00:10Z) ended at or before the watermark"))
        #expect(line["row"] == .object([("ID", .string("late")), ("ts", .string("1970-01-01T00:00:03Z"))]))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/batch-2.jsonl"))
    }

    @Test func rowsDroppedByAStreamStreamJoinAreWrittenToo() async throws {
        let (bureau, customers) = PartitionedExecutionTests.feed()
        let query = try StreamingQuery(try PartitionedExecutionTests.plan(bureau, customers), sink: RecordingSink(),
                                       configuration: .init(readLimit: .maxFiles(1), partitions: 2, lateRowsDirectory: directory))
        try await query.run()
        let dropped = query.recentProgress.map { $0.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark } }
        #expect(query.recentProgress.map(\.numLateRowsWritten) == dropped)
        let joinDrops = query.recentProgress.map { $0.stateOperators.first { $0.operatorName == "symmetricHashJoin" }?.numRowsDroppedByWatermark ?? 0 }
        let batch = try #require(joinDrops.firstIndex { $0 > 0 }, "the feed must have late customers")
        let joinLines = try lines(Int64(batch)).filter { $0["operator"] == .string("symmetricHashJoin") }
        #expect(joinLines.count == joinDrops[batch])
        for line in joinLines {
            guard case .string(let reason) = line["reason"] else { Issue.record("no reason"); continue }
            #expect(reason.hasPrefix("the right side's event time ts = ") && reason.hasSuffix("is at or before the watermark"))
        }
    }

    @Test func aFarFutureEventTimeDoesNotPoisonTheWatermarkWithTheGuard() async throws {
        let poison: Int64 = 9_467_280_000
        func source(poisoned: Bool) -> MemorySource {
            let source = MemorySource(schema: eventSchema, name: "events")
            source.addData(events(("a", 1), ("b", 2)))
            // A ts in 2270, as a fuzz run found: without the guard every later row is late.
            source.addData(poisoned ? events(("poison", poison), ("a", 12)) : events(("a", 12)))
            source.addData(events(("a", 21), ("c", 24)))
            source.addData(events(("d", 31), ("e", 33)))
            return source
        }
        let unguarded = try await run(try windowedCounts(source(poisoned: true)), .init(readLimit: .maxFiles(1)))
        #expect(unguarded.query.recentProgress.map { $0.stateOperators[0].numRowsDroppedByWatermark }.reduce(0, +) == 2)

        let clean = try await run(try windowedCounts(source(poisoned: false)), .init(readLimit: .maxFiles(1)))
        let guarded = try await run(try windowedCounts(source(poisoned: true)), .init(
            readLimit: .maxFiles(1), partitions: 2, lateRowsDirectory: directory, maxEventTimeSkew: .seconds(3600)))
        #expect(guarded.query.recentProgress.map(\.numSuspectEventTimeRows).reduce(0, +) == 1)
        #expect(guarded.query.recentProgress[1].numSuspectEventTimeRows == 1)
        // With the poisoned row set aside, the query is the run without it: same rows, same watermark.
        #expect(guarded.rows == clean.rows)
        #expect(guarded.query.watermark == clean.query.watermark)
        #expect(guarded.query.watermark == sec(28))
        let line = try #require(try lines(1).first)
        #expect(line["operator"] == .string("eventTimeWatermark"))
        #expect(line["row"] == .object([("ID", .string("poison")), ("ts", .string(TimestampFormat.iso8601(micros: sec(poison))))]))
        let reason = try #require(line["reason"].flatMap { if case .string(let s) = $0 { s } else { nil } })
        #expect(reason.contains("after its arrival plus the allowed skew"))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
