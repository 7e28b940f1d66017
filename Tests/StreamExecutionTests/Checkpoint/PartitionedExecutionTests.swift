import Checkpointing
import Columnar
import Connectors
import Expressions
import Foundation
@_spi(Testing) import StreamExecution
import StreamOperators
import StreamPlan
import StreamTesting
import Testing

/// One query on several partitions (Spark's `spark.sql.shuffle.partitions`): the same output,
/// watermarks and state totals as on one, whatever the count; the count recorded in the
/// checkpoint, a restart with another refused, and checkpoints from before partitions resumed.
@Suite struct PartitionedExecutionTests {
    let directory = NSTemporaryDirectory() + "s360-partitions-" + UUID().uuidString

    /// The seed's shape: 30 s windows of one stream per ID joined with a second stream on
    /// `ID2 = ID AND ts BETWEEN window_start AND window_end`, over 40 IDs with late rows on both sides.
    static func plan(_ bureau: MemorySource, _ customers: MemorySource) throws -> DataFrame {
        let groups = try DataFrame.readStream(bureau).withWatermark("ts", delay: .seconds(5))
            .groupBy(window: DataFrame.window("ts", .seconds(30)), ["ID"], aggregations: [Aggregation(.countAll, "*", as: "n")])
            .select(col("ID"), col("n"), col("window.start").alias("window_start"), col("window.end").alias("window_end"))
        let people = try DataFrame.readStream(customers).withWatermark("ts", delay: .seconds(5)).withColumnRenamed("ID", "ID2")
        return try groups.join(people, on: col("ID2") == col("ID") && col("ts").between(col("window_start"), col("window_end")))
    }

    static func feed() -> (MemorySource, MemorySource) {
        let bureau = MemorySource(schema: eventSchema, name: "bureau")
        let customers = MemorySource(schema: eventSchema, name: "customer")
        var generator = SplitMix(seed: 11)
        for batch in 0..<8 {
            let base = Int64(batch) * 20
            // Mostly on time; every batch after the first has rows 40 s behind, which are late.
            bureau.addData(Rows.batch(eventSchema, (0..<60).map { i in
                let late = batch > 0 && i % 9 == 0
                return [.string(String(generator.next() % 40)), Rows.seconds(base + Int64(generator.next() % 20) - (late ? 40 : 0))]
            }))
            customers.addData(Rows.batch(eventSchema, (0..<25).map { i in
                let late = batch > 0 && i % 7 == 0
                return [.string(String(generator.next() % 40)), Rows.seconds(base + Int64(generator.next() % 20) - (late ? 40 : 0))]
            }))
        }
        return (bureau, customers)
    }

    struct Run: Equatable {
        var rows: [String]
        var watermarks: [Int64]
        var stateRows: [[Int]]
        var dropped: [Int]
    }

    static func run(partitions: Int, checkpoint: String? = nil) async throws -> Run {
        let (bureau, customers) = feed()
        let sink = RecordingSink()
        let query = try StreamingQuery(try plan(bureau, customers), sink: sink, configuration: StreamingQueryConfiguration(
            name: "joined", readLimit: .maxFiles(1), checkpointLocation: checkpoint, partitions: partitions))
        try await query.run()
        return Run(rows: multiset(sink.committedRows), watermarks: query.recentProgress.map(\.watermark),
                   stateRows: query.recentProgress.map { $0.stateOperators.map(\.numRowsTotal) },
                   dropped: query.recentProgress.map { $0.stateOperators.reduce(0) { $0 + $1.numRowsDroppedByWatermark } })
    }

    @Test(arguments: [2, 3, 8]) func anyPartitionCountGivesTheSingleRunsOutput(partitions: Int) async throws {
        let single = try await Self.run(partitions: 1)
        #expect(single.rows.count > 20, "the feed must produce joined rows")
        #expect(single.dropped.reduce(0, +) > 0, "the feed must have late rows")
        let partitioned = try await Self.run(partitions: partitions)
        #expect(partitioned == single)
    }

    @Test func progressCountsEveryPartitionsState() async throws {
        let (bureau, customers) = Self.feed()
        let query = try StreamingQuery(try Self.plan(bureau, customers), sink: RecordingSink(),
                                       configuration: StreamingQueryConfiguration(readLimit: .maxFiles(1), partitions: 3))
        _ = try query.runBatch(limit: .maxFiles(1))
        let states = try #require(query.recentProgress.last?.stateOperators)
        #expect(states.map(\.operatorName).sorted() == ["stateStoreSave", "symmetricHashJoin"].sorted())
        #expect(states.allSatisfy { $0.numShufflePartitions == 3 })
        #expect(query.partitionedPlan.count == 3)
        #expect(query.partitionedPlan.root.allOperators.filter { $0 is ShuffleExchangeOperator }.count == 3)
    }

    @Test func aRestartWithAnotherPartitionCountIsRefusedWithWhatToDo() async throws {
        let (bureau, customers) = Self.feed()
        let first = try StreamingQuery(try Self.plan(bureau, customers), sink: RecordingSink(), configuration: StreamingQueryConfiguration(
            readLimit: .maxFiles(1), checkpointLocation: directory, partitions: 2))
        _ = try first.runBatch(limit: .maxFiles(1))
        let error = #expect(throws: QueryError.self) {
            try StreamingQuery(try Self.plan(bureau, customers), sink: RecordingSink(), configuration: StreamingQueryConfiguration(
                readLimit: .maxFiles(1), checkpointLocation: directory, partitions: 4))
        }
        #expect(error?.domain == .user)
        let message = error?.description ?? ""
        #expect(message.contains("2 partitions") && message.contains("asks for 4") && message.contains("--partitions 2"), "\(message)")
    }

    @Test func aCheckpointWrittenBeforePartitionsResumesOnOnePartition() async throws {
        let expected = try await Self.run(partitions: 1)
        // Run three batches with one partition, then turn the checkpoint into the old layout:
        // no partition count in the offsets, state/k/N.snapshot instead of state/k/0/N.snapshot.
        let (bureau, customers) = Self.feed()
        let sink = RecordingSink()
        let first = try StreamingQuery(try Self.plan(bureau, customers), sink: sink, configuration: StreamingQueryConfiguration(
            readLimit: .maxFiles(1), checkpointLocation: directory, partitions: 1))
        for _ in 0..<3 { _ = try first.runBatch(limit: .maxFiles(1)) }
        let files = FileManager.default
        for name in try files.contentsOfDirectory(atPath: directory + "/offsets") where !name.hasPrefix(".") {
            let path = "\(directory)/offsets/\(name)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("\"spark.sql.shuffle.partitions\":\"1\""))
            try text.replacingOccurrences(of: ",\"spark.sql.shuffle.partitions\":\"1\"", with: "")
                .replacingOccurrences(of: "\"spark.sql.shuffle.partitions\":\"1\",", with: "")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        for op in try files.contentsOfDirectory(atPath: directory + "/state") where op != "query" {
            for snapshot in try files.contentsOfDirectory(atPath: "\(directory)/state/\(op)/0") {
                try files.moveItem(atPath: "\(directory)/state/\(op)/0/\(snapshot)", toPath: "\(directory)/state/\(op)/\(snapshot)")
            }
            try files.removeItem(atPath: "\(directory)/state/\(op)/0")
        }
        #expect(throws: QueryError.self) {
            try StreamingQuery(try Self.plan(bureau, customers), sink: sink, configuration: StreamingQueryConfiguration(
                readLimit: .maxFiles(1), checkpointLocation: directory, partitions: 2))
        }
        let second = try StreamingQuery(try Self.plan(bureau, customers), sink: sink, configuration: StreamingQueryConfiguration(
            readLimit: .maxFiles(1), checkpointLocation: directory, partitions: 1))
        #expect(second.nextBatchId == 3)
        try await second.run()
        #expect(multiset(sink.committedRows) == expected.rows)
        // The resumed query keeps the old layout.
        #expect(files.fileExists(atPath: "\(directory)/state/0/\(second.nextBatchId - 1).snapshot"))
    }
}

/// A small deterministic generator for test feeds.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1330_11EB
        return z ^ (z >> 31)
    }
}
