import Columnar
import Connectors
import KafkaClient
import KafkaConnector
import Testing

/// Shared helpers: an in-process mock cluster, producing, and draining a source batch by batch.
enum KafkaConnectorTestSupport {
    static func cluster(_ topics: [String: Int]) throws -> KafkaMockCluster {
        let cluster = try KafkaMockCluster()
        for (topic, partitions) in topics.sorted(by: { $0.key < $1.key }) {
            try cluster.createTopic(topic, partitions: partitions)
        }
        return cluster
    }

    /// Sends `values` to explicit partitions (`partition(i)`) and waits for every acknowledgement.
    static func produce(
        _ cluster: KafkaMockCluster, topic: String, _ values: [String], partition: (Int) -> Int32? = { _ in nil }
    ) throws {
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers))
        for (i, value) in values.enumerated() {
            try producer.send(KafkaProducerRecord(topic: topic, partition: partition(i), key: "k\(i)", value: value))
        }
        try producer.close(timeout: .seconds(10))
    }

    static func source(
        _ cluster: KafkaMockCluster, _ subscription: KafkaSourceConfiguration.Subscription,
        starting: KafkaSourceConfiguration.StartingOffsets = .earliest, failOnDataLoss: Bool = true
    ) throws -> KafkaSource {
        var configuration = KafkaSourceConfiguration(bootstrapServers: cluster.bootstrapServers, subscription: subscription)
        configuration.startingOffsets = starting
        configuration.failOnDataLoss = failOnDataLoss
        configuration.fetchTimeout = .seconds(10)
        return try KafkaSource(configuration: configuration)
    }

    /// One planned and read batch: its range and rows.
    struct Batch {
        var start: SourceOffset?
        var end: SourceOffset
        var rows: RecordBatch
    }

    /// Plans and reads batches as the query does until the source has nothing new (at most `limit` batches).
    static func drain(_ source: KafkaSource, from start: SourceOffset? = nil, limit: ReadLimit, maxBatches: Int = 1000) throws -> [Batch] {
        var batches: [Batch] = []
        var committed = start
        while batches.count < maxBatches, let end = try source.latestOffset(after: committed, limit: limit), end != committed {
            batches.append(Batch(start: committed, end: end, rows: try source.read(from: committed, to: end)))
            committed = end
        }
        return batches
    }

    /// The rows of a batch as (topic, partition, offset, key, value) tuples rendered as strings.
    static func rows(_ batch: RecordBatch) -> [String] {
        (0..<batch.rowCount).map { row in
            batch.row(row).map { "\($0)" }.joined(separator: "|")
        }
    }

    /// `value` column contents (`<null>` for null).
    static func values(_ batch: RecordBatch) throws -> [String] {
        let column = try batch.column("value")
        return (0..<batch.rowCount).map { column.isNull($0) ? "<null>" : column.strings.string($0) }
    }
}
