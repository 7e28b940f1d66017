import Columnar
import JSONIngest

/// Decodes `messages` (one JSON text each) against `fields` and returns the batch and decoder.
func decodeAll(_ messages: [String], _ fields: [Field]) -> (batch: RecordBatch, decoder: JSONRecordDecoder, outcomes: [DecodeOutcome]) {
    var decoder = JSONRecordDecoder(schema: Schema(fields), source: "test")
    var outcomes: [DecodeOutcome] = []
    for (index, message) in messages.enumerated() {
        outcomes.append(decoder.decode(message: Array(message.utf8), position: .memory(index: index)))
    }
    return (decoder.finish(), decoder, outcomes)
}

extension RecordBatch {
    /// Column `index` as scalars.
    func values(_ index: Int) -> [Scalar] { columns[index].scalars }
}
