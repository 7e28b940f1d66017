import Columnar
import Customer360
import Foundation
import KafkaClient
import KafkaConnector
import Testing

/// `s360 topup` end to end on `topup-small` from the embedded broker, with Spark's model: the
/// Parquet predictions (read back by pyarrow through the Spark manifest) and the state counts
/// published to Kafka (read back by kafka-python) against what Spark 4.3 produced.
///
/// Why the feed is replayed file by file: Spark read customer file k and bureau file k in
/// micro-batch k (`maxFilesPerTrigger=1`), and the batching decides everything stateful — the
/// watermark in force in each batch, which bureau rows are late and dropped, in which batch a
/// window is emitted, and so which rows each per-batch state count holds. A Kafka source batches
/// whatever the topics hold when a batch is planned, so the test publishes file pair k, runs the
/// command's code once under available-now with no-data batches off (exactly one batch, holding
/// exactly file pair k, as Spark's batch k), and repeats for all ten pairs on the same checkpoint;
/// a last run with no-data batches on is Spark's batch 10, which runs only because the watermark
/// moved. Each run executes every stage as its own checkpointed query, as the command does.
@Suite(.serialized) struct KafkaTopUpEndToEndTests {
    typealias Support = KafkaConnectorTestSupport
    static let fixture = KafkaTopUpPipelineTests.fixture
    static let expected = fixture.appendingPathComponent("expected")
    static let stateCountsTopic = "Statewide_customer_count"

    @Test(.timeLimit(.minutes(30)))
    func fedFileByFileTheCommandReproducesSparksPredictionsAndStateCounts() async throws {
        let cluster = try Support.cluster(["customer_data": 4, "bureau_data": 4, Self.stateCountsTopic: 1])
        let servers = cluster.bootstrapServers
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("s360-topup-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let input = Self.fixture.appendingPathComponent("input")
        let files = try FileManager.default.contentsOfDirectory(atPath: input.appendingPathComponent("customer").path)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(files.count == 10)

        func dump(run: String, noDataBatches: Bool) -> TopUpDump {
            var dump = TopUpDump(
                customerLocation: "kafka://\(servers)/customer_data", bureauLocation: "kafka://\(servers)/bureau_data",
                trigger: .availableNow, readLimit: .all, outputDirectory: work.appendingPathComponent("dump/\(run)").path,
                modelDirectory: Self.fixture.appendingPathComponent("spark_pipeline_model").path,
                checkpointDirectory: work.appendingPathComponent("checkpoint").path,
                parquetDirectory: work.appendingPathComponent("parquet").path, log: { _ in })
            dump.noDataBatches = noDataBatches
            dump.stateCountsTopic = "kafka://\(servers)/\(Self.stateCountsTopic)"
            return dump
        }

        for (k, name) in files.enumerated() {
            // KafkaFileProducer publishes directories: give it one holding only file k of each stream.
            var feed: [KafkaFileProducer.Input] = []
            for (stream, topic) in [("customer", "customer_data"), ("bureau", "bureau_data")] {
                let directory = work.appendingPathComponent("feed/\(k)/\(stream)")
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    at: input.appendingPathComponent("\(stream)/\(name)"), to: directory.appendingPathComponent(name))
                feed.append(.init(directory: directory.path, topic: topic))
            }
            let published = try await KafkaFileProducer(bootstrapServers: servers).run(feed)
            #expect(published.files == 2)
            let results = try await dump(run: "\(k)", noDataBatches: false).run()
            // One micro-batch per stage per run: batch k of every query holds exactly file pair k.
            #expect(results.map(\.batches) == Array(repeating: 1, count: 5), "run \(k): \(results.map { "\($0.name)=\($0.batches)" })")
        }
        let last = try await dump(run: "final", noDataBatches: true).run()
        let batches = Dictionary(uniqueKeysWithValues: last.map { ($0.name, $0.batches) })
        // Spark's batch 10: no data, run because the watermark moved; only stateful queries have one.
        #expect(batches == ["customer_parsed": 0, "bureau_cleaned": 0, "bureau_groups": 1, "joined": 1, "predictions": 1])

        // The Parquet predictions, read by pyarrow through the dataset's Spark manifest (the
        // shared read_parquet_dataset.py) as JSON lines, against Spark's with compare_dumps.py.
        let actual = work.appendingPathComponent("actual")
        try FileManager.default.createDirectory(at: actual, withIntermediateDirectories: true)
        let predictionsFile = actual.appendingPathComponent("predictions.jsonl")
        let read = try Self.run(
            ["python3", Self.readParquetDataset.path, work.appendingPathComponent("parquet/top_up_predictions").path,
             "--engine", "pyarrow", "--columns", TopUpPipeline.predictionColumns.joined(separator: ",")], stdout: predictionsFile)
        #expect(read.status == 0, "read_parquet_dataset.py: \(read.output.suffix(2000))")
        let rows = try String(contentsOf: predictionsFile, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1527)
        #expect(rows.first?.hasPrefix(#"{"ID": "#) == true && rows.first?.contains(#""Top-up_Month": "#) == true)
        let compared = try Self.run(["python3", KafkaTopUpPipelineTests.compareDumps.path, Self.expected.path, actual.path, "predictions.jsonl"])
        #expect(compared.status == 0, "compare_dumps.py:\n\(compared.output)")
        #expect(compared.output.contains("match 1/1 files, 100.00% rows"), "\(compared.output)")
        // The dataset also keeps each customer's State (issue 12: per-state SQL over it); DuckDB reads it too.
        let states = try Self.run(
            ["python3", Self.readParquetDataset.path, work.appendingPathComponent("parquet/top_up_predictions").path,
             "--engine", "duckdb", "--columns", "ID,State"])
        #expect(states.status == 0, "read_parquet_dataset.py: \(states.output.suffix(2000))")
        let stateRows = states.output.split(separator: "\n")
        #expect(stateRows.count == 1527)
        #expect(stateRows.filter { $0.contains(#""State": null"#) }.count < stateRows.count / 10)

        // The state counts as kafka-python reads them from the topic, against Spark's by key.
        let consumed = try Self.run(["python3", "-c", Self.kafkaPythonConsumer, servers, Self.stateCountsTopic])
        #expect(consumed.status == 0, "kafka-python: \(consumed.output.suffix(2000))")
        let published = try consumed.output.split(separator: "\n").map { try StateCountsMessage(consumedLine: String($0)) }
        let sparks = try String(contentsOf: Self.expected.appendingPathComponent("state_counts.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try StateCountsMessage(sparkLine: String($0)) }
        #expect(sparks.count == 6)
        #expect(published.count == sparks.count, "one message per batch with predicted top-ups, each published once")
        #expect(Set(published.map(\.key)).count == published.count)
        let byKey = Dictionary(published.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for spark in sparks {
            let ours = try #require(byKey[spark.key], "no message keyed \(spark.key)")
            #expect(ours.counts == spark.counts, "state counts for window_end \(spark.key)")
            // Replaying file k as batch k also gives Spark's batch ids (the README compares on the key only).
            #expect(ours.batchId == spark.batchId, "batch id for \(spark.key)")
            #expect(ours.headerBatchId == spark.batchId, "stream360-batch-id header for \(spark.key)")
        }
        let predictedTopUps = sparks.reduce(0) { $0 + $1.counts.reduce(0) { $0 + $1.count } }
        #expect(predictedTopUps == 252, "the README's number of prediction-1.0 rows")
    }

    static let readParquetDataset = KafkaTopUpPipelineTests.compareDumps.deletingLastPathComponent()
        .appendingPathComponent("read_parquet_dataset.py")

    /// Runs a program under coreutils' `timeout`, returning its status and combined output
    /// (only its standard error when `stdout` names a file to write standard output to).
    static func run(_ arguments: [String], stdout: URL? = nil, limitSeconds: Int = 300) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = [String(limitSeconds)] + arguments
        let pipe = Pipe()
        var file: FileHandle?
        if let stdout {
            _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
            file = try FileHandle(forWritingTo: stdout)
        }
        defer { try? file?.close() }
        process.standardOutput = file ?? pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// argv: bootstrap servers, topic. Prints every message from the beginning to the end offsets
    /// as `{"key", "value", "batch"}` JSON (batch: the `stream360-batch-id` header).
    static let kafkaPythonConsumer = #"""
        import sys, json
        from kafka import KafkaConsumer, TopicPartition
        servers, topic = sys.argv[1], sys.argv[2]
        consumer = KafkaConsumer(bootstrap_servers=servers, enable_auto_commit=False, consumer_timeout_ms=10000)
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic))]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        while any(consumer.position(p) < ends[p] for p in partitions):
            for _, messages in consumer.poll(timeout_ms=1000).items():
                for m in messages:
                    headers = dict(m.headers)
                    print(json.dumps({"key": m.key.decode() if m.key is not None else None, "value": m.value.decode(),
                                      "batch": headers.get("stream360-batch-id", b"").decode()}))
        """#
}

/// One `Statewide_customer_count` document: `{"<max window_end>": [{State, target_customers}…], "batch_id": k}`.
struct StateCountsMessage {
    struct Count: Equatable {
        var state: String?
        var count: Int
    }

    var key: String
    var counts: [Count]
    var batchId: Int
    /// The `stream360-batch-id` header of a consumed message; nil for Spark's lines.
    var headerBatchId: Int?

    /// A line of Spark's `state_counts.jsonl`.
    init(sparkLine line: String) throws {
        try self.init(document: line)
    }

    /// A line printed by the kafka-python consumer; the message key must name the document's key.
    init(consumedLine line: String) throws {
        let message = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        try self.init(document: try #require(message["value"] as? String))
        #expect(message["key"] as? String == key, "the message key is the document's window_end")
        headerBatchId = Int(message["batch"] as? String ?? "")
    }

    private init(document: String) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        let keys = object.keys.filter { $0 != "batch_id" }
        #expect(keys.count == 1, "one window_end key in \(document)")
        key = try #require(keys.first)
        batchId = try #require(object["batch_id"] as? Int)
        let entries = try #require(object[key] as? [[String: Any]])
        counts = try entries.map { entry in
            Count(state: entry["State"] as? String, count: try #require(entry["target_customers"] as? Int))
        }
    }
}
