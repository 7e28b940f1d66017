public import Columnar
public import KafkaConnector
import Connectors

extension TopUpTargeting {
    /// The seed's `Statewide_customer_count` message for a scored batch: key = the batch's largest
    /// `window_end` among predicted rows, value = `{"<key>":[{State, target_customers}…],"batch_id":k}`.
    /// Nil when no row of the batch has prediction 1.0 (nothing is published, as in the seed).
    public static func stateCountsDocument(batchId: Int64, scored batch: RecordBatch) throws(ColumnarError) -> KafkaBatchPublisher.Document? {
        guard let counts = try stateCounts(batchId: batchId, scored: batch) else { return nil }
        var value: [UInt8] = []
        JSONLinesEncoder.encode(counts, into: &value)
        if value.last == UInt8(ascii: "\n") { value.removeLast() }
        return KafkaBatchPublisher.Document(key: counts.schema.fields.first?.name, value: value)
    }
}
