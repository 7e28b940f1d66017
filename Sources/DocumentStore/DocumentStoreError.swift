/// Why a document-store operation failed, with what a person needs to find the cause.
///
/// Every case names the table (when there is one) and, for backend failures, the store's URL
/// without its password and the backend's own message. Messages say what happened and, where
/// it helps, what to try next.
public enum DocumentStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store URL is not `sqlite:PATH`, `sqlite::memory:` or `postgres://user@host:port/db`.
    case invalidURL(url: String, reason: String)
    /// The backend could not be reached or opened.
    case connectionFailed(url: String, message: String)
    /// No table of this name exists in the store.
    case tableNotFound(table: String, url: String)
    /// `createTable` found a table of this name with a different id field.
    case tableExists(table: String, idField: String, url: String)
    /// A table or field name the store refuses (empty, or with quotes, backslashes or control characters).
    case invalidName(name: String, reason: String)
    /// A document is not a JSON object, or its id field is missing or neither a string nor an integer.
    /// `index` is its position in the call, when the backend tells (PostgreSQL's bulk writes do not).
    case invalidDocument(table: String, index: Int?, excerpt: String, message: String)
    /// `insert` met a document whose id is already in the table (nothing of the call was written).
    case duplicateID(table: String, id: String, message: String)
    /// A batch given to a table sink has no column for the table's id field.
    case missingIDColumn(table: String, idField: String, columns: [String])
    /// A stored document could not be read back as JSON.
    case corruptDocument(table: String, excerpt: String, message: String)
    /// The connection to the server broke during the operation (the server shut down or
    /// restarted, the network failed), or could not be opened again for it. The operation may
    /// or may not have taken effect; the store opens a new connection on its next call, so the
    /// same call can be tried again (a sink's batch marker makes that safe for writes).
    case connectionLost(operation: String, table: String, url: String, message: String)
    /// Any other failure the backend reported, with the operation that was attempted and, for
    /// PostgreSQL, the server's SQLSTATE when it sent one (`40001` is a serialization failure).
    case backend(operation: String, table: String, url: String, sqlState: String? = nil, message: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "invalid document store URL '\(url)': \(reason); use sqlite:PATH, sqlite::memory: or postgres://user@host:port/database"
        case .connectionFailed(let url, let message):
            "cannot open document store \(url): \(message)"
        case .tableNotFound(let table, let url):
            "document table '\(table)' does not exist in \(url); create it with createTable(_:idField:)"
        case .tableExists(let table, let idField, let url):
            "document table '\(table)' already exists in \(url) with id field '\(idField)'; drop it or use that id field"
        case .invalidName(let name, let reason):
            "invalid name '\(name)': \(reason)"
        case .invalidDocument(let table, let index, let excerpt, let message):
            "document \(index.map { "\($0)" } ?? "(position unknown)") for table '\(table)' was rejected (\(message)): \(excerpt); "
                + "a document must be a JSON object whose id field is a string or an integer"
        case .duplicateID(let table, let id, let message):
            "table '\(table)' already holds a document with id \(id) (\(message)); use upsert or merge to replace it"
        case .missingIDColumn(let table, let idField, let columns):
            "the batch written to table '\(table)' has no column '\(idField)' (its id field); columns: \(columns.joined(separator: ", "))"
        case .corruptDocument(let table, let excerpt, let message):
            "a document stored in table '\(table)' is not valid JSON (\(message)): \(excerpt)"
        case .connectionLost(let operation, let table, let url, let message):
            "\(operation) on table '\(table)' lost its connection to \(url) (\(message)); "
                + "the store reconnects on its next call, so the operation can be retried once the server is reachable"
        case .backend(let operation, let table, let url, _, let message):
            "\(operation) on table '\(table)' in \(url) failed: \(message)"
        }
    }

    /// The first 120 characters of `text`, for messages.
    static func excerpt(_ text: String) -> String {
        text.count <= 120 ? text : String(text.prefix(120)) + "…"
    }
}
