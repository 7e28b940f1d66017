import Synchronization

/// Reads messages from Kafka through librdkafka: from explicitly assigned offsets, or as a group member.
///
/// A Stream360 source uses ``assign(_:)``: the query's checkpoint owns the offsets, so the source
/// says exactly where each partition starts and no group join (about 3 s) is needed. For ordinary
/// group consumption, ``subscribe(topics:)`` and ``subscribe(pattern:)`` join
/// ``KafkaConfiguration/groupID`` and librdkafka balances partitions across members.
///
/// Blocking: the synchronous ``poll(maxMessages:timeout:)``, ``watermarks(of:timeout:)`` and
/// metadata calls block their caller for up to `timeout`; keep timeouts short on Swift's
/// cooperative pool, or use the `async` overloads, which run on the consumer's dedicated thread.
/// Poll from one task at a time: messages of a partition come back in offset order.
/// Releasing the last reference destroys the librdkafka handle, which joins librdkafka's threads
/// (usually milliseconds, up to about a second); do it at shutdown, not per batch.
///
/// ```swift
/// let consumer = try KafkaConsumer(configuration: .init(bootstrapServers: servers))
/// try consumer.assign([KafkaTopicPartition(topic: "customer_data", partition: 0): .exact(120)])
/// let messages = try await consumer.poll(maxMessages: 500, timeout: .milliseconds(100))
/// ```
public final class KafkaConsumer: Sendable {
    /// The configuration the consumer was created with.
    public let configuration: KafkaConfiguration
    private let queue: RdKafkaQueue
    private var client: RdKafkaClient { queue.client }
    /// An error met after some messages of a batch were returned, thrown by the next poll.
    private let deferredError = Mutex<KafkaError?>(nil)
    private let closed = Mutex(false)
    private let blocking = BlockingCallThread()

    /// Creates a consumer. Without ``KafkaConfiguration/groupID`` it gets a private group id, which
    /// ``assign(_:)`` needs internally; no group is joined unless you subscribe.
    public init(configuration: KafkaConfiguration) throws(KafkaError) {
        try configuration.validate()
        var configuration = configuration
        if configuration.groupID == nil && configuration.properties["group.id"] == nil {
            configuration.groupID = "stream360-assign-\(UInt64.random(in: 0...UInt64.max))"
        }
        self.configuration = configuration
        let client = try RdKafkaClient(role: .consumer, properties: configuration.librdkafkaProperties(for: .consumer))
        queue = RdKafkaQueue(consumerQueueOf: client)
    }

    /// Reads exactly these partitions, each from its given offset, replacing any previous assignment.
    public func assign(_ offsets: [KafkaTopicPartition: KafkaOffset]) throws(KafkaError) {
        try checkOpen("assign")
        try client.assign(offsets.sorted { $0.key < $1.key }.map { ($0.key, $0.value.rawValue) })
    }

    /// The partitions currently assigned, by ``assign(_:)`` or by the group.
    public func assignment() throws(KafkaError) -> [KafkaTopicPartition] {
        try client.assignment().sorted()
    }

    /// Joins the consumer group for these topics; offsets come from the group or `auto.offset.reset`.
    public func subscribe(topics: [String]) throws(KafkaError) {
        try checkOpen("subscribe")
        try client.subscribe(topics)
    }

    /// Joins the consumer group for every topic matching a regular expression (a leading `^` is added if missing).
    public func subscribe(pattern: String) throws(KafkaError) {
        try checkOpen("subscribe")
        try client.subscribe([pattern.hasPrefix("^") ? pattern : "^" + pattern])
    }

    /// Returns up to `maxMessages` messages: waits up to `timeout` for the first, then takes what is ready.
    ///
    /// Returns an empty array when nothing arrived in time. A message that carries an error (offset
    /// out of range, unknown topic, broker down) is thrown as
    /// ``KafkaError/consumeFailed(code:topic:partition:offset:)``; when messages preceded it in the
    /// batch they are returned first and the error is thrown by the next call. Transport errors are
    /// transient: librdkafka reconnects and polling may continue. Blocks the calling thread.
    public func poll(maxMessages: Int = 1000, timeout: Duration = .milliseconds(100)) throws(KafkaError) -> [KafkaMessage] {
        try checkOpen("poll")
        if let error = deferredError.withLock({ error in defer { error = nil }; return error }) {
            throw error
        }
        let (messages, error) = queue.consume(limit: maxMessages, timeoutMilliseconds: timeout.wholeMilliseconds)
        if let error {
            if messages.isEmpty { throw error }
            deferredError.withLock { $0 = error }
        }
        return messages
    }

    /// ``poll(maxMessages:timeout:)`` on the consumer's dedicated thread, suspending the calling task meanwhile.
    public func poll(maxMessages: Int = 1000, timeout: Duration = .milliseconds(100)) async throws(KafkaError) -> [KafkaMessage] {
        try await blocking.run { () throws(KafkaError) -> [KafkaMessage] in
            try self.poll(maxMessages: maxMessages, timeout: timeout)
        }
    }

    /// Asks the partition's leader for its first retained offset and the offset of the next message.
    public func watermarks(of partition: KafkaTopicPartition, timeout: Duration = .seconds(5)) throws(KafkaError) -> KafkaWatermarks {
        try client.watermarks(topic: partition.topic, partition: partition.partition, timeoutMilliseconds: timeout.wholeMilliseconds)
    }

    /// ``watermarks(of:timeout:)`` on the consumer's dedicated thread.
    public func watermarks(of partition: KafkaTopicPartition, timeout: Duration = .seconds(5)) async throws(KafkaError) -> KafkaWatermarks {
        try await blocking.run { () throws(KafkaError) -> KafkaWatermarks in try self.watermarks(of: partition, timeout: timeout) }
    }

    /// Every topic in the cluster with its partition numbers, from a metadata request.
    public func topicPartitions(timeout: Duration = .seconds(5)) throws(KafkaError) -> [String: [Int32]] {
        try client.topicPartitions(timeoutMilliseconds: timeout.wholeMilliseconds)
    }

    /// The partition numbers of one topic; throws ``KafkaError/unknownTopic(_:)`` when it does not exist.
    public func partitions(of topic: String, timeout: Duration = .seconds(5)) throws(KafkaError) -> [Int32] {
        guard let partitions = try topicPartitions(timeout: timeout)[topic] else { throw .unknownTopic(topic) }
        return partitions
    }

    /// ``partitions(of:timeout:)`` on the consumer's dedicated thread.
    public func partitions(of topic: String, timeout: Duration = .seconds(5)) async throws(KafkaError) -> [Int32] {
        try await blocking.run { () throws(KafkaError) -> [Int32] in try self.partitions(of: topic, timeout: timeout) }
    }

    /// Leaves the group (if subscribed) and stops fetching; further polls throw ``KafkaError/closed(operation:)``.
    /// The librdkafka handle is destroyed when the consumer is released.
    public func close() throws(KafkaError) {
        let alreadyClosed = closed.withLock { closed in defer { closed = true }; return closed }
        guard !alreadyClosed else { return }
        let code = client.closeConsumer()
        guard code.rawValue == 0 else {
            throw .operationFailed(operation: "consumer close", code: code, topic: nil, partition: nil)
        }
    }

    private func checkOpen(_ operation: String) throws(KafkaError) {
        if closed.withLock({ $0 }) { throw .closed(operation: operation) }
    }
}
