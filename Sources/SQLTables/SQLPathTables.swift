public import Columnar
import Connectors
import DocumentStore
import FileConnector
public import StreamPlan
public import StreamSQL

/// Spark's path tables for `s360 sql`: a name ``format.`location` `` reads the location whole.
///
/// - ``parquet.`out/top_up_predictions` ``: a Parquet dataset; with a `_spark_metadata`
///   manifest only committed files are read (``ParquetDataset``), partition directories become columns;
/// - ``json.`data/crm.jsonl` ``: a JSON-lines file or directory, schema inferred as `spark.read.json` does;
/// - ``sqlite.`out/demo.db#customers` ``: a document table in an SQLite store, its flexible
///   schema inferred over all documents (fields a document lacks are null);
/// - ``postgres.`postgres://user@host:5432/db#customers` ``: the same in PostgreSQL.
public enum SQLPathTables {
    /// The formats, for messages.
    public static let formats = ["parquet", "json", "sqlite", "postgres"]

    /// A resolver for ``SQLCatalog``.
    public static func resolver() -> ([String]) throws -> DataFrame? {
        { parts in
            guard parts.count == 2 else { return nil }
            return try DataFrame.table(try read(format: parts[0], location: parts[1]))
        }
    }

    /// The rows at `location` in `format`.
    public static func read(format: String, location: String) throws(SQLError) -> RecordBatch {
        switch format.lowercased() {
        case "parquet":
            guard FileSystem.isDirectory(location) || FileSystem.isRegularFile(location) else {
                throw SQLError(.execution, "no Parquet file or dataset directory at \(location)")
            }
            do {
                return try ParquetDataset(path: location).read()
            } catch {
                throw SQLError(.execution, "cannot read the Parquet dataset at \(location): \(error)")
            }
        case "json":
            guard FileSystem.isDirectory(location) || FileSystem.isRegularFile(location) else {
                throw SQLError(.execution, "no JSON-lines file or directory at \(location)")
            }
            return try JSONLinesTable.read(location)
        case "sqlite", "postgres", "postgresql":
            guard let hash = location.lastIndex(of: "#") else {
                throw SQLError(.execution, "name the document table after '#': \(format).`\(location)#TABLE`")
            }
            let store = String(location[..<hash])
            let table = String(location[location.index(after: hash)...])
            let url = format.lowercased() == "sqlite" ? (store.hasPrefix("sqlite:") ? store : "sqlite:" + store) : store
            if format.lowercased() == "sqlite", !FileSystem.isRegularFile(String(url.dropFirst("sqlite:".count))) {
                throw SQLError(.execution, "no SQLite database at \(url.dropFirst("sqlite:".count))")
            }
            do {
                let opened = try DocumentStoreURL(url).open()
                defer { opened.close() }
                return try opened.openTable(table).scan()
            } catch {
                throw SQLError(.execution, "cannot read document table \(table) of \(store): \(error)")
            }
        default:
            throw SQLError(.resolution, "unknown table format `\(format)`; the formats are \(formats.joined(separator: ", ")), as in parquet.`path`")
        }
    }
}
