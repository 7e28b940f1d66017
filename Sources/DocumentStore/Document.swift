public import Columnar
import Connectors
import JSONIngest

/// One JSON object stored in a ``DocumentTable``, kept as its JSON text.
///
/// Documents are raw JSON rather than a tree of values: the databases parse and normalize
/// them (SQLite's `json()`, PostgreSQL's `jsonb`), rows become documents through the same
/// encoder as the JSON-lines sinks, and scans decode many documents at once straight into
/// columns with JSONIngest. So the store never holds a per-field dictionary, and a document
/// may carry any fields (sparse fields cost nothing). Read single fields with ``fields``.
///
/// Text read back from a store is normalized by the backend: SQLite minifies it and keeps the
/// key order; PostgreSQL orders keys by length then bytes and writes `{"a": 1}` with spaces.
///
/// ```swift
/// let doc = Document(["user_id": "u1", "name": "Zoë \"Z\"", "age": 42])
/// let same = Document(json: #"{"user_id":"u1","name":"Zoë \"Z\"","age":42}"#)
/// ```
public struct Document: Sendable, Hashable, CustomStringConvertible {
    /// The document as JSON text (one object).
    public var json: String

    /// A document from JSON text; the store checks that it is an object when it is written.
    public init(json: String) {
        self.json = json
    }

    /// A document from top-level fields, in order.
    public init(_ fields: KeyValuePairs<String, DocumentValue>) {
        var out: [UInt8] = [0x7B]
        for (i, (name, value)) in fields.enumerated() {
            if i > 0 { out.append(0x2C) }
            JSONLinesEncoder.appendString(name, to: &out)
            out.append(0x3A)
            value.append(to: &out)
        }
        out.append(0x7D)
        json = String(decoding: out, as: UTF8.self)
    }

    /// The document's top-level fields as scalars, typed as `spark.read.json` would infer them
    /// (objects as ``Scalar/structure(_:)`` with fields in name order); empty if it is not JSON.
    public var fields: [String: Scalar] {
        let (batch, _) = JSONDocumentReader.read(Array(json.utf8), source: "document")
        guard batch.rowCount == 1 else { return [:] }
        var result: [String: Scalar] = [:]
        for (field, column) in zip(batch.schema.fields, batch.columns) {
            result[field.name] = column.scalar(at: 0)
        }
        return result
    }

    /// The value of one top-level field, or ``Scalar/null`` when it is missing.
    public subscript(field: String) -> Scalar {
        fields[field] ?? .null
    }

    public var description: String { json }
}
