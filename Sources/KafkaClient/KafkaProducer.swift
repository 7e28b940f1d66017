import Synchronization

/// Sends messages to Kafka through librdkafka, idempotent by default, with delivery confirmed by ``flush(timeout:)``.
///
/// ``send(_:)`` only enqueues: librdkafka batches, compresses and retries in its own threads.
/// A message counts as written once its delivery report says so, and reports are collected by
/// ``flush(timeout:)``, which waits for every queued message and then either returns how many were
/// delivered or throws ``KafkaError/deliveryFailed(_:delivered:)`` listing each failure. A sink
/// commits a batch only after a successful flush; with idempotence (the default) librdkafka's
/// internal retries never duplicate or reorder messages within a partition.
///
/// Blocking: ``send(_:)`` returns at once unless the local queue is full (it then serves reports
/// in 10 ms steps until there is room or `messageTimeout` passes); the synchronous
/// ``flush(timeout:)`` blocks its caller for up to `timeout`. From async code use the `async`
/// overload, which runs the wait on a dedicated thread instead of Swift's cooperative pool.
/// Releasing the last reference destroys the librdkafka handle, which joins librdkafka's threads
/// (usually milliseconds, up to about a second); do it at shutdown, not per batch.
///
/// ```swift
/// let producer = try KafkaProducer(configuration: .init(bootstrapServers: servers))
/// try producer.send(KafkaProducerRecord(topic: "clickstream", key: "42", value: #"{"ID":42}"#))
/// let summary = try await producer.flush(timeout: .seconds(10))
/// ```
public final class KafkaProducer: Sendable {
    private struct State {
        var nextID: UInt64 = 1
        var closed = false
    }

    /// The configuration the producer was created with.
    public let configuration: KafkaConfiguration
    private let client: RdKafkaClient
    private let deliveries: DeliveryTracker
    private let state = Mutex(State())
    private let blocking = BlockingCallThread()

    /// Creates a producer; librdkafka connects to the brokers in the background.
    public init(configuration: KafkaConfiguration) throws(KafkaError) {
        try configuration.validate()
        self.configuration = configuration
        client = try RdKafkaClient(role: .producer, properties: configuration.librdkafkaProperties(for: .producer))
        guard let deliveries = client.deliveries else {
            preconditionFailure("a producer handle always has a delivery tracker")
        }
        self.deliveries = deliveries
    }

    /// Enqueues a message and returns its sequence number (from 1), which delivery failures quote.
    ///
    /// Throws ``KafkaError/produceFailed(code:topic:partition:valueBytes:)`` when librdkafka refuses
    /// the message outright: unknown partition, a value over `message.max.bytes`, or a queue that
    /// stays full for `messageTimeout`.
    @discardableResult
    public func send(_ record: KafkaProducerRecord) throws(KafkaError) -> UInt64 {
        let id = try state.withLock { state throws(KafkaError) -> UInt64 in
            guard !state.closed else { throw .closed(operation: "send") }
            defer { state.nextID += 1 }
            return state.nextID
        }
        var deadline: ContinuousClock.Instant? = nil
        while true {
            let code = client.produce(record, id: id)
            if code.rawValue == 0 {
                if id % 1024 == 0 { client.poll(timeoutMilliseconds: 0) }
                return id
            }
            guard code == .queueFull else {
                throw .produceFailed(
                    code: code, topic: record.topic, partition: record.partition, valueBytes: record.value?.count ?? 0)
            }
            let now = ContinuousClock.now
            let limit = deadline ?? now.advanced(by: configuration.messageTimeout)
            deadline = limit
            guard now < limit else {
                throw .produceFailed(
                    code: code, topic: record.topic, partition: record.partition, valueBytes: record.value?.count ?? 0)
            }
            client.poll(timeoutMilliseconds: 10)
        }
    }

    /// Waits up to `timeout` for every enqueued message, then reports deliveries since the last flush.
    ///
    /// Throws ``KafkaError/deliveryFailed(_:delivered:)`` when any message failed, and
    /// ``KafkaError/timedOut(operation:limit:pending:)`` when messages are still in flight; their
    /// reports are collected by the next flush. Blocks the calling thread.
    @discardableResult
    public func flush(timeout: Duration) throws(KafkaError) -> KafkaDeliverySummary {
        let code = client.flush(timeoutMilliseconds: timeout.wholeMilliseconds)
        if code.rawValue != 0 {
            // Keep the delivered count for the flush that sees the rest; report failures now.
            let failures = deliveries.takeFailures()
            if !failures.isEmpty {
                throw .deliveryFailed(failures, delivered: deliveries.take().delivered)
            }
            throw .timedOut(operation: "flush", limit: timeout, pending: client.outQueueLength)
        }
        let (delivered, failures) = deliveries.take()
        if !failures.isEmpty {
            throw .deliveryFailed(failures, delivered: delivered)
        }
        return KafkaDeliverySummary(delivered: delivered)
    }

    /// ``flush(timeout:)`` on the producer's dedicated thread, suspending the calling task meanwhile.
    @discardableResult
    public func flush(timeout: Duration) async throws(KafkaError) -> KafkaDeliverySummary {
        try await blocking.run { () throws(KafkaError) -> KafkaDeliverySummary in try self.flush(timeout: timeout) }
    }

    /// Flushes, then refuses further sends. The librdkafka handle is destroyed when the producer is released.
    public func close(timeout: Duration = .seconds(30)) throws(KafkaError) {
        state.withLock { $0.closed = true }
        try flush(timeout: timeout)
    }

    /// Messages enqueued and not yet acknowledged or failed (plus librdkafka's own pending requests).
    public var pendingCount: Int { client.outQueueLength }
}
