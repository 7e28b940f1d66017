public import Connectors

/// Which document-store failures are worth retrying: those of the connection and of the
/// server's momentary state, never those of the data.
///
/// A streaming query retries a ``DocumentTableSink`` write that failed with a transient error
/// (see ``Connectors/TransientFailure``); the sink's batch marker makes the retry exact even
/// when the failed attempt had committed.
extension DocumentStoreError: TransientFailure {
    /// True for ``connectionFailed(url:message:)``, ``connectionLost(operation:table:url:message:)``,
    /// and ``backend(operation:table:url:sqlState:message:)`` with a SQLSTATE that
    /// ``isTransient(sqlState:)`` accepts; false for everything else (invalid or duplicate
    /// documents, missing tables or columns, other server errors).
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .connectionLost:
            true
        case .backend(_, _, _, let sqlState?, _):
            Self.isTransient(sqlState: sqlState)
        case .backend, .invalidURL, .tableNotFound, .tableExists, .invalidName, .invalidDocument, .duplicateID,
             .missingIDColumn, .corruptDocument:
            false
        }
    }

    /// Whether a PostgreSQL SQLSTATE names a condition that passes: class `08` (connection
    /// exception), `57P01` (admin shutdown), `57P02` (crash shutdown), `57P03` (cannot connect
    /// now: the server is starting), `53300` (too many connections), `40001` (serialization
    /// failure) and `40P01` (deadlock detected).
    public static func isTransient(sqlState: String) -> Bool {
        sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300", "40001", "40P01"].contains(sqlState)
    }
}
