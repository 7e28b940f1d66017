internal import CRdKafka

/// Sole owner of an `rd_kafka_conf_t` until ``RdKafkaClient`` takes it over.
///
/// librdkafka takes ownership of a configuration when `rd_kafka_new` succeeds; ``take()`` hands
/// the pointer over and leaves nothing to free. Otherwise `deinit` destroys it.
final class RdKafkaConfig {
    private var handle: OpaquePointer?

    init(properties: [(name: String, value: String)]) throws(KafkaError) {
        guard let conf = rd_kafka_conf_new() else {
            throw .clientCreationFailed(role: "configuration", reason: "rd_kafka_conf_new returned NULL")
        }
        handle = conf
        for (name, value) in properties {
            try set(name, value)
        }
    }

    deinit {
        if let handle { rd_kafka_conf_destroy(handle) }
    }

    /// Sets one property, turning librdkafka's rejection into a typed error naming it.
    func set(_ name: String, _ value: String) throws(KafkaError) {
        guard let handle else { preconditionFailure("RdKafkaConfig used after take()") }
        var message = [CChar](repeating: 0, count: 512)
        let result = rd_kafka_conf_set(handle, name, value, &message, message.count)
        if result != RD_KAFKA_CONF_OK {
            throw .invalidConfiguration(property: name, value: value, reason: String(errorBuffer: message))
        }
    }

    /// The pointer, still owned by this object, for `rd_kafka_conf_set_*` calls.
    var pointer: OpaquePointer {
        guard let handle else { preconditionFailure("RdKafkaConfig used after take()") }
        return handle
    }

    /// Gives up ownership: call only once `rd_kafka_new` has succeeded with ``pointer``.
    func take() {
        handle = nil
    }
}

extension String {
    /// Decodes the NUL-terminated text librdkafka wrote into an error buffer.
    init(errorBuffer: [CChar]) {
        self.init(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
