internal import CRdKafka

/// Sole owner of a reference to a consumer's `rd_kafka_queue_t`; destroys it in `deinit`.
///
/// Keeps its ``client`` alive so the queue is always released before the handle it belongs to.
/// `@unchecked Sendable` is safe: librdkafka's queues are thread-safe and the pointer never changes.
final class RdKafkaQueue: @unchecked Sendable {
    let client: RdKafkaClient
    private let pointer: OpaquePointer

    /// The queue `rd_kafka_consumer_poll` serves: messages, errors and rebalance events.
    init(consumerQueueOf client: RdKafkaClient) {
        guard let queue = rd_kafka_queue_get_consumer(client.handle) else {
            preconditionFailure("rd_kafka_queue_get_consumer returned NULL for a consumer handle")
        }
        self.client = client
        self.pointer = queue
    }

    deinit {
        rd_kafka_queue_destroy(pointer)
    }

    /// Waits up to `timeoutMilliseconds` for a first message, then takes what else is ready, up to `limit`.
    ///
    /// Messages become Swift values and their librdkafka buffers are freed before returning.
    /// The first message carrying an error stops the batch and is returned as `error`.
    func consume(limit: Int, timeoutMilliseconds: Int32) -> (messages: [KafkaMessage], error: KafkaError?) {
        var messages: [KafkaMessage] = []
        guard limit > 0, let first = rd_kafka_consumer_poll(client.handle, timeoutMilliseconds) else {
            return ([], nil)
        }
        var pending = [UnsafeMutablePointer<rd_kafka_message_t>?](repeating: nil, count: limit)
        pending[0] = first
        var count = 1
        if limit > 1 {
            let more = pending.withUnsafeMutableBufferPointer { buffer in
                rd_kafka_consume_batch_queue(pointer, 0, buffer.baseAddress.map { $0 + 1 }, limit - 1)
            }
            count += max(0, more)
        }
        messages.reserveCapacity(count)
        var error: KafkaError? = nil
        var topicNames = TopicNameCache()
        for index in 0..<count {
            guard let message = pending[index] else { continue }
            defer { rd_kafka_message_destroy(message) }
            let err = message.pointee.err
            if err == RD_KAFKA_RESP_ERR_NO_ERROR {
                if error == nil { messages.append(Self.convert(message, topicNames: &topicNames)) }
            } else if err != RD_KAFKA_RESP_ERR__PARTITION_EOF, error == nil {
                let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) }
                error = .consumeFailed(
                    code: .init(err), topic: topic, partition: topic == nil ? nil : message.pointee.partition,
                    offset: message.pointee.offset >= 0 ? message.pointee.offset : nil)
            }
        }
        return (messages, error)
    }

    private static func convert(
        _ message: UnsafeMutablePointer<rd_kafka_message_t>, topicNames: inout TopicNameCache
    ) -> KafkaMessage {
        let m = message.pointee
        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &type)
        let timestampType: KafkaTimestampType =
            switch type {
            case RD_KAFKA_TIMESTAMP_CREATE_TIME: .createTime
            case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME: .logAppendTime
            default: .notAvailable
            }
        return KafkaMessage(
            topic: topicNames.name(of: m.rkt),
            partition: m.partition, offset: m.offset,
            key: m.key.map { Array(UnsafeRawBufferPointer(start: $0, count: m.key_len)) },
            value: m.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: m.len)) },
            headers: headers(of: message),
            timestamp: timestampType == .notAvailable ? nil : timestamp, timestampType: timestampType)
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var headers: OpaquePointer? = nil
        guard rd_kafka_message_headers(message, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR, let headers else {
            return []
        }
        var result: [KafkaHeader] = []
        for index in 0..<rd_kafka_header_cnt(headers) {
            var name: UnsafePointer<CChar>? = nil
            var value: UnsafeRawPointer? = nil
            var size = 0
            guard rd_kafka_header_get_all(headers, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR,
                let name
            else { continue }
            result.append(
                KafkaHeader(name: String(cString: name), value: value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }))
        }
        return result
    }
}

/// Remembers the last topic handle's name: a batch usually holds runs of one partition.
private struct TopicNameCache {
    private var last: (handle: OpaquePointer, name: String)? = nil

    mutating func name(of handle: OpaquePointer?) -> String {
        guard let handle else { return "" }
        if let last, last.handle == handle { return last.name }
        let name = String(cString: rd_kafka_topic_name(handle))
        last = (handle, name)
        return name
    }
}
