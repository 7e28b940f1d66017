public import Columnar
import JSONIngest

extension DocumentTable {
    /// Adds one document; fails if its id exists.
    public func insert(_ document: Document) throws(DocumentStoreError) {
        try write([document], mode: .insert, marker: nil)
    }

    /// Adds documents in one transaction; fails, writing none, if any id exists.
    public func insert(_ documents: [Document]) throws(DocumentStoreError) {
        try write(documents, mode: .insert, marker: nil)
    }

    /// Adds or replaces one document.
    public func upsert(_ document: Document) throws(DocumentStoreError) {
        try write([document], mode: .upsert, marker: nil)
    }

    /// Adds or replaces documents in one transaction.
    public func upsert(_ documents: [Document]) throws(DocumentStoreError) {
        try write(documents, mode: .upsert, marker: nil)
    }

    /// Sets the fields of `patch` on the document with the same id, keeping its other fields
    /// (adds the patch as a document when the id is new).
    public func merge(_ patch: Document) throws(DocumentStoreError) {
        try write([patch], mode: .merge, marker: nil)
    }

    /// Merges patches in one transaction (see ``DocumentWriteMode/merge``).
    public func merge(_ patches: [Document]) throws(DocumentStoreError) {
        try write(patches, mode: .merge, marker: nil)
    }

    /// Writes documents in one transaction without a batch marker.
    @discardableResult
    public func write(_ documents: [Document], mode: DocumentWriteMode) throws(DocumentStoreError) -> Bool {
        try write(documents, mode: mode, marker: nil)
    }

    /// Deletes the document with id `id`; returns whether there was one.
    @discardableResult
    public func delete(_ id: DocumentID) throws(DocumentStoreError) -> Bool {
        try delete([id]) > 0
    }

    /// The documents matching every condition, ordered by id.
    public func find(where conditions: [DocumentCondition] = [], projection: [String]? = nil) throws(DocumentStoreError) -> [Document] {
        try find(where: conditions, projection: projection, limit: nil)
    }

    /// The number of documents in the table.
    public func count() throws(DocumentStoreError) -> Int {
        try count(where: [])
    }

    /// Every document as rows of `schema`, or of the schema inferred from all documents when
    /// none is given: `spark.read.json`'s rules, the union of fields sorted by name, a field a
    /// document lacks is null, mixed types widen (see `JSONSchemaInference`). Rows are ordered by id.
    public func scan(schema: Schema? = nil) throws(DocumentStoreError) -> RecordBatch {
        let lines = try jsonLines()
        let (batch, quarantine) = JSONDocumentReader.read(lines, source: name, schema: schema)
        if let bad = quarantine.first {
            throw .corruptDocument(
                table: name, excerpt: DocumentStoreError.excerpt(String(decoding: bad.messagePrefix, as: UTF8.self)),
                message: bad.error.description)
        }
        return batch
    }
}
