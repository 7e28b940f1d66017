import KafkaClient
import Testing

@Suite(.serialized) struct KafkaRoundTripTests {
    @Test func producedMessagesComeBackWithKeysValuesHeadersOffsetsAndTimestamps() async throws {
        let cluster = try KafkaTestSupport.cluster(["events": 3])
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        for i in 0..<30 {
            try producer.send(
                KafkaProducerRecord(
                    topic: "events", partition: Int32(i % 3), key: "k\(i)", value: "v\(i)",
                    headers: [KafkaHeader(name: "n", string: "\(i)"), KafkaHeader(name: "null", value: nil)],
                    timestamp: 1_700_000_000_000 + Int64(i)))
        }
        try producer.send(KafkaProducerRecord(topic: "events", partition: 0, key: nil, value: nil))
        try producer.send(KafkaProducerRecord(topic: "events", partition: 0, key: [], value: []))
        let summary = try await producer.flush(timeout: .seconds(60))
        #expect(summary.delivered == 32)

        let consumer = try KafkaTestSupport.consumer(cluster, topic: "events", partitions: 3)
        let messages = try await KafkaTestSupport.poll(consumer, count: 32)
        #expect(messages.count == 32)
        let byKey = Dictionary(grouping: messages.filter { ($0.key?.count ?? 0) > 0 }, by: { $0.keyString ?? "" })
        for i in 0..<30 {
            let message = try #require(byKey["k\(i)"]?.first)
            #expect(message.valueString == "v\(i)")
            #expect(message.partition == Int32(i % 3))
            #expect(message.offset == Int64(i / 3))
            #expect(message.timestamp == 1_700_000_000_000 + Int64(i))
            #expect(message.timestampType == .createTime)
            #expect(message.headers == [KafkaHeader(name: "n", string: "\(i)"), KafkaHeader(name: "null", value: nil)])
        }
        let partition0 = messages.filter { $0.partition == 0 }
        #expect(partition0.map(\.offset) == Array(0..<12))
        let tombstone = try #require(partition0.first { $0.offset == 10 })
        #expect(tombstone.key == nil && tombstone.value == nil && tombstone.headers.isEmpty)
        let empty = try #require(partition0.first { $0.offset == 11 })
        #expect(empty.key == [] && empty.value == [])
    }

    @Test func assignStartsAtTheGivenOffsetAndWatermarksBoundThePartition() async throws {
        let cluster = try KafkaTestSupport.cluster(["t": 2])
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        for i in 0..<10 {
            try producer.send(KafkaProducerRecord(topic: "t", partition: 1, key: "k", value: "\(i)"))
        }
        try await producer.flush(timeout: .seconds(60))

        let consumer = try KafkaConsumer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        #expect(try await consumer.watermarks(of: .init(topic: "t", partition: 1)) == KafkaWatermarks(low: 0, high: 10))
        #expect(try await consumer.watermarks(of: .init(topic: "t", partition: 0)) == KafkaWatermarks(low: 0, high: 0))
        #expect(try await consumer.partitions(of: "t") == [0, 1])
        #expect(throws: KafkaError.unknownTopic("absent")) { try consumer.partitions(of: "absent") }

        try consumer.assign([KafkaTopicPartition(topic: "t", partition: 1): .exact(7)])
        #expect(try consumer.assignment() == [KafkaTopicPartition(topic: "t", partition: 1)])
        let messages = try await KafkaTestSupport.poll(consumer, count: 3)
        #expect(messages.map(\.offset) == [7, 8, 9])
        #expect(messages.map(\.valueString) == ["7", "8", "9"])
        #expect(try await consumer.poll(timeout: .milliseconds(50)).isEmpty)
    }

    @Test func sendingToAMissingPartitionFailsWithATypedError() async throws {
        let cluster = try KafkaTestSupport.cluster(["one": 1])
        var configuration = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.messageTimeout = .seconds(5)
        let producer = try KafkaProducer(configuration: configuration)
        try producer.send(KafkaProducerRecord(topic: "one", partition: 0, key: "ok", value: "fine"))
        try await producer.flush(timeout: .seconds(60))
        // The partition count is now known: librdkafka either refuses at once or fails the delivery.
        do {
            try producer.send(KafkaProducerRecord(topic: "one", partition: 5, key: "bad", value: "x"))
            try await producer.flush(timeout: .seconds(60))
            Issue.record("a message to partition 5 of a one-partition topic was accepted")
        } catch {
            // (A `catch .case(...)` pattern here crashes the Swift 6.3.1 compiler: match in a switch.)
            switch error {
            case .produceFailed(let code, let topic, let partition, _):
                #expect(code == .unknownPartition && topic == "one" && partition == 5)
            case .deliveryFailed(let failures, let delivered):
                #expect(delivered == 0)
                #expect(failures.map(\.code) == [.unknownPartition])
                #expect(failures.first?.keyPrefix == Array("bad".utf8))
            default:
                Issue.record("unexpected error: \(error)")
            }
        }
    }

    @Test func asyncPollAndFlushRunOffTheCooperativePool() async throws {
        let cluster = try KafkaTestSupport.cluster(["a": 1])
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        for i in 0..<100 {
            try producer.send(KafkaProducerRecord(topic: "a", key: "\(i)", value: "\(i)"))
        }
        #expect(try await producer.flush(timeout: .seconds(60)).delivered == 100)
        let consumer = try KafkaTestSupport.consumer(cluster, topic: "a", partitions: 1)
        var messages: [KafkaMessage] = []
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while messages.count < 100 && ContinuousClock.now < deadline {
            messages += try await consumer.poll(maxMessages: 1000, timeout: .milliseconds(50))
        }
        #expect(messages.map(\.offset) == Array(0..<100))
        try consumer.close()
        #expect(throws: KafkaError.closed(operation: "poll")) { try consumer.poll() }
        try producer.close()
        #expect(throws: KafkaError.closed(operation: "send")) {
            try producer.send(KafkaProducerRecord(topic: "a", key: nil, value: "late"))
        }
    }

    @Test func oversizedValueIsRefusedWithTheLimitNamed() throws {
        var configuration = KafkaConfiguration(bootstrapServers: "127.0.0.1:1")
        configuration.maxMessageBytes = 100_000
        let producer = try KafkaProducer(configuration: configuration)
        let record = KafkaProducerRecord(topic: "big", partition: 0, key: nil, value: [UInt8](repeating: 0, count: 200_000))
        #expect {
            try producer.send(record)
        } throws: { error in
            guard case .produceFailed(let code, "big", 0, 200_000) = error as? KafkaError else { return false }
            return code == .messageSizeTooLarge && "\(error)".contains("message.max.bytes")
        }
    }

    @Test func badPropertyIsNamedInTheError() {
        var configuration = KafkaConfiguration(bootstrapServers: "127.0.0.1:1")
        configuration.properties["no.such.property"] = "1"
        #expect {
            _ = try KafkaProducer(configuration: configuration)
        } throws: { error in
            guard case .invalidConfiguration(let property, _, let reason) = error as? KafkaError else { return false }
            return property == "no.such.property" && !reason.isEmpty
        }
    }
}
