import PostgresNIO
import Synchronization

/// A PostgreSQL connection, reopened when it breaks, and the event-loop thread it runs on,
/// used by blocking calls.
///
/// The bridge between the synchronous ``DocumentTable`` API and postgres-nio: the store owns a
/// one-thread `MultiThreadedEventLoopGroup`, so all network I/O happens on that thread, and
/// the calling thread waits for each query's `EventLoopFuture` (postgres-nio's future-based
/// `query`). No task and no thread of Swift's cooperative pool is involved; a caller on the
/// pool would block its thread while it waits (see ``DocumentTable``). A `Mutex` serializes
/// operations, so a transaction (`BEGIN` … `COMMIT`) never interleaves with another caller's
/// queries on the one connection. Calling from the event-loop thread itself would deadlock;
/// NIO's `wait()` traps on that.
///
/// The session outlives its connections. When an operation fails because the connection broke
/// (the server shut down or restarted, the socket closed), the connection is dropped and the
/// operation throws ``DocumentStoreError/connectionLost(operation:table:url:message:)``; the
/// next operation, under the same `Mutex`, connects again first (and throws `connectionLost`
/// too while the server is unreachable). Nothing is retried here: whether and when to try
/// again is the caller's decision (a streaming query's `sinkRetry`).
final class PostgresSession: Sendable {
    let url: DocumentStoreURL
    private let group: MultiThreadedEventLoopGroup
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    /// Whether the session is open and its current connection; held while an operation runs.
    private let state: Mutex<State>

    private struct State {
        var isOpen = true
        /// Nil after the connection broke, until the next operation reconnects.
        var connection: PostgresConnection?
        /// The id of the last connection opened (postgres-nio logs it).
        var connectionCount = 0
    }

    init(url: DocumentStoreURL) throws(DocumentStoreError) {
        guard case .postgres(let user, let password, let host, let port, let database) = url.location else {
            preconditionFailure("PostgresSession needs a postgres:// URL, got \(url)")
        }
        self.url = url
        var logger = Logger(label: "stream360.documents.postgres")
        logger.logLevel = .error
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: .disable)
        do {
            let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
            state = Mutex(State(connection: connection, connectionCount: 1))
        } catch {
            try? group.syncShutdownGracefully()
            throw .connectionFailed(url: url.description, message: Self.message(error))
        }
    }

    /// Runs `body` alone on the connection (reconnecting first when the last one broke),
    /// mapping failures to ``DocumentStoreError``: a broken connection to
    /// ``DocumentStoreError/connectionLost(operation:table:url:message:)``, any other error not
    /// already a `DocumentStoreError` to ``DocumentStoreError/backend(operation:table:url:sqlState:message:)``.
    func run<T: Sendable>(_ operation: String, table: String, _ body: (Connection) throws -> T) throws(DocumentStoreError) -> T {
        try state.withLock { (state: inout State) throws(DocumentStoreError) -> T in
            guard state.isOpen else {
                throw .backend(operation: operation, table: table, url: url.description, message: "the store was closed")
            }
            let connection = try connected(&state, operation: operation, table: table)
            do {
                return try body(Connection(connection: connection, logger: logger))
            } catch {
                let broke = connection.isClosed || Self.brokeConnection(error)
                if broke {
                    state.connection = nil
                    try? connection.close().wait()
                }
                if let error = error as? DocumentStoreError { throw error }
                if broke {
                    throw .connectionLost(operation: operation, table: table, url: url.description, message: Self.message(error))
                }
                throw .backend(operation: operation, table: table, url: url.description, sqlState: Self.sqlState(error),
                               message: Self.message(error))
            }
        }
    }

    /// The open connection, after opening a new one when there is none or it closed.
    private func connected(_ state: inout State, operation: String, table: String) throws(DocumentStoreError) -> PostgresConnection {
        if let connection = state.connection {
            if !connection.isClosed { return connection }
            state.connection = nil
            try? connection.close().wait()
        }
        state.connectionCount += 1
        do {
            let connection = try PostgresConnection.connect(
                on: group.next(), configuration: configuration, id: state.connectionCount, logger: logger
            ).wait()
            state.connection = connection
            return connection
        } catch {
            throw .connectionLost(operation: operation, table: table, url: url.description,
                                  message: "cannot reconnect: \(Self.message(error))")
        }
    }

    /// Closes the connection and stops the event-loop thread.
    func close() {
        let (wasOpen, connection) = state.withLock { state in
            defer {
                state.isOpen = false
                state.connection = nil
            }
            return (state.isOpen, state.connection)
        }
        guard wasOpen else { return }
        try? connection?.close().wait()
        try? group.syncShutdownGracefully()
    }

    deinit {
        close()
    }

    /// The connection as lent to one operation: blocking queries and transactions.
    struct Connection {
        let connection: PostgresConnection
        let logger: Logger

        /// Runs one statement and waits for all of its rows.
        ///
        /// The statement is handed to the connection on its event loop, after checking there
        /// that the connection is still open: postgres-nio (1.33) drops a query written to a
        /// closed channel without ever completing its future, so a statement sent after the
        /// server went away would wait forever. On the loop, an open channel passes the query
        /// to postgres-nio's handler, which fails it if the connection closes later.
        @discardableResult
        func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
            let connection = connection
            let logger = logger
            return try connection.eventLoop.flatSubmit { () -> EventLoopFuture<PostgresQueryResult> in
                guard !connection.isClosed else { return connection.eventLoop.makeFailedFuture(ConnectionClosed()) }
                return connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            }.wait()
        }

        /// Runs `body` between `BEGIN` and `COMMIT`; rolls back when it throws.
        func transaction<T>(_ body: () throws -> T) throws -> T {
            try query("BEGIN")
            do {
                let result = try body()
                try query("COMMIT")
                return result
            } catch {
                _ = try? query("ROLLBACK")
                throw error
            }
        }
    }

    /// A statement could not be sent: the connection had closed.
    struct ConnectionClosed: Error, CustomStringConvertible {
        var description: String { "the connection to the server is closed" }
    }

    /// Whether `error` means the connection is no longer usable: postgres-nio saw the socket
    /// close or fail, or the server said it is terminating the session (SQLSTATE class `08`,
    /// `57P01` to `57P03`), which it follows by closing the socket.
    static func brokeConnection(_ error: any Error) -> Bool {
        if error is ConnectionClosed { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return true
        case .server:
            guard let sqlState = sqlState(error) else { return false }
            return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
        default:
            return false
        }
    }

    /// The server's SQLSTATE for a failed query, when it sent one (`23505` is a unique violation).
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The server's message (with its detail), or the client's description of what failed.
    static func message(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo {
            var text = (info[.sqlState].map { "\($0): " } ?? "") + (info[.message] ?? "server error")
            if let detail = info[.detail] { text += " (\(detail))" }
            return text
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
