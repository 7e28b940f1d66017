import PostgresNIO
import Synchronization

/// One PostgreSQL connection and the event-loop thread it runs on, used by blocking calls.
///
/// The bridge between the synchronous ``DocumentTable`` API and postgres-nio: the store owns a
/// one-thread `MultiThreadedEventLoopGroup`, so all network I/O happens on that thread, and
/// the calling thread waits for each query's `EventLoopFuture` (postgres-nio's future-based
/// `query`). No task and no thread of Swift's cooperative pool is involved; a caller on the
/// pool would block its thread while it waits (see ``DocumentTable``). A `Mutex` serializes
/// operations, so a transaction (`BEGIN` … `COMMIT`) never interleaves with another caller's
/// queries on the one connection. Calling from the event-loop thread itself would deadlock;
/// NIO's `wait()` traps on that.
final class PostgresSession: Sendable {
    let url: DocumentStoreURL
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let logger: Logger
    /// Whether the session is open; held while an operation runs.
    private let open = Mutex(true)

    init(url: DocumentStoreURL) throws(DocumentStoreError) {
        guard case .postgres(let user, let password, let host, let port, let database) = url.location else {
            preconditionFailure("PostgresSession needs a postgres:// URL, got \(url)")
        }
        self.url = url
        var logger = Logger(label: "stream360.documents.postgres")
        logger.logLevel = .error
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: .disable)
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw .connectionFailed(url: url.description, message: Self.message(error))
        }
    }

    /// Runs `body` alone on the connection, mapping failures to ``DocumentStoreError/backend(operation:table:url:message:)``.
    func run<T: Sendable>(_ operation: String, table: String, _ body: (Connection) throws -> T) throws(DocumentStoreError) -> T {
        try open.withLock { (isOpen: inout Bool) throws(DocumentStoreError) -> T in
            guard isOpen else {
                throw .backend(operation: operation, table: table, url: url.description, message: "the store was closed")
            }
            do {
                return try body(Connection(connection: connection, logger: logger))
            } catch let error as DocumentStoreError {
                throw error
            } catch {
                throw .backend(operation: operation, table: table, url: url.description, message: Self.message(error))
            }
        }
    }

    /// Closes the connection and stops the event-loop thread.
    func close() {
        let wasOpen = open.withLock { isOpen in
            defer { isOpen = false }
            return isOpen
        }
        guard wasOpen else { return }
        try? connection.close().wait()
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
        @discardableResult
        func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
            try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
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
