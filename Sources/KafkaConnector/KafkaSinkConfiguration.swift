public import KafkaClient

/// Where and how a ``KafkaSink`` writes: Spark's Kafka sink options as typed values.
public struct KafkaSinkConfiguration: Sendable {
    /// Comma-separated `host:port` bootstrap servers.
    public var bootstrapServers: String
    /// The topic for rows without a `topic` column value (Spark's `topic` option); nil requires the column.
    public var topic: String?
    /// The largest value (plus key and headers) the sink sends (librdkafka's `message.max.bytes`,
    /// 1,000,000 by default); a larger row fails its batch with ``KafkaConnectorError/valueTooLarge(batchId:row:topic:bytes:limit:)``.
    /// The broker has its own limit (Kafka's `message.max.bytes`, about 1 MB by default).
    public var maxMessageBytes: Int = 1_000_000
    /// How long a batch may wait for its delivery reports before it fails.
    public var deliveryTimeout: Duration = .seconds(30)
    /// Stamp each message with `stream360-batch-id` and `stream360-row` headers, so that a consumer
    /// can drop the duplicates an at-least-once retry may write (see ``KafkaSink``).
    public var batchIdHeaders: Bool = true
    /// Other librdkafka producer properties (Spark's `kafka.`-prefixed options), applied last.
    public var properties: [String: String] = [:]

    /// Creates a configuration writing to `topic` (or to each row's `topic` column when nil).
    public init(bootstrapServers: String, topic: String?) {
        self.bootstrapServers = bootstrapServers
        self.topic = topic
    }

    /// The producer configuration: idempotent, `acks=all`.
    var producerConfiguration: KafkaConfiguration {
        var configuration = KafkaConfiguration(bootstrapServers: bootstrapServers)
        configuration.clientID = "stream360-sink"
        configuration.enableIdempotence = true
        configuration.acks = .all
        configuration.maxMessageBytes = maxMessageBytes
        configuration.messageTimeout = deliveryTimeout
        configuration.properties = properties
        return configuration
    }
}
