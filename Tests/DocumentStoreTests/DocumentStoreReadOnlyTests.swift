import Foundation
import Testing
@testable import DocumentStore

/// A store opened for reading (a lookup, the churn pipeline's `--crm sqlite:PATH#TABLE`) never
/// creates a database: a missing file is an error that says so, and the path stays absent.
@Suite("DocumentStore read-only opening")
struct DocumentStoreReadOnlyTests {
    @Test func aMissingSQLiteFileOpenedForReadingIsNotCreated() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s360-missing-\(UUID().uuidString).db").path
        let url = try DocumentStoreURL("sqlite:\(path)")
        do {
            _ = try url.open(readOnly: true)
            Issue.record("opening a missing database for reading must fail")
        } catch {
            guard case .connectionFailed(_, let message) = error else {
                Issue.record("expected connectionFailed, got \(error)")
                return
            }
            #expect(message.contains("does not exist"))
            #expect(error.description.contains(path))
        }
        #expect(!FileManager.default.fileExists(atPath: path), "the database file must not be created")
    }

    @Test func anExistingDatabaseOpenedForReadingReadsItsTables() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s360-existing-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let url = try DocumentStoreURL("sqlite:\(path)")
        do {
            let store = try url.open()
            let table = try store.createTable("crm", idField: "user_id")
            try table.upsert([Document(json: #"{"user_id":1,"name":"a"}"#)])
            store.close()
        }
        let reader = try url.open(readOnly: true)
        defer { reader.close() }
        #expect(try reader.openTable("crm").scan().rowCount == 1)
    }
}
