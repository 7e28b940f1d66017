public import Columnar
import Connectors

/// Turns rows into documents: one JSON object per row, keys in column order.
///
/// Values are written as the JSON-lines sinks write them (`JSONLinesEncoder`: timestamps as
/// ISO-8601 UTC strings, structs as objects, arrays as lists), except that a top-level null is
/// **left out**: a document holds only the fields a row has, so sparse rows make sparse
/// documents, and in ``DocumentWriteMode/merge`` a null column keeps the stored field instead
/// of removing it. Nulls inside structs and arrays are kept.
public enum DocumentEncoder {
    /// The documents of the rows of `batch`, in row order.
    public static func documents(_ batch: RecordBatch) -> [Document] {
        let keys = batch.schema.fields.map { field -> [UInt8] in
            var key: [UInt8] = []
            JSONLinesEncoder.appendString(field.name, to: &key)
            key.append(0x3A)
            return key
        }
        var documents: [Document] = []
        documents.reserveCapacity(batch.rowCount)
        var out: [UInt8] = []
        for row in 0..<batch.rowCount {
            out.removeAll(keepingCapacity: true)
            out.append(0x7B)
            var first = true
            for (i, column) in batch.columns.enumerated() where !column.isNull(row) {
                if !first { out.append(0x2C) }
                first = false
                out.append(contentsOf: keys[i])
                JSONLinesEncoder.appendValue(column, row: row, to: &out)
            }
            out.append(0x7D)
            documents.append(Document(json: String(decoding: out, as: UTF8.self)))
        }
        return documents
    }
}
