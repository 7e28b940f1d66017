/// An in-memory Kafka cluster inside this process: librdkafka's mock cluster, for development and tests.
///
/// The brokers listen on random loopback ports (librdkafka 2.0.2 has no fixed-port setting), so
/// clients in this process or others (kcat, kafka-python) connect through ``bootstrapServers``.
/// Data lives in memory only and disappears with the cluster; each partition keeps about 5 MiB and
/// silently drops older message sets beyond that, so use enough partitions and keyed messages for
/// large volumes. For real work give a real Kafka or Redpanda address to ``KafkaConfiguration``.
///
/// The cluster limits ListOffsets to v0–v3: librdkafka 2.0.2's mock answers v4+ wrongly, which
/// stops clients such as kafka-python 2.3 from resetting offsets.
///
/// ```swift
/// let cluster = try KafkaMockCluster()
/// try cluster.createTopic("clickstream", partitions: 4)
/// let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
/// ```
public final class KafkaMockCluster: Sendable {
    private let cluster: RdKafkaMockCluster

    /// The brokers' `host:port` list, comma-separated, as `bootstrap.servers` expects it.
    public let bootstrapServers: String

    /// Starts a cluster of `brokers` brokers on loopback ports; it stops when the object is released.
    public init(brokers: Int = 1) throws(KafkaError) {
        guard brokers >= 1 else {
            throw .invalidConfiguration(property: "brokers", value: String(brokers), reason: "a cluster needs at least one broker")
        }
        cluster = try RdKafkaMockCluster(brokers: brokers)
        bootstrapServers = cluster.bootstrapServers
        try cluster.setAPIVersion(key: 2 /* ListOffsets */, min: 0, max: 3)
    }

    /// Creates a topic with `partitions` partitions (replication is capped by the broker count).
    ///
    /// Topics a client names without creating them are auto-created by the mock with its default
    /// partition count; create them here to choose the count.
    public func createTopic(_ name: String, partitions: Int = 1, replicationFactor: Int = 1) throws(KafkaError) {
        guard partitions >= 1 else {
            throw .invalidConfiguration(property: "partitions", value: String(partitions), reason: "a topic needs at least one partition")
        }
        try cluster.createTopic(name, partitions: partitions, replicationFactor: replicationFactor)
    }
}
