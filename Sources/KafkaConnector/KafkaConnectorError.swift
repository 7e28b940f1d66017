public import KafkaClient

/// Errors raised by the Kafka source and sink, each with the topic, partition and offsets involved.
///
/// Client failures keep librdkafka's own error (``KafkaClient/KafkaError``) as `underlying`, so
/// the message says both what Stream360 was doing and what the broker or client answered.
public enum KafkaConnectorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Offsets the query needs are no longer on the broker (retention, or the mock's 5 MiB cap).
    /// Set `failOnDataLoss` to false to skip ahead to `earliestAvailable` instead.
    case dataLoss(topic: String, partition: Int32, requestedOffset: Int64, earliestAvailable: Int64)
    /// A partition in a recorded offset no longer exists (topic deleted or recreated smaller).
    case partitionGone(topic: String, partition: Int32, offset: Int64)
    /// A recorded range could not be read completely within the fetch timeout.
    case incompleteRange(topic: String, partition: Int32, from: Int64, until: Int64, reached: Int64)
    /// An offset JSON that is not Spark's `{"topic":{"partition":offset}}` shape.
    case invalidOffset(json: String, reason: String)
    /// The subscription matched no topic in the cluster.
    case noMatchingTopics(subscription: String)
    /// A client call failed; `operation` says what the source or sink was doing.
    case client(operation: String, underlying: KafkaError)
    /// The batch handed to the sink lacks a required column or has it with the wrong type.
    case invalidColumn(name: String, expected: String, available: [String])
    /// A row's value is larger than the producer may send (`message.max.bytes`).
    case valueTooLarge(batchId: Int64, row: Int, topic: String, bytes: Int, limit: Int)
    /// A row has no destination: neither a `topic` column value nor a configured topic.
    case missingTopic(batchId: Int64, row: Int)
    /// Some messages of a batch were not acknowledged; the batch is not committed and may be retried.
    case batchNotDelivered(batchId: Int64, underlying: KafkaError)

    public var description: String {
        switch self {
        case .dataLoss(let topic, let partition, let requested, let earliest):
            "data loss on \(topic)[\(partition)]: offset \(requested) is gone, the earliest retained offset is \(earliest); "
                + "restart from a newer offset or set failOnDataLoss=false to skip ahead"
        case .partitionGone(let topic, let partition, let offset):
            "\(topic)[\(partition)] (recorded at offset \(offset)) no longer exists in the cluster"
        case .incompleteRange(let topic, let partition, let from, let until, let reached):
            "could not read \(topic)[\(partition)] offsets \(from)..<\(until): only reached \(reached) before the fetch timeout; "
                + "is the broker reachable, and did it keep the data?"
        case .invalidOffset(let json, let reason):
            "invalid Kafka source offset \(json.prefix(200)): \(reason); expected {\"topic\":{\"0\":42}}"
        case .noMatchingTopics(let subscription):
            "no Kafka topic matches \(subscription); create the topic or check the name"
        case .client(let operation, let underlying):
            "Kafka \(operation) failed: \(underlying)"
        case .invalidColumn(let name, let expected, let available):
            "the Kafka sink needs a column '\(name)' of type \(expected); the batch has \(available.joined(separator: ", "))"
        case .valueTooLarge(let batchId, let row, let topic, let bytes, let limit):
            "batch \(batchId) row \(row): a \(bytes)-byte value for \(topic) exceeds the limit of \(limit) bytes "
                + "(message.max.bytes); raise it on the producer and the broker, or send smaller values"
        case .missingTopic(let batchId, let row):
            "batch \(batchId) row \(row): no topic; give the sink a topic or the batch a non-null `topic` column"
        case .batchNotDelivered(let batchId, let underlying):
            "batch \(batchId) was not committed: \(underlying)"
        }
    }
}
