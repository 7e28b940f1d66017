/// A database of document tables: SQLite or PostgreSQL, opened from a ``DocumentStoreURL``.
///
/// The store remembers each table's id field in a catalog table (`stream360_document_tables`),
/// so ``openTable(_:)`` needs only the name. Tables share the store's connection; keep the store
/// alive while its tables are used, and ``close()`` it when done.
///
/// ```swift
/// let store = try DocumentStoreURL("sqlite:out/crm.db").open()
/// let customers = try store.createTable("customers", idField: "user_id")
/// try customers.upsert(Document(["user_id": "u1", "name": "Asha"]))
/// ```
public protocol DocumentStore: AnyObject, Sendable {
    /// Where the store is, without its password.
    var url: DocumentStoreURL { get }

    /// Creates the table, or opens it when it exists with the same id field.
    /// - Throws: ``DocumentStoreError/tableExists(table:idField:url:)`` when it exists with another id field.
    func createTable(_ name: String, idField: String) throws(DocumentStoreError) -> any DocumentTable

    /// Opens an existing table.
    /// - Throws: ``DocumentStoreError/tableNotFound(table:url:)`` when there is none.
    func openTable(_ name: String) throws(DocumentStoreError) -> any DocumentTable

    /// Drops the table and its documents; returns whether it existed.
    @discardableResult
    func dropTable(_ name: String) throws(DocumentStoreError) -> Bool

    /// The names of the store's tables, sorted.
    func tableNames() throws(DocumentStoreError) -> [String]

    /// Releases the connection (and, for PostgreSQL, its event-loop thread); later calls fail.
    func close()
}

/// Table and field names the stores accept: non-empty, at most 63 UTF-8 bytes for tables,
/// without quotes, backslashes or control characters (so they can be quoted in SQL and in
/// JSON paths without escaping rules that differ between backends).
enum DocumentNames {
    static func checkTable(_ name: String) throws(DocumentStoreError) {
        try checkField(name)
        if name.utf8.count > 63 { throw .invalidName(name: name, reason: "table names have at most 63 bytes") }
        if name.hasPrefix("stream360_") { throw .invalidName(name: name, reason: "the prefix stream360_ is reserved for the store's own tables") }
    }

    static func checkField(_ name: String) throws(DocumentStoreError) {
        if name.isEmpty { throw .invalidName(name: name, reason: "names cannot be empty") }
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x27 || $0 == 0x5C || $0 == 0x7F }) {
            throw .invalidName(name: name, reason: "names cannot contain quotes, backslashes or control characters")
        }
    }
}
