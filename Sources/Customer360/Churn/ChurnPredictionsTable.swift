import Columnar
public import Connectors
import DocumentStore

/// Saves the churn scores into a document table, as the seed saved its predictions back into
/// the document store: per scored batch, the latest score of each customer in it, upserted by
/// `user_id` in one transaction with the batch id (``DocumentTableSink``), so a re-run batch
/// changes nothing.
///
/// Each document: `user_id`, `churn_prediction`, `churn_probability`, `churn_label`, and
/// `last_event` (the `datetime` of the click that was scored).
public final class ChurnPredictionsTable: StreamSink {
    public var description: String { sink.description }
    private let store: any DocumentStore
    private let sink: DocumentTableSink

    private init(store: any DocumentStore, sink: DocumentTableSink) {
        self.store = store
        self.sink = sink
    }

    deinit {
        store.close()
    }

    /// Opens (creating when missing) the table `location` names: `sqlite:PATH#TABLE` or
    /// `postgres://…#TABLE`.
    /// - Throws: ``ConnectorError`` for a location without a table, ``DocumentStoreError``.
    public static func open(_ location: String) throws -> ChurnPredictionsTable {
        guard let hash = location.lastIndex(of: "#"), location.index(after: hash) < location.endIndex,
              location.hasPrefix("sqlite:") || location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") else {
            throw ConnectorError.unreadableLocation(
                location, reason: "--save-predictions takes a document table, sqlite:PATH#TABLE or postgres://…#TABLE")
        }
        let store = try DocumentStoreURL(String(location[..<hash])).open()
        do {
            let table = String(location[location.index(after: hash)...])
            let sink = try store.saveToTable(table, idField: "user_id", mode: .upsert, writer: "s360 churn predictions")
            return ChurnPredictionsTable(store: store, sink: sink)
        } catch {
            store.close()
            throw error
        }
    }

    /// Upserts the latest score of each customer in the scored batch `batch`.
    public func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        let users = try batch.column("user_id")
        var latest: [Scalar: Int] = [:]
        for row in 0..<batch.rowCount where !users.isNull(row) { latest[users.scalar(at: row)] = row }
        let picked = batch.take(latest.values.sorted())
        let renamed: [(from: String, to: String)] = [
            ("user_id", "user_id"), ("prediction", "churn_prediction"), ("probability", "churn_probability"),
            ("churn_label", "churn_label"), ("datetime", "last_event"),
        ]
        var fields: [Field] = []
        var columns: [Column] = []
        for (from, to) in renamed {
            let column = try picked.column(from)
            fields.append(Field(to, column.type))
            columns.append(column)
        }
        try sink.addBatch(batchId, try RecordBatch(schema: Schema(fields), columns: columns, rowCount: picked.rowCount))
    }
}
