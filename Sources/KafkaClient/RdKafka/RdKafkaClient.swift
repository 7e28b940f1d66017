internal import CRdKafka

/// Sole owner of one `rd_kafka_t` handle (producer or consumer); destroys it in `deinit`.
///
/// `@unchecked Sendable` is safe because librdkafka's handle is thread-safe for every call this
/// type makes (produce, poll, flush, metadata, assign, queue reads), the pointer never changes after
/// `init`, and the only Swift state, ``deliveries``, is itself `Sendable` (behind a mutex).
final class RdKafkaClient: @unchecked Sendable {
    let handle: OpaquePointer
    let role: ClientRole
    /// Collects delivery reports for producers; `nil` for consumers.
    let deliveries: DeliveryTracker?

    init(role: ClientRole, properties: [(name: String, value: String)]) throws(KafkaError) {
        let config = try RdKafkaConfig(properties: properties)
        var tracker: DeliveryTracker? = nil
        if role == .producer {
            let deliveries = DeliveryTracker()
            tracker = deliveries
            // The opaque pointer is unretained: `self.deliveries` keeps the tracker alive for as
            // long as the handle exists, and callbacks only run inside poll/flush on this handle.
            rd_kafka_conf_set_opaque(config.pointer, Unmanaged.passUnretained(deliveries).toOpaque())
            rd_kafka_conf_set_dr_msg_cb(config.pointer) { _, message, opaque in
                guard let message, let opaque else { return }
                Unmanaged<DeliveryTracker>.fromOpaque(opaque).takeUnretainedValue().record(message.pointee)
            }
        }
        var message = [CChar](repeating: 0, count: 512)
        let type = role == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        guard let handle = rd_kafka_new(type, config.pointer, &message, message.count) else {
            throw .clientCreationFailed(role: role.rawValue, reason: String(errorBuffer: message))
        }
        config.take()
        self.handle = handle
        self.role = role
        self.deliveries = tracker
        if role == .consumer {
            // Route the main queue (errors, rebalances) into the consumer queue read by poll.
            rd_kafka_poll_set_consumer(handle)
        }
    }

    deinit {
        rd_kafka_destroy(handle)
    }

    /// Serves queued callbacks (delivery reports) for up to `timeoutMilliseconds`.
    @discardableResult
    func poll(timeoutMilliseconds: Int32) -> Int32 {
        rd_kafka_poll(handle, timeoutMilliseconds)
    }

    /// Waits until every queued message is delivered or failed, serving delivery reports.
    func flush(timeoutMilliseconds: Int32) -> KafkaError.Code {
        KafkaError.Code(rd_kafka_flush(handle, timeoutMilliseconds))
    }

    /// Messages and requests still waiting to be sent or acknowledged.
    var outQueueLength: Int { Int(rd_kafka_outq_len(handle)) }

    /// Asks the partition leader for its low and high watermarks.
    func watermarks(topic: String, partition: Int32, timeoutMilliseconds: Int32) throws(KafkaError) -> KafkaWatermarks {
        var low: Int64 = 0
        var high: Int64 = 0
        let err = rd_kafka_query_watermark_offsets(handle, topic, partition, &low, &high, timeoutMilliseconds)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw .operationFailed(operation: "watermark query", code: .init(err), topic: topic, partition: partition)
        }
        return KafkaWatermarks(low: low, high: high)
    }

    /// Every topic the cluster knows, with its partition numbers in ascending order.
    func topicPartitions(timeoutMilliseconds: Int32) throws(KafkaError) -> [String: [Int32]] {
        var metadata: UnsafePointer<rd_kafka_metadata>? = nil
        let err = rd_kafka_metadata(handle, 1, nil, &metadata, timeoutMilliseconds)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw .operationFailed(operation: "metadata request", code: .init(err), topic: nil, partition: nil)
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        var result: [String: [Int32]] = [:]
        let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
        for topic in topics where topic.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            guard let name = topic.topic else { continue }
            let partitions = UnsafeBufferPointer(start: topic.partitions, count: Int(topic.partition_cnt))
            result[String(cString: name)] = partitions.map(\.id).sorted()
        }
        return result
    }
}
