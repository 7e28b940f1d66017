public import Columnar
public import Connectors
import KafkaClient

/// A `foreachBatch` helper that publishes one JSON document per micro-batch, as the seed's per-state counts.
///
/// The seed's top-up job writes, for each batch, one Kafka message to `Statewide_customer_count`
/// whose key is the batch's largest `window_end` and whose value is the batch's records as JSON.
/// ``foreachBatchSink(name:document:)`` turns a function from a batch to such a document into a
/// sink. Keying by a value of the data (not by the batch id) is what makes the published stream
/// idempotent for a consumer that keeps the latest value per key (a compacted topic, a table):
/// a re-run batch republishes the same key with the same value. The publisher also skips batch
/// ids it already delivered in this process; across a crash the document may be published twice.
public final class KafkaBatchPublisher {
    /// One message: a key (nil for none) and the document bytes.
    public struct Document: Sendable, Hashable {
        /// The message key, such as the batch's max `window_end`.
        public var key: String?
        /// The message value, typically JSON.
        public var value: [UInt8]

        /// Creates a document.
        public init(key: String?, value: [UInt8]) {
            self.key = key
            self.value = value
        }
    }

    private let sink: KafkaSink

    /// Creates a publisher writing to `configuration.topic`.
    public init(configuration: KafkaSinkConfiguration) throws(KafkaConnectorError) {
        var configuration = configuration
        configuration.batchIdHeaders = true
        sink = try KafkaSink(configuration: configuration)
    }

    /// Publishes a batch's document and waits for its acknowledgement; a batch id already published is skipped.
    public func publish(batchId: Int64, _ document: Document) throws {
        var keys = ColumnBuilder(type: .string)
        if let key = document.key { keys.append(key) } else { keys.appendNull() }
        var values = ColumnBuilder(type: .string)
        document.value.withUnsafeBufferPointer { values.append(utf8: $0) }
        let batch = RecordBatch(
            trusted: Schema([Field("key", .string), Field("value", .string)]), columns: [keys.finish(), values.finish()], rowCount: 1)
        try sink.addBatch(batchId, batch)
    }

    /// A `foreachBatch` sink: `document` makes each batch's message, or nil to publish nothing for it.
    public func foreachBatchSink(name: String, document: @escaping (Int64, RecordBatch) throws -> Document?) -> ForeachBatchSink {
        ForeachBatchSink(name: name) { [self] batchId, batch in
            if let message = try document(batchId, batch) { try publish(batchId: batchId, message) }
        }
    }

    /// A batch as a document keyed by the maximum of `keyColumn` (timestamps as ISO-8601 UTC), the
    /// value being the batch's rows as JSON lines; nil for an empty batch.
    public static func document(of batch: RecordBatch, keyedByMaxOf keyColumn: String) throws(ColumnarError) -> Document? {
        guard batch.rowCount > 0 else { return nil }
        let column = try batch.column(keyColumn)
        var key: String?
        switch column.storage {
        case .int64(let values):
            let maximum = (0..<column.count).filter { !column.isNull($0) }.map { values[$0] }.max()
            key = maximum.map { column.type == .timestamp ? TimestampFormat.iso8601(micros: $0) : String($0) }
        case .int32(let values):
            key = (0..<column.count).filter { !column.isNull($0) }.map { values[$0] }.max().map { String($0) }
        case .utf8(let strings):
            key = (0..<column.count).filter { !column.isNull($0) }.map { strings.string($0) }
                .max { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        default:
            key = nil
        }
        var value: [UInt8] = []
        JSONLinesEncoder.encode(batch, into: &value)
        if value.last == UInt8(ascii: "\n") { value.removeLast() }
        return Document(key: key, value: value)
    }
}
