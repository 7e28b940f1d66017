import Foundation
import Testing
import Columnar
import DocumentStore
import SQLTables
@testable import StreamSQL

/// `s360 sql`'s path tables: a document table with sparse fields, a JSON-lines directory, and
/// names that mean nothing.
@Suite struct SQLPathTablesTests {
    func session() -> SQLSession {
        SQLSession(catalog: SQLCatalog(resolver: SQLPathTables.resolver()))
    }

    @Test func documentTableWithAFieldOnlySomeDocumentsHave() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sql-docs-\(UUID().uuidString).db").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try DocumentStoreURL("sqlite:" + path).open()
        let crm = try store.createTable("crm", idField: "user_id")
        try crm.insert([
            Document(["user_id": "u1", "state": "KA", "churn_risk": 30]),
            Document(["user_id": "u2", "state": "KA"]),
            Document(["user_id": "u3", "state": "MH", "churn_risk": 10, "vip": true]),
        ])
        store.close()
        let result = try session().run("""
            SELECT state, count(*) AS customers, count(churn_risk) AS scored, sum(CASE WHEN vip THEN 1 ELSE 0 END) AS vips
            FROM sqlite.`\(path)#crm` GROUP BY state ORDER BY state
            """)
        #expect(result.schema.names == ["state", "customers", "scored", "vips"])
        #expect((0..<result.rowCount).map { result.row($0) } == [
            [.string("KA"), .long(2), .long(1), .long(0)],
            [.string("MH"), .long(1), .long(1), .long(1)],
        ])
    }

    @Test func jsonDirectoryIsReadWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sql-json-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"a": 1}"#.write(toFile: dir + "/part-0.jsonl", atomically: true, encoding: .utf8)
        try "{\"a\": 2, \"b\": \"x\"}\n".write(toFile: dir + "/part-1.jsonl", atomically: true, encoding: .utf8)
        try "{\"a\": 99}\n".write(toFile: dir + "/_ignored.jsonl", atomically: true, encoding: .utf8)
        let result = try session().run("SELECT a, b FROM json.`\(dir)` ORDER BY a")
        #expect((0..<result.rowCount).map { result.row($0) } == [[.long(1), .null], [.long(2), .string("x")]])
    }

    @Test func unknownFormatAndMissingPathSaySo() throws {
        #expect {
            _ = try session().run("SELECT * FROM csv.`x.csv`")
        } throws: { error in
            (error as? SQLError)?.message.contains("unknown table format `csv`") ?? false
        }
        #expect {
            _ = try session().run("SELECT * FROM parquet.`/no/such/dir`")
        } throws: { error in
            guard let error = error as? SQLError else { return false }
            return error.message.contains("no Parquet file or dataset directory at /no/such/dir") && error.position == SQLPosition(line: 1, column: 15)
        }
    }
}
