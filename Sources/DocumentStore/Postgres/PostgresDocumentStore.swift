import PostgresNIO

/// The server document store: PostgreSQL (15 on Debian) through postgres-nio, documents as `jsonb`.
///
/// Opening connects once (blocking until connected) and creates, if missing, the catalog of
/// tables, the batch-commit table used by sinks, and the `stream360_merge` aggregate (`||`
/// folded in order) used by bulk merges; a transaction-scoped advisory lock keeps stores
/// opened at the same moment from racing on that set-up. See ``PostgresSession`` for how the
/// blocking calls are bridged to NIO.
final class PostgresDocumentStore: DocumentStore {
    let url: DocumentStoreURL
    private let session: PostgresSession

    init(url: DocumentStoreURL) throws(DocumentStoreError) {
        self.url = url
        session = try PostgresSession(url: url)
        do {
            try session.run("set up the catalog", table: "") { connection in
                try connection.transaction {
                    try connection.query("SELECT pg_advisory_xact_lock(360360360)")
                    try connection.query(
                        "CREATE TABLE IF NOT EXISTS stream360_document_tables (name text PRIMARY KEY, id_field text NOT NULL)")
                    try connection.query("""
                        CREATE TABLE IF NOT EXISTS stream360_batch_commits (
                            writer text NOT NULL, tbl text NOT NULL, batch_id bigint NOT NULL, PRIMARY KEY (writer, tbl, batch_id))
                        """)
                    try connection.query("CREATE OR REPLACE AGGREGATE stream360_merge(jsonb) (SFUNC = jsonb_concat, STYPE = jsonb)")
                }
            }
        } catch {
            session.close()
            throw .connectionFailed(url: url.description, message: "\(error)")
        }
    }

    func createTable(_ name: String, idField: String) throws(DocumentStoreError) -> any DocumentTable {
        try DocumentNames.checkTable(name)
        try DocumentNames.checkField(idField)
        let existing: String? = try session.run("create table", table: name) { connection in
            try connection.transaction {
                try connection.query("SELECT pg_advisory_xact_lock(360360360)")
                if let existing = try self.storedIDField(of: name, connection) { return existing }
                for statement in PostgresSQL(table: name, idField: idField).createStatements {
                    try connection.query(statement)
                }
                var binds = PostgresBindings()
                binds.append(name)
                binds.append(idField)
                try connection.query("INSERT INTO stream360_document_tables(name, id_field) VALUES ($1, $2)", binds)
                return nil
            }
        }
        if let existing, existing != idField {
            throw .tableExists(table: name, idField: existing, url: url.description)
        }
        return PostgresDocumentTable(name: name, idField: idField, session: session)
    }

    func openTable(_ name: String) throws(DocumentStoreError) -> any DocumentTable {
        try DocumentNames.checkTable(name)
        let idField = try session.run("open table", table: name) { connection in try self.storedIDField(of: name, connection) }
        guard let idField else { throw .tableNotFound(table: name, url: url.description) }
        return PostgresDocumentTable(name: name, idField: idField, session: session)
    }

    func dropTable(_ name: String) throws(DocumentStoreError) -> Bool {
        try DocumentNames.checkTable(name)
        return try session.run("drop table", table: name) { connection in
            try connection.transaction {
                var binds = PostgresBindings()
                binds.append(name)
                let existed = (try connection.query("DELETE FROM stream360_document_tables WHERE name = $1", binds).metadata.rows ?? 0) > 0
                try connection.query("DELETE FROM stream360_batch_commits WHERE tbl = $1", binds)
                try connection.query("DROP TABLE IF EXISTS \"\(name)\"")
                return existed
            }
        }
    }

    func tableNames() throws(DocumentStoreError) -> [String] {
        try session.run("list tables", table: "") { connection in
            try connection.query("SELECT name FROM stream360_document_tables ORDER BY name").map { try $0.decode(String.self) }
        }
    }

    func close() {
        session.close()
    }

    private func storedIDField(of table: String, _ connection: PostgresSession.Connection) throws -> String? {
        var binds = PostgresBindings()
        binds.append(table)
        return try connection.query("SELECT id_field FROM stream360_document_tables WHERE name = $1", binds).first?.decode(String.self)
    }
}
