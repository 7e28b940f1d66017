import Foundation
import Testing
@testable import DocumentStore

/// The backends every contract test runs against.
enum DocumentStoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The PostgreSQL URL: `STREAM360_POSTGRES_URL`, else the file `scripts/postgres-test-server.sh start` writes.
    static func postgresURL() throws -> String {
        if let url = ProcessInfo.processInfo.environment["STREAM360_POSTGRES_URL"], !url.isEmpty { return url }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("out/postgres-test/url")
        guard let text = try? String(contentsOf: file, encoding: .utf8), !text.isEmpty else {
            throw MissingServer(file: file.path)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct MissingServer: Error, CustomStringConvertible {
        let file: String
        var description: String {
            "no PostgreSQL server for the DocumentStore contract tests: set STREAM360_POSTGRES_URL or run "
                + "`scripts/postgres-test-server.sh start` (it writes \(file)); `make test` does both"
        }
    }

    /// Opens a fresh store: a new SQLite file, or the test server.
    func openStore() throws -> any DocumentStore {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream360-docs-\(UUID().uuidString).db").path
            return try DocumentStoreURL("sqlite:\(path)").open()
        case .postgres:
            return try DocumentStoreURL(Self.postgresURL()).open()
        }
    }

    /// Runs `body` with a new table of a unique name, dropped afterwards.
    func withTable<T>(idField: String = "id", _ body: (any DocumentTable, any DocumentStore) throws -> T) throws -> T {
        let store = try openStore()
        defer { store.close() }
        let name = "t_" + UUID().uuidString.prefix(8).lowercased()
        let table = try store.createTable(name, idField: idField)
        defer { _ = try? store.dropTable(name) }
        return try body(table, store)
    }
}

/// The error a call threw, for `#expect` on its case.
func error<T>(_ body: () throws -> T) -> DocumentStoreError? {
    do {
        _ = try body()
        return nil
    } catch let error as DocumentStoreError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}
