import Columnar
import Connectors
import Customer360
import Foundation
import KafkaClient
import KafkaConnector
@_spi(Testing) import StreamExecution
import StreamPlan
import StreamTesting
import Testing

/// The top-up join read from Kafka topics with a checkpoint, stopped after every step of every
/// batch (offsets written, sink written, state written, commit written) and restarted each time
/// with new consumers, as a new process would be: the sink ends up with exactly the rows of an
/// uninterrupted run, and no committed batch is written with different rows.
///
/// What makes this hold is the offset log: a batch's Kafka ranges (per topic-partition) are
/// written before it runs, so a re-run batch reads exactly the same messages, whatever arrived
/// since; the broker keeps the messages (librdkafka's mock cluster, in memory, for the test).
@Suite(.serialized) struct KafkaCrashRecoveryTests {
    typealias Support = KafkaConnectorTestSupport
    static let input = KafkaTopUpPipelineTests.fixture.appendingPathComponent("input")
    /// Messages per micro-batch per topic: about nine bureau batches over the fixture.
    static let limit = ReadLimit.maxRows(20)

    static func publish(_ cluster: KafkaMockCluster) async throws {
        let producer = KafkaFileProducer(bootstrapServers: cluster.bootstrapServers)
        let total = try await producer.run([
            .init(directory: input.appendingPathComponent("customer").path, topic: "customer_data"),
            .init(directory: input.appendingPathComponent("bureau").path, topic: "bureau_data"),
        ])
        #expect(total.messages == 205)
    }

    static func query(_ cluster: KafkaMockCluster, sink: any StreamSink, checkpoint: String?) throws -> StreamingQuery {
        let pipeline = TopUpPipeline(
            customerSource: try Support.source(cluster, .topics(["customer_data"])),
            bureauSource: try Support.source(cluster, .topics(["bureau_data"])))
        return try StreamingQuery(try pipeline.joined(), sink: sink, configuration: StreamingQueryConfiguration(
            name: "kafka-crash", trigger: .availableNow, readLimit: limit, checkpointLocation: checkpoint))
    }

    @Test func theJoinFromKafkaSurvivesACrashAfterEveryStepOfEveryBatch() async throws {
        let cluster = try Support.cluster(["customer_data": 4, "bureau_data": 4])
        try await Self.publish(cluster)

        let reference = MemorySink()
        let uninterrupted = try Self.query(cluster, sink: reference, checkpoint: nil)
        try await uninterrupted.run()
        let expected = multiset(reference.batches.flatMap { Rows.scalars($0.batch) })
        let batches = uninterrupted.nextBatchId
        #expect(batches > 5, "the read limit should split the fixture into several batches")
        #expect(!expected.isEmpty)

        let checkpoint = FileManager.default.temporaryDirectory.appendingPathComponent("s360-kafka-crash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let sink = RecordingSink()
        var points = (0..<batches).flatMap { batch in CheckpointStep.allCases.map { ($0, batch) } }[...]
        var crashes = 0
        while true {
            let query = try Self.query(cluster, sink: sink, checkpoint: checkpoint)
            let target = points.first
            query.checkpointHook = { step, batch in
                if let target, target.0 == step, target.1 == batch { throw SimulatedCrash(step: step.rawValue, batchId: batch) }
            }
            do {
                try await query.run()
                #expect(query.nextBatchId == batches)
                break
            } catch is SimulatedCrash {
                crashes += 1
                points = points.dropFirst()
            }
        }
        #expect(crashes == Int(batches) * CheckpointStep.allCases.count)
        #expect(multiset(sink.committedRows) == expected)
        for id in Set(sink.calls.map(\.batchId)) {
            let writes = sink.calls.filter { $0.batchId == id }.map { Rows.scalars($0.batch) }
            #expect(writes.allSatisfy { $0 == writes[0] }, "batch \(id) was re-run with different rows")
        }
    }
}
