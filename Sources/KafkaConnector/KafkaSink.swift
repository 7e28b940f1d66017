public import Columnar
public import Connectors
import KafkaClient

/// Spark's Kafka sink: each row of a batch becomes one message, written by an idempotent producer.
///
/// Columns: `value` (string, required), `key` (string, optional), `topic` (string, optional, else
/// ``KafkaSinkConfiguration/topic``), `headers` (optional, `array<struct<key: string, value: string>>`).
/// A batch is committed only when the broker acknowledged every one of its messages; otherwise
/// ``addBatch(_:_:)`` throws ``KafkaConnectorError/batchNotDelivered(batchId:underlying:)`` with
/// librdkafka's error and the query fails the batch, to be retried.
///
/// Exactly once, honestly: the idempotent producer stops librdkafka's own retries from duplicating
/// or reordering messages within a partition, and the sink remembers the batch ids it committed, so
/// a batch re-run in the same process is skipped. Without Kafka transactions that is as far as it
/// goes: if a batch fails after some of its messages were delivered, or the process dies between the
/// deliveries and the query's commit, the re-run batch writes those messages again (at least once,
/// as Spark's Kafka sink). Every message therefore carries `stream360-batch-id` and `stream360-row`
/// headers (unless turned off), so a consumer can drop duplicates by (batch id, row).
public final class KafkaSink: StreamSink {
    /// The configuration the sink was created with.
    public let configuration: KafkaSinkConfiguration
    public var description: String { "KafkaSink[\(configuration.topic ?? "topic column")]" }
    private let producer: KafkaProducer
    /// Batch ids whose every message was acknowledged, newest last (a few are kept).
    public private(set) var committedBatchIds: [Int64] = []

    /// Creates a sink; librdkafka connects in the background.
    public init(configuration: KafkaSinkConfiguration) throws(KafkaConnectorError) {
        self.configuration = configuration
        do { producer = try KafkaProducer(configuration: configuration.producerConfiguration) } catch {
            throw .client(operation: "creating the sink's producer", underlying: error)
        }
    }

    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        guard !committedBatchIds.contains(batchId) else { return }
        let records = try Self.records(of: batch, batchId: batchId, configuration: configuration)
        do {
            for record in records { try producer.send(record) }
            try producer.flush(timeout: configuration.deliveryTimeout)
        } catch {
            throw KafkaConnectorError.batchNotDelivered(batchId: batchId, underlying: error)
        }
        committedBatchIds.append(batchId)
        if committedBatchIds.count > 100 { committedBatchIds.removeFirst(committedBatchIds.count - 100) }
    }

    /// The messages for a batch's rows, checked against the size limit before anything is sent.
    static func records(
        of batch: RecordBatch, batchId: Int64, configuration: KafkaSinkConfiguration
    ) throws(KafkaConnectorError) -> [KafkaProducerRecord] {
        let value = try column("value", of: batch, type: .string, required: true)
        let key = try column("key", of: batch, type: .string, required: false)
        let topic = try column("topic", of: batch, type: .string, required: false)
        let headers = try column(
            "headers", of: batch, type: .array(.structure([Field("key", .string), Field("value", .string)])), required: false)
        var records: [KafkaProducerRecord] = []
        records.reserveCapacity(batch.rowCount)
        for row in 0..<batch.rowCount {
            let destination = topic.flatMap { $0.isNull(row) ? nil : $0.strings.string(row) } ?? configuration.topic
            guard let destination else { throw .missingTopic(batchId: batchId, row: row) }
            var record = KafkaProducerRecord(
                topic: destination, key: key.flatMap { bytes($0, row) }, value: value.flatMap { bytes($0, row) })
            if let headers, case .array(let entries) = headers.scalar(at: row) {
                for case .structure(let fields) in entries where fields.count == 2 {
                    guard case .string(let name) = fields[0] else { continue }
                    if case .string(let text) = fields[1] {
                        record.headers.append(KafkaHeader(name: name, string: text))
                    } else {
                        record.headers.append(KafkaHeader(name: name, value: nil))
                    }
                }
            }
            if configuration.batchIdHeaders {
                record.headers += [KafkaHeader(name: "stream360-batch-id", string: String(batchId)),
                                   KafkaHeader(name: "stream360-row", string: String(row))]
            }
            let size = (record.value?.count ?? 0) + (record.key?.count ?? 0)
                + record.headers.reduce(0) { $0 + $1.name.utf8.count + ($1.value?.count ?? 0) }
            if size > configuration.maxMessageBytes {
                throw .valueTooLarge(batchId: batchId, row: row, topic: destination, bytes: size, limit: configuration.maxMessageBytes)
            }
            records.append(record)
        }
        return records
    }

    private static func column(
        _ name: String, of batch: RecordBatch, type: DataType, required: Bool
    ) throws(KafkaConnectorError) -> Column? {
        guard let index = batch.schema.fields.firstIndex(where: { $0.name == name }) else {
            if required { throw .invalidColumn(name: name, expected: "\(type)", available: batch.schema.fields.map(\.name)) }
            return nil
        }
        guard "\(batch.schema.fields[index].type)" == "\(type)" else {  // nullability of nested fields aside
            throw .invalidColumn(name: name, expected: "\(type)", available: batch.schema.fields.map { "\($0.name): \($0.type)" })
        }
        return batch.columns[index]
    }

    private static func bytes(_ column: Column, _ row: Int) -> [UInt8]? {
        column.isNull(row) ? nil : column.strings.withUTF8(row) { Array($0) }
    }
}
