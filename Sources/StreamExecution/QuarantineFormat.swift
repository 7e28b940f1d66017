import Columnar
import Connectors
import JSONIngest

/// How a quarantined message is written to `quarantine/batch-N.jsonl`: one JSON object per
/// message with the batch id, source, position, error, byte offset and the message's start.
enum QuarantineFormat {
    static func jsonLine(_ message: QuarantinedMessage, batchId: Int64) -> String {
        let schema = Schema([
            Field("batchId", .long), Field("source", .string), Field("position", .string),
            Field("error", .string), Field("errorOffset", .long), Field("messageLength", .long), Field("message", .string),
        ])
        let row = RecordBatch(trusted: schema, columns: [
            .longs([batchId]), .strings([message.source]), .strings([message.position.description]),
            .strings([message.error.description]), .longs([Int64(message.errorOffset)]),
            .longs([Int64(message.messageLength)]), .strings([String(decoding: message.messagePrefix, as: UTF8.self)]),
        ], rowCount: 1)
        var line = JSONLinesEncoder.string(row)
        line.removeLast()
        return line
    }
}
