import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The embedded document store: one SQLite database through GRDB.
///
/// Uses the system SQLite (Debian's 3.40 has the JSON1 functions: `json_extract`, `json_patch`,
/// `json_each`; no JSONB), so documents are stored as minified JSON text. GRDB's `DatabaseQueue`
/// is synchronous: every call runs on the caller's thread, serialized by the queue. Calls are
/// short (a write of 10,000 documents takes tens of milliseconds), so the engine calls them
/// from its query thread; async callers should do the same or accept a brief block.
final class SQLiteDocumentStore: DocumentStore {
    let url: DocumentStoreURL
    private let queue: DatabaseQueue

    /// Opens (or creates) the database; with `readOnly`, opens an existing file without writing to it.
    init(url: DocumentStoreURL, readOnly: Bool = false) throws(DocumentStoreError) {
        self.url = url
        if readOnly, case .sqliteFile(let path) = url.location, !Self.fileExists(path) {
            throw .connectionFailed(
                url: url.description,
                message: "the database file \(path) does not exist; check the path (a source or lookup reads an existing store, it does not create one)")
        }
        do {
            var configuration = Configuration()
            configuration.label = "stream360.documents"
            if case .sqliteFile = url.location { configuration.readonly = readOnly }
            switch url.location {
            case .sqliteFile(let path): queue = try DatabaseQueue(path: path, configuration: configuration)
            default: queue = try DatabaseQueue(configuration: configuration)
            }
            if readOnly, case .sqliteFile = url.location { return }
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS stream360_document_tables (name TEXT PRIMARY KEY, id_field TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS stream360_batch_commits (
                        writer TEXT NOT NULL, tbl TEXT NOT NULL, batch_id INTEGER NOT NULL, PRIMARY KEY (writer, tbl, batch_id));
                    """)
            }
        } catch {
            throw .connectionFailed(url: url.description, message: Self.message(error))
        }
    }

    /// Whether `path` exists (any kind of file: SQLite reports what else is wrong with it).
    private static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    func createTable(_ name: String, idField: String) throws(DocumentStoreError) -> any DocumentTable {
        try DocumentNames.checkTable(name)
        try DocumentNames.checkField(idField)
        let existing: String? = try run("create table", table: name) { db in
            if let existing = try String.fetchOne(
                db, sql: "SELECT id_field FROM stream360_document_tables WHERE name = ?", arguments: [name]) {
                return existing
            }
            for statement in SQLiteSQL(table: name, idField: idField).createStatements {
                try db.execute(sql: statement)
            }
            try db.execute(sql: "INSERT INTO stream360_document_tables(name, id_field) VALUES (?, ?)", arguments: [name, idField])
            return nil
        }
        if let existing, existing != idField {
            throw .tableExists(table: name, idField: existing, url: url.description)
        }
        return SQLiteDocumentTable(name: name, idField: idField, queue: queue, url: url)
    }

    func openTable(_ name: String) throws(DocumentStoreError) -> any DocumentTable {
        try DocumentNames.checkTable(name)
        let idField = try run("open table", table: name) { db in
            try String.fetchOne(db, sql: "SELECT id_field FROM stream360_document_tables WHERE name = ?", arguments: [name])
        }
        guard let idField else { throw .tableNotFound(table: name, url: url.description) }
        return SQLiteDocumentTable(name: name, idField: idField, queue: queue, url: url)
    }

    func dropTable(_ name: String) throws(DocumentStoreError) -> Bool {
        try DocumentNames.checkTable(name)
        return try run("drop table", table: name) { db in
            try db.execute(sql: "DELETE FROM stream360_document_tables WHERE name = ?", arguments: [name])
            let existed = db.changesCount > 0
            try db.execute(sql: "DELETE FROM stream360_batch_commits WHERE tbl = ?", arguments: [name])
            try db.execute(sql: "DROP TABLE IF EXISTS \"\(name)\"")
            return existed
        }
    }

    func tableNames() throws(DocumentStoreError) -> [String] {
        try run("list tables", table: "") { db in
            try String.fetchAll(db, sql: "SELECT name FROM stream360_document_tables ORDER BY name")
        }
    }

    func close() {
        try? queue.close()
    }

    private func run<T>(_ operation: String, table: String, _ body: (Database) throws -> T) throws(DocumentStoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw Self.mapped(error, operation: operation, table: table, url: url)
        }
    }

    /// `error` as a ``DocumentStoreError`` (kept when it is one already).
    static func mapped(_ error: any Error, operation: String, table: String, url: DocumentStoreURL) -> DocumentStoreError {
        if let error = error as? DocumentStoreError { return error }
        return .backend(operation: operation, table: table, url: url.description, message: message(error))
    }

    /// The backend's own message.
    static func message(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
