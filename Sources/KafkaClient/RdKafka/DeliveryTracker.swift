internal import CRdKafka
import Synchronization

/// Counts librdkafka's delivery reports for one producer between two flushes.
///
/// librdkafka calls ``record(_:)`` from inside `rd_kafka_poll`/`rd_kafka_flush`, on whichever
/// thread polls; a mutex makes that safe against a concurrent ``take()``.
final class DeliveryTracker: Sendable {
    private struct State {
        var delivered = 0
        var failures: [KafkaDeliveryFailure] = []
    }

    private let state = Mutex(State())

    /// Records one report. The message's `_private` opaque carries the id given by the producer.
    func record(_ message: rd_kafka_message_t) {
        if message.err == RD_KAFKA_RESP_ERR_NO_ERROR {
            state.withLock { $0.delivered += 1 }
            return
        }
        let topic = message.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "?"
        var keyPrefix: [UInt8]? = nil
        if let key = message.key {
            let bytes = UnsafeRawBufferPointer(start: key, count: min(message.key_len, 64))
            keyPrefix = Array(bytes)
        }
        let failure = KafkaDeliveryFailure(
            messageID: UInt64(UInt(bitPattern: message._private)), topic: topic,
            partition: message.partition, code: KafkaError.Code(message.err), keyPrefix: keyPrefix)
        state.withLock { $0.failures.append(failure) }
    }

    /// Records a failure found before the message reached librdkafka's queue.
    func record(_ failure: KafkaDeliveryFailure) {
        state.withLock { $0.failures.append(failure) }
    }

    /// Returns and resets the failures only, keeping the delivered count.
    func takeFailures() -> [KafkaDeliveryFailure] {
        state.withLock { state in
            defer { state.failures = [] }
            return state.failures
        }
    }

    /// Returns and resets what was reported since the previous call.
    func take() -> (delivered: Int, failures: [KafkaDeliveryFailure]) {
        state.withLock { state in
            defer { state = State() }
            return (state.delivered, state.failures)
        }
    }
}
