public import Columnar
public import Connectors

/// A streaming sink that writes each micro-batch's rows as documents into a ``DocumentTable``.
///
/// Each row becomes one document (see ``DocumentEncoder``: null columns are left out) keyed by
/// the table's id field, which must be a column of the batch. A batch is written in **one
/// transaction together with its batch id** (a ``DocumentBatchMarker`` named after the sink),
/// so it commits with the batch: a batch id the table already recorded is skipped, and a
/// re-run batch after a crash leaves exactly the documents of one run, whatever the mode
/// (`insert` included). Re-running with upsert or merge would rewrite the same documents
/// anyway; the marker also keeps `insert` from failing on its own earlier rows.
///
/// Calls block the query's thread while the database works (see ``DocumentTable``).
///
/// ```swift
/// let sink = try store.saveToTable("realtime_churn_predictions", idField: "id", mode: .upsert)
/// try sink.addBatch(0, predictions)
/// ```
public final class DocumentTableSink: StreamSink, Sendable {
    /// The table written to.
    public let table: any DocumentTable
    /// How documents whose id exists are treated.
    public let mode: DocumentWriteMode
    /// The name batch markers are recorded under; unique per query and sink.
    public let writer: String

    /// - Parameters:
    ///   - table: the destination.
    ///   - mode: insert, upsert or merge.
    ///   - writer: the name batch ids are recorded under (default: the table's name); two
    ///     queries writing to one table need different names.
    public init(table: any DocumentTable, mode: DocumentWriteMode, writer: String? = nil) {
        self.table = table
        self.mode = mode
        self.writer = writer ?? "sink:\(table.name)"
    }

    public var description: String { "DocumentTableSink[\(table.name), \(mode.rawValue)]" }

    /// Writes batch `batchId` in one transaction, unless the table already recorded it.
    /// - Throws: ``DocumentStoreError``; the batch may be retried.
    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        try write(batchId, batch)
    }

    /// ``addBatch(_:_:)`` with its typed error; returns false when the batch was already committed.
    @discardableResult
    public func write(_ batchId: Int64, _ batch: RecordBatch) throws(DocumentStoreError) -> Bool {
        guard batch.schema.fields.contains(where: { $0.name == table.idField }) else {
            throw .missingIDColumn(table: table.name, idField: table.idField, columns: batch.schema.names)
        }
        return try table.write(
            DocumentEncoder.documents(batch), mode: mode, marker: DocumentBatchMarker(writer: writer, batchId: batchId))
    }
}

extension DocumentStore {
    /// A sink saving each batch to table `table` (created with `idField` when missing):
    /// Spark's `saveToMapRDB(table, idFieldPath)` as a streaming sink.
    public func saveToTable(
        _ table: String, idField: String, mode: DocumentWriteMode = .upsert, writer: String? = nil
    ) throws(DocumentStoreError) -> DocumentTableSink {
        DocumentTableSink(table: try createTable(table, idField: idField), mode: mode, writer: writer)
    }
}
