import Columnar
import Connectors
import Customer360
import Foundation
import KafkaClient
import KafkaConnector
import StreamExecution
import StreamPlan
import Testing

/// The top-up pipeline fed from Kafka topics (published by `s360 produce`'s code from the fixture's
/// input files) against what Spark produced from the same files.
///
/// Batching is the one thing Kafka changes: Spark read file k in batch k, and the stateful stages
/// (watermark, late rows, emitted windows) depend on it. Two runs show both sides:
/// 1. replaying the offsets recorded after each file was published (as a checkpoint's offset log
///    would hold them) gives batch k = file k again, and every stage matches Spark exactly;
/// 2. the command line's way (`kafka://` locations, `--max-messages-per-trigger`) batches by
///    message counts, so only the stateless stages are compared exactly.
@Suite(.serialized) struct KafkaTopUpPipelineTests {
    typealias Support = KafkaConnectorTestSupport
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures/topup-small")
    static let compareDumps = fixture.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("tools/compare_dumps.py")

    /// Publishes the fixture and returns, per topic, the end offsets after each of its files.
    static func publishFixture(_ cluster: KafkaMockCluster) async throws -> [String: [SourceOffset]] {
        let input = fixture.appendingPathComponent("input")
        let probe = try KafkaConsumer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        var plan: [String: [SourceOffset]] = [:]
        var producer = KafkaFileProducer(bootstrapServers: cluster.bootstrapServers)
        producer.afterFile = { input, _ in
            var ends: [KafkaTopicPartition: Int64] = [:]
            for partition in try probe.partitions(of: input.topic) {
                let topicPartition = KafkaTopicPartition(topic: input.topic, partition: partition)
                ends[topicPartition] = try probe.watermarks(of: topicPartition).high
            }
            plan[input.topic, default: []].append(KafkaSourceOffset(ends).sourceOffset)
        }
        let total = try await producer.run([
            .init(directory: input.appendingPathComponent("customer").path, topic: "customer_data"),
            .init(directory: input.appendingPathComponent("bureau").path, topic: "bureau_data"),
        ])
        #expect(total.messages == 205 && total.records == 12931 && total.files == 20)
        return plan
    }

    static func compare(_ out: URL, _ files: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", compareDumps.path, fixture.appendingPathComponent("expected").path, out.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func replayingTheRecordedPerFileOffsetsMatchesSparkInEveryStage() async throws {
        let cluster = try Support.cluster(["customer_data": 4, "bureau_data": 4])
        let plan = try await Self.publishFixture(cluster)
        #expect(plan["customer_data"]?.count == 10 && plan["bureau_data"]?.count == 10)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("s360-kafka-topup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let stages: [(String, (TopUpPipeline) throws -> DataFrame)] = [
            ("customer_parsed", { try $0.customerParsed() }), ("bureau_cleaned", { try $0.bureauCleaned() }),
            ("bureau_groups", { try $0.bureauGroups() }), ("joined", { try $0.joined() }),
        ]
        for (name, build) in stages {
            let pipeline = TopUpPipeline(
                customerSource: RecordedRangesSource(try Support.source(cluster, .topics(["customer_data"])), plan["customer_data"] ?? []),
                bureauSource: RecordedRangesSource(try Support.source(cluster, .topics(["bureau_data"])), plan["bureau_data"] ?? []))
            let sink = MemorySink(name: name)
            let query = try StreamingQuery(try build(pipeline), sink: sink, configuration: .init(name: name))
            try await query.run()
            if name == "joined" { #expect(query.nextBatchId == 11) }
            var bytes: [UInt8] = []
            for (_, batch) in sink.batches { JSONLinesEncoder.encode(batch, into: &bytes) }
            try Data(bytes).write(to: out.appendingPathComponent("\(name).jsonl"))
        }
        let (status, output) = try Self.compare(out, stages.map { "\($0.0).jsonl" })
        #expect(status == 0, "compare_dumps.py:\n\(output)")
        #expect(output.contains("match 4/4 files, 100.00% rows"))
    }

    @Test func theCommandLinesKafkaLocationsGiveTheSameStatelessStages() async throws {
        let cluster = try Support.cluster(["customer_data": 4, "bureau_data": 4])
        _ = try await Self.publishFixture(cluster)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("s360-kafka-cli-\(UUID().uuidString)")
        let servers = cluster.bootstrapServers
        let results = try await TopUpDump(
            customerLocation: "kafka://\(servers)/customer_data", bureauLocation: "kafka://\(servers)/bureau_data",
            trigger: .availableNow, readLimit: .maxRows(20), outputDirectory: out.path, log: { _ in }
        ).run()
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
        #expect(byName["customer_parsed"]?.rows == 2000)
        #expect(byName["bureau_cleaned"]?.rows == 10931)
        #expect((byName["bureau_cleaned"]?.batches ?? 0) >= 165 / 20)
        #expect((byName["joined"]?.rows ?? 0) > 0)
        let (status, output) = try Self.compare(out, ["customer_parsed.jsonl", "bureau_cleaned.jsonl"])
        #expect(status == 0, "compare_dumps.py:\n\(output)")
    }
}

/// Plans batches from a list of recorded end offsets, as a restarted query replays its offset log.
final class RecordedRangesSource: StreamSource {
    let source: KafkaSource
    let ends: [SourceOffset]
    var schema: Schema { source.schema }
    var description: String { "Recorded[\(source.description)]" }

    init(_ source: KafkaSource, _ ends: [SourceOffset]) {
        self.source = source
        self.ends = ends
    }

    func latestOffset(after start: SourceOffset?, limit: ReadLimit) throws -> SourceOffset? {
        guard let start else { return ends.first }
        guard let index = ends.firstIndex(of: start) else { return start }
        return index + 1 < ends.count ? ends[index + 1] : start
    }

    func read(from start: SourceOffset?, to end: SourceOffset) throws -> RecordBatch {
        // Batch 0 starts at the beginning of every partition (the topics were empty before the fixture).
        try source.read(from: start ?? SourceOffset(json: "{}"), to: end)
    }
}
