import Columnar
import Connectors
import Customer360
import KafkaClient
import KafkaConnector
import Testing

@Suite(.serialized) struct KafkaSinkTests {
    typealias Support = KafkaConnectorTestSupport

    static func batch(keys: [String?], values: [String], topics: [String?]? = nil) -> RecordBatch {
        var columns = [Column(.string, keys.map { $0.map(Scalar.string) ?? .null }), Column(.string, values.map(Scalar.string))]
        var fields = [Field("key", .string), Field("value", .string)]
        if let topics {
            columns.append(Column(.string, topics.map { $0.map(Scalar.string) ?? .null }))
            fields.append(Field("topic", .string))
        }
        return RecordBatch(trusted: Schema(fields), columns: columns, rowCount: values.count)
    }

    @Test func aBatchIsDeliveredOnceAndARerunBatchIdIsSkipped() async throws {
        let cluster = try Support.cluster(["out": 2, "other": 1])
        let sink = try KafkaSink(configuration: .init(bootstrapServers: cluster.bootstrapServers, topic: "out"))
        let batch = Self.batch(keys: ["a", nil, "c"], values: ["1", "2", "3"], topics: [nil, nil, "other"])
        try sink.addBatch(0, batch)
        try sink.addBatch(0, batch)  // re-run after a failure elsewhere: already committed
        #expect(sink.committedBatchIds == [0])

        let source = try Support.source(cluster, .topics(["out", "other"]))
        let rows = try Support.drain(source, limit: .all).map(\.rows)
        let values = try rows.flatMap { try Support.values($0) }
        #expect(values.sorted() == ["1", "2", "3"])
        let consumer = try KafkaConsumer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        try consumer.assign([KafkaTopicPartition(topic: "other", partition: 0): .beginning])
        var messages: [KafkaMessage] = []
        while messages.isEmpty { messages = try await consumer.poll(timeout: .milliseconds(100)) }
        #expect(messages.count == 1 && messages[0].key == Array("c".utf8))
        #expect(messages[0].headers == [KafkaHeader(name: "stream360-batch-id", string: "0"), KafkaHeader(name: "stream360-row", string: "2")])
    }

    @Test func anOversizedValueFailsTheBatchNamingTheLimit() throws {
        let cluster = try Support.cluster(["out": 1])
        var configuration = KafkaSinkConfiguration(bootstrapServers: cluster.bootstrapServers, topic: "out")
        configuration.maxMessageBytes = 100_000
        let sink = try KafkaSink(configuration: configuration)
        let big = String(repeating: "y", count: 150_000)
        #expect {
            try sink.addBatch(3, Self.batch(keys: ["k", "k"], values: ["small", big]))
        } throws: { error in
            guard case KafkaConnectorError.valueTooLarge(3, 1, "out", let bytes, 100_000) = error else { return false }
            return bytes > 150_000 && "\(error)".contains("message.max.bytes") && "\(error)".contains("100000 bytes")
        }
        #expect(sink.committedBatchIds.isEmpty)
    }

    @Test func undeliveredMessagesFailTheBatchWithLibrdkafkasError() throws {
        // Nothing listens on port 1: every delivery times out and the batch is not committed.
        var configuration = KafkaSinkConfiguration(bootstrapServers: "127.0.0.1:1", topic: "out")
        configuration.deliveryTimeout = .milliseconds(500)
        let sink = try KafkaSink(configuration: configuration)
        #expect {
            try sink.addBatch(7, Self.batch(keys: ["k"], values: ["v"]))
        } throws: { error in
            guard case KafkaConnectorError.batchNotDelivered(7, _) = error else { return false }
            return "\(error)".hasPrefix("batch 7 was not committed")
        }
        #expect(sink.committedBatchIds.isEmpty)
        #expect(throws: KafkaConnectorError.self) { try sink.addBatch(8, RecordBatch.empty(Schema([Field("key", .string)]))) }
    }

    @Test func stateCountsArePublishedOncePerBatchKeyedByMaxWindowEnd() throws {
        let cluster = try Support.cluster(["Statewide_customer_count": 1])
        let publisher = try KafkaBatchPublisher(
            configuration: .init(bootstrapServers: cluster.bootstrapServers, topic: "Statewide_customer_count"))
        let sink = publisher.foreachBatchSink(name: "state_counts") { batchId, batch in
            try TopUpTargeting.stateCountsDocument(batchId: batchId, scored: batch)
        }
        let second: Int64 = 1_000_000
        let scored = RecordBatch(
            trusted: Schema([Field("prediction", .double), Field("State", .string), Field("window_end", .timestamp)]),
            columns: [
                Column(.double, [.double(1), .double(0), .double(1), .double(1)]),
                Column(.string, [.string("KA"), .string("MH"), .null, .string("KA")]),
                Column(.timestamp, [.timestamp(30 * second), .timestamp(90 * second), .timestamp(60 * second), .timestamp(30 * second)]),
            ], rowCount: 4)
        try sink.addBatch(4, scored)
        try sink.addBatch(4, scored)
        let source = try Support.source(cluster, .topics(["Statewide_customer_count"]))
        let rows = try #require(Support.drain(source, limit: .all).first).rows
        #expect(rows.rowCount == 1)
        #expect(try rows.column("key").strings.string(0) == "1970-01-01T00:01:00Z")
        #expect(try Support.values(rows) == [
            #"{"1970-01-01T00:01:00Z":[{"State":null,"target_customers":1},{"State":"KA","target_customers":2}],"batch_id":4}"#,
        ])
    }
}
