import Testing
@testable import DocumentStore

@Suite("DocumentStoreURL")
struct DocumentStoreURLTests {
    @Test func parsesBothBackends() throws {
        #expect(try DocumentStoreURL("sqlite:out/crm.db").location == .sqliteFile(path: "out/crm.db"))
        #expect(try DocumentStoreURL("sqlite::memory:").location == .sqliteMemory)
        #expect(try DocumentStoreURL("postgres://app@db.local/crm").location
            == .postgres(user: "app", password: nil, host: "db.local", port: 5432, database: "crm"))
        #expect(try DocumentStoreURL("postgresql://app:s3:cr@t@127.0.0.1:6543/crm?sslmode=disable").location
            == .postgres(user: "app", password: "s3:cr@t", host: "127.0.0.1", port: 6543, database: "crm"))
    }

    @Test func neverShowsThePassword() throws {
        let url = try DocumentStoreURL("postgres://app:secret@host:5433/crm")
        #expect(url.description == "postgres://app:***@host:5433/crm")
        guard case .invalidURL(let shown, _)? = error({ try DocumentStoreURL("postgres://app:secret@host:port/crm") }) else {
            Issue.record("a bad port must be refused")
            return
        }
        #expect(!shown.contains("secret"))
    }

    @Test(arguments: ["mysql://x@y/z", "sqlite:", "postgres://host/db", "postgres://u@host", "postgres://u@host:99999/db"])
    func refusesMalformedURLs(_ text: String) {
        guard case .invalidURL? = error({ try DocumentStoreURL(text) }) else {
            Issue.record("\(text) must be refused")
            return
        }
    }

    @Test func anUnreachableServerFailsWithTheURL() {
        guard case .connectionFailed(let url, _)? = error({ try DocumentStoreURL("postgres://u:pw@127.0.0.1:1/db").open() }) else {
            Issue.record("connecting to a closed port must fail")
            return
        }
        #expect(url == "postgres://u:***@127.0.0.1:1/db")
    }
}
