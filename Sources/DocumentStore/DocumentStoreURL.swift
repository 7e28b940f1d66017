/// Where a document store is, parsed from a URL; ``open()`` picks the backend.
///
/// - `sqlite:PATH`: an SQLite database file through GRDB, created when missing unless opened
///   for reading only (a source or lookup), where a missing file is an error.
/// - `sqlite::memory:`: a private in-memory SQLite database.
/// - `postgres://user[:password]@host[:port]/database` (or `postgresql://`): a PostgreSQL
///   server, through postgres-nio, without TLS (for servers on the same host or network).
///
/// ``description`` never shows the password; errors carry it instead of the raw URL.
public struct DocumentStoreURL: Sendable, Hashable, CustomStringConvertible {
    /// The backend and its coordinates.
    public enum Location: Sendable, Hashable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(user: String, password: String?, host: String, port: Int, database: String)
    }

    /// The parsed location.
    public let location: Location

    /// Parses `url`.
    /// - Throws: ``DocumentStoreError/invalidURL(url:reason:)`` with what is wrong.
    public init(_ url: String) throws(DocumentStoreError) {
        if url == "sqlite::memory:" {
            location = .sqliteMemory
        } else if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw .invalidURL(url: url, reason: "the path after sqlite: is empty") }
            location = .sqliteFile(path: path)
        } else if let rest = Self.dropScheme(url) {
            location = try Self.parsePostgres(rest, url: Self.redacted(url))
        } else {
            throw .invalidURL(url: Self.redacted(url), reason: "unknown scheme")
        }
    }

    private static func dropScheme(_ url: String) -> Substring? {
        for scheme in ["postgres://", "postgresql://"] where url.hasPrefix(scheme) {
            return url.dropFirst(scheme.count)
        }
        return nil
    }

    private static func parsePostgres(_ rest: Substring, url: String) throws(DocumentStoreError) -> Location {
        guard let at = rest.lastIndex(of: "@") else { throw .invalidURL(url: url, reason: "no user@ before the host") }
        let credentials = rest[..<at]
        let afterAt = rest[rest.index(after: at)...]
        let user: Substring
        let password: Substring?
        if let colon = credentials.firstIndex(of: ":") {
            user = credentials[..<colon]
            password = credentials[credentials.index(after: colon)...]
        } else {
            user = credentials
            password = nil
        }
        guard !user.isEmpty else { throw .invalidURL(url: url, reason: "the user name is empty") }
        guard let slash = afterAt.firstIndex(of: "/") else { throw .invalidURL(url: url, reason: "no /database after the host") }
        let hostPort = afterAt[..<slash]
        let database = afterAt[afterAt.index(after: slash)...].prefix { $0 != "?" }
        guard !database.isEmpty else { throw .invalidURL(url: url, reason: "the database name is empty") }
        var host = hostPort
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            guard let parsed = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(parsed) else {
                throw .invalidURL(url: url, reason: "the port is not a number from 1 to 65535")
            }
            port = parsed
        }
        guard !host.isEmpty else { throw .invalidURL(url: url, reason: "the host is empty") }
        return .postgres(
            user: String(user), password: password.map(String.init), host: String(host), port: port, database: String(database))
    }

    /// `url` with any password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.firstRange(of: "://"), let at = url.lastIndex(of: "@"), schemeEnd.upperBound < at else { return url }
        let credentials = url[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    /// Opens the store: SQLite on the caller's thread, PostgreSQL by connecting (blocking until connected).
    ///
    /// With `readOnly` (a source or a lookup reads the store, a sink writes it), an SQLite file
    /// is opened without creating it or its bookkeeping tables: a missing file throws
    /// ``DocumentStoreError/connectionFailed(url:message:)`` saying it does not exist, rather
    /// than leaving an empty database behind a typo. PostgreSQL opens the same either way.
    public func open(readOnly: Bool = false) throws(DocumentStoreError) -> any DocumentStore {
        switch location {
        case .sqliteFile, .sqliteMemory: try SQLiteDocumentStore(url: self, readOnly: readOnly)
        case .postgres: try PostgresDocumentStore(url: self)
        }
    }

    /// The URL without its password.
    public var description: String {
        switch location {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let user, let password, let host, let port, let database):
            "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        }
    }
}
