import Columnar
public import Connectors
import DocumentStore
import StreamSQL

/// A `CREATE TABLE … USING sqlite|postgres` sink: the rows of each batch written into a
/// document table by its `idField` (default `id`) with `mode` insert, upsert (default) or
/// merge, in one transaction with the batch id (``DocumentTableSink``), so a re-run batch
/// changes nothing. Owns the store connection and closes it when released.
final class SQLDocumentTableSink: StreamSink {
    var description: String { sink.description }
    private let store: any DocumentStore
    private let sink: DocumentTableSink

    private init(store: any DocumentStore, sink: DocumentTableSink) {
        self.store = store
        self.sink = sink
    }

    deinit {
        store.close()
    }

    /// Opens (creating when missing) the table `declaration` names: `path 'PATH#TABLE'`, or
    /// `path` and `table`; a `sqlite` path may omit the `sqlite:` prefix.
    static func open(_ declaration: SQLTableDeclaration, writer: String) throws -> SQLDocumentTableSink {
        var location = try SQLConnectors.path(declaration)
        if let name = declaration.option("table") { location += "#" + name }
        guard let hash = location.lastIndex(of: "#"), location.index(after: hash) < location.endIndex else {
            throw SQLError(.syntax, "name the document table: OPTIONS (path 'PATH#TABLE') or (path 'PATH', table 'NAME')", at: declaration.position)
        }
        var url = String(location[..<hash])
        if declaration.format == "sqlite", !url.hasPrefix("sqlite:") { url = "sqlite:" + url }
        let mode: DocumentWriteMode
        switch (declaration.option("mode") ?? "upsert").lowercased() {
        case "insert": mode = .insert
        case "upsert": mode = .upsert
        case "merge": mode = .merge
        case let other: throw SQLError(.syntax, "mode '\(other)' of `\(declaration.name)`: insert, upsert or merge", at: declaration.position)
        }
        let store = try DocumentStoreURL(url).open()
        do {
            let table = String(location[location.index(after: hash)...])
            let sink = try store.saveToTable(table, idField: declaration.option("idfield") ?? "id", mode: mode, writer: writer)
            return SQLDocumentTableSink(store: store, sink: sink)
        } catch {
            store.close()
            throw error
        }
    }

    func addBatch(_ batchId: Int64, _ batch: RecordBatch) throws {
        try sink.addBatch(batchId, batch)
    }
}
