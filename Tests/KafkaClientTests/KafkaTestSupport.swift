import KafkaClient
import Testing

/// Shared helpers: a mock cluster per test, and polling until a count or a deadline.
enum KafkaTestSupport {
    /// Starts a mock cluster with these topics and partition counts.
    static func cluster(_ topics: [String: Int]) throws -> KafkaMockCluster {
        let cluster = try KafkaMockCluster()
        for (topic, partitions) in topics {
            try cluster.createTopic(topic, partitions: partitions)
        }
        return cluster
    }

    /// A consumer assigned to every partition of `topic` from the beginning.
    static func consumer(_ cluster: KafkaMockCluster, topic: String, partitions: Int) throws -> KafkaConsumer {
        let consumer = try KafkaConsumer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        var offsets: [KafkaTopicPartition: KafkaOffset] = [:]
        for partition in 0..<partitions {
            offsets[KafkaTopicPartition(topic: topic, partition: Int32(partition))] = .beginning
        }
        try consumer.assign(offsets)
        return consumer
    }

    /// Polls (on the consumer's own thread) until `count` messages arrived or `limit` passed.
    static func poll(_ consumer: KafkaConsumer, count: Int, limit: Duration = .seconds(90)) async throws -> [KafkaMessage] {
        var messages: [KafkaMessage] = []
        let deadline = ContinuousClock.now.advanced(by: limit)
        while messages.count < count && ContinuousClock.now < deadline {
            messages += try await consumer.poll(maxMessages: count - messages.count, timeout: .milliseconds(50))
        }
        return messages
    }
}

extension KafkaMessage {
    var keyString: String? { key.map { String(decoding: $0, as: UTF8.self) } }
    var valueString: String? { value.map { String(decoding: $0, as: UTF8.self) } }
}
