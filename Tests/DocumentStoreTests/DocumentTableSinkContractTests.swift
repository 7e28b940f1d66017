import Columnar
import Connectors
import Testing
@testable import DocumentStore

/// The table sink and the table lookup, against both backends.
@Suite("DocumentTableSink and DocumentTableLookup contract")
struct DocumentTableSinkContractTests {
    static let schema = Schema([Field("id", .string), Field("churn_probability", .double), Field("segment", .string)])

    static func predictions(_ rows: [(String, Double, String?)]) -> RecordBatch {
        RecordBatch(
            trusted: schema,
            columns: [.strings(rows.map(\.0)), .doubles(rows.map(\.1)), .strings(rows.map(\.2))],
            rowCount: rows.count)
    }

    @Test(arguments: DocumentStoreBackend.allCases, DocumentWriteMode.allCases)
    func aReRunBatchLeavesTheSameDocuments(_ backend: DocumentStoreBackend, mode: DocumentWriteMode) throws {
        try backend.withTable { (table, _) throws in
            let sink = DocumentTableSink(table: table, mode: mode)
            try sink.addBatch(0, Self.predictions([("u1", 0.9, "gold"), ("u2", 0.1, nil)]))
            try sink.addBatch(1, Self.predictions([("u3", 0.5, "new")]))
            let before = try table.find()
            // The runner re-runs batch 1 after a crash: same id, same rows.
            #expect(try !sink.write(1, Self.predictions([("u3", 0.5, "new")])))
            try sink.addBatch(1, Self.predictions([("u3", 0.5, "new")]))
            #expect(try table.find() == before)
            #expect(try table.count() == 3)
            #expect(try table.get("u2")?.fields == ["id": .string("u2"), "churn_probability": .double(0.1)], "null columns are left out")
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func aMergeSinkKeepsTheOtherFieldsOfStoredDocuments(_ backend: DocumentStoreBackend) throws {
        try backend.withTable(idField: "user_id") { (table, store) throws in
            try table.insert(Document(["user_id": "u1", "name": "Asha", "persona": "saver"]))
            let sink = try store.saveToTable(table.name, idField: "user_id", mode: .merge)
            let scores = RecordBatch(
                trusted: Schema([Field("user_id", .string), Field("churn_score", .double), Field("persona", .string)]),
                columns: [.strings(["u1"]), .doubles([0.75]), .strings([nil])], rowCount: 1)
            try sink.addBatch(7, scores)
            #expect(try table.get("u1")?.fields == [
                "user_id": .string("u1"), "name": .string("Asha"), "persona": .string("saver"), "churn_score": .double(0.75),
            ])
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func aBatchWithoutTheIDColumnFails(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            let sink = DocumentTableSink(table: table, mode: .upsert)
            let batch = RecordBatch(trusted: Schema([Field("name", .string)]), columns: [.strings(["x"])], rowCount: 1)
            guard case .missingIDColumn(_, "id", ["name"])? = error({ try sink.write(0, batch) }) else {
                Issue.record("a batch without the id column must fail")
                return
            }
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func theLookupRefreshesEveryNBatchesAndOnDemand(_ backend: DocumentStoreBackend) throws {
        try backend.withTable(idField: "user_id") { (table, _) throws in
            try table.insert(Document(["user_id": "u1", "tier": "gold"]))
            let lookup = DocumentTableLookup(table: table, refreshEvery: 2)
            #expect(try lookup.refreshIfDue(batchId: 0)?.rowCount == 1, "the first batch loads the table")
            try table.insert(Document(["user_id": "u2", "tier": "silver", "extra": 1]))
            #expect(try lookup.refreshIfDue(batchId: 1) == nil)
            let refreshed = try #require(try lookup.refreshIfDue(batchId: 2))
            #expect(refreshed.rowCount == 2)
            #expect(refreshed.schema.names == ["tier", "user_id"], "the schema of the first load is kept")
            try table.delete("u1")
            lookup.requestRefresh()
            #expect(try lookup.refreshIfDue(batchId: 3)?.rowCount == 1)
            #expect(try lookup.refreshIfDue(batchId: 4) == nil)
            try table.insert(Document(["user_id": "u3"]))
            #expect(try lookup.refresh().rowCount == 2)
            #expect(try lookup.table.rowCount == 2)
            lookup.reset()
            #expect(try lookup.refresh().schema.names == ["extra", "tier", "user_id"])
        }
    }
}
