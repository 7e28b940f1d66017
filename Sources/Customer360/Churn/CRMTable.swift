import Columnar
import Connectors
import DocumentStore
import JSONIngest

/// Loads the CRM documents for the churn pipeline's stream-static join, from a JSON-lines export
/// or from a document store table: `sqlite:PATH#TABLE` or `postgres://…#TABLE`.
///
/// Either way the schema is inferred as `spark.read.json` infers it (the sorted union of the
/// documents' fields), so the join sees the same columns whichever the source.
enum CRMTable {
    struct Loaded {
        var rows: RecordBatch
        var rejectedDocuments: Int
        var description: String
    }

    static func load(_ location: String) throws -> Loaded {
        if location.hasPrefix("sqlite:") || location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            guard let hash = location.lastIndex(of: "#"), location.index(after: hash) < location.endIndex else {
                throw ConnectorError.unreadableLocation(location, reason: "name the table after '#', e.g. sqlite:demo/customer360.sqlite#crm")
            }
            let url = try DocumentStoreURL(String(location[..<hash]))
            let table = String(location[location.index(after: hash)...])
            let store = try url.open(readOnly: true)  // a lookup: a missing SQLite file is an error, not created
            defer { store.close() }
            let rows = try store.openTable(table).scan()
            return Loaded(rows: rows, rejectedDocuments: 0, description: "\(url) table \(table)")
        }
        let (rows, rejected) = JSONDocumentReader.read(try FileSystem.readAll(location), source: location)
        return Loaded(rows: rows, rejectedDocuments: rejected.count, description: location)
    }
}
