import Connectors
import Testing
@testable import DocumentStore

/// Which document-store failures a streaming query retries: connection and momentary server
/// conditions yes, the data's faults never.
@Suite("DocumentStoreError as TransientFailure")
struct DocumentStoreErrorTransientTests {
    static let url = "postgres://app:***@db:5432/crm"

    static func backend(_ sqlState: String?) -> DocumentStoreError {
        .backend(operation: "write (upsert)", table: "t", url: url, sqlState: sqlState, message: "server said no")
    }

    @Test(arguments: [
        DocumentStoreError.connectionFailed(url: url, message: "connection refused"),
        .connectionLost(operation: "write (upsert)", table: "t", url: url, message: "57P01: terminating connection"),
        backend("08006"), backend("08001"), backend("08P01"),
        backend("57P01"), backend("57P02"), backend("57P03"),
        backend("53300"), backend("40001"), backend("40P01"),
    ])
    func connectionAndMomentaryServerFailuresAreTransient(_ error: DocumentStoreError) {
        #expect(error.isTransient)
        #expect((error as any Error as? any TransientFailure)?.isTransient == true)
    }

    @Test(arguments: [
        backend(nil), backend("42P01"), backend("23505"), backend("57014"), backend("53100"), backend("40002"),
        .invalidURL(url: "x", reason: "no scheme"),
        .tableNotFound(table: "t", url: url),
        .tableExists(table: "t", idField: "id", url: url),
        .invalidName(name: "a\"b", reason: "quotes"),
        .invalidDocument(table: "t", index: 0, excerpt: "[1]", message: "not an object"),
        .duplicateID(table: "t", id: "\"a\"", message: "23505"),
        .missingIDColumn(table: "t", idField: "id", columns: ["x"]),
        .corruptDocument(table: "t", excerpt: "{", message: "truncated"),
        .backend(operation: "write", table: "t", url: url, message: "the store was closed"),
    ])
    func faultsOfTheDataOrTheCallAreNotTransient(_ error: DocumentStoreError) {
        #expect(!error.isTransient)
    }

    @Test func aLostConnectionSaysTheStoreReconnects() {
        let error = DocumentStoreError.connectionLost(operation: "write (insert)", table: "scores", url: Self.url, message: "closed")
        #expect(error.description.contains("lost its connection to \(Self.url)"))
        #expect(error.description.contains("reconnects"))
    }
}
