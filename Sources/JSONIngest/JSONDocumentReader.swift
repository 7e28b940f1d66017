public import Columnar

/// Reads a JSON-lines file of documents as one batch, like Spark's batch `spark.read.json`.
///
/// The schema is inferred from all documents (see ``JSONSchemaInference``) unless one is
/// given; each line is one document; blank lines are skipped; lines that are not JSON objects
/// are quarantined with their line number instead of failing the read. As Spark 4 reads files,
/// a number, boolean, object or array in a field inferred as a string keeps its exact text
/// (``JSONRecordDecoder/exactStringParsing``): `{"churn_risk": 23.50}` beside
/// `{"churn_risk": "high"}` gives the strings `"23.50"` and `"high"`.
public enum JSONDocumentReader {
    /// The documents in `bytes` (one per line) as rows of `schema`, or of the inferred schema.
    public static func read(
        _ bytes: [UInt8], source: String, schema given: Schema? = nil
    ) -> (batch: RecordBatch, quarantine: [QuarantinedMessage]) {
        let schema: Schema
        if let given {
            schema = given
        } else {
            var inference = JSONSchemaInference()
            TextLines.forEachLine(in: bytes) { line, _ in
                if !isBlank(line) { inference.add(document: line) }
            }
            schema = inference.schema
        }
        var decoder = JSONRecordDecoder(schema: schema, source: source, quarantineLimit: Int.max)
        decoder.exactStringParsing = true
        TextLines.forEachLine(in: bytes) { line, number in
            guard !isBlank(line) else { return }
            _ = decoder.decode(message: UnsafeRawBufferPointer(line), position: .file(path: source, line: number))
        }
        let quarantine = decoder.quarantine.removeAll()
        return (decoder.finish(), quarantine)
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
