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
