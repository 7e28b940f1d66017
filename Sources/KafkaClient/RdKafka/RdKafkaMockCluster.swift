internal import CRdKafka

/// Sole owner of an `rd_kafka_mock_cluster_t`, and of the producer handle whose threads run it.
///
/// `deinit` destroys the cluster first; the handle (``client``) is released after, in that order.
/// `@unchecked Sendable` is safe: the mock cluster's API hands every call to its own thread
/// through a lock-protected queue, and the pointer never changes after `init`.
final class RdKafkaMockCluster: @unchecked Sendable {
    private let client: RdKafkaClient
    private let pointer: OpaquePointer

    init(brokers: Int) throws(KafkaError) {
        // A producer with no brokers of its own: it exists only to host the mock cluster.
        client = try RdKafkaClient(role: .producer, properties: [("log_level", "3")])
        guard let cluster = rd_kafka_mock_cluster_new(client.handle, Int32(clamping: brokers)) else {
            throw .clientCreationFailed(role: "mock cluster", reason: "rd_kafka_mock_cluster_new returned NULL")
        }
        pointer = cluster
    }

    deinit {
        rd_kafka_mock_cluster_destroy(pointer)
    }

    /// The brokers' `host:port` list, comma-separated.
    var bootstrapServers: String {
        String(cString: rd_kafka_mock_cluster_bootstraps(pointer))
    }

    func createTopic(_ name: String, partitions: Int, replicationFactor: Int) throws(KafkaError) {
        let err = rd_kafka_mock_topic_create(
            pointer, name, Int32(clamping: partitions), Int32(clamping: replicationFactor))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw .operationFailed(operation: "mock topic creation", code: .init(err), topic: name, partition: nil)
        }
    }

    func setAPIVersion(key: Int16, min: Int16, max: Int16) throws(KafkaError) {
        let err = rd_kafka_mock_set_apiversion(pointer, key, min, max)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw .operationFailed(operation: "mock API version limit", code: .init(err), topic: nil, partition: nil)
        }
    }
}
