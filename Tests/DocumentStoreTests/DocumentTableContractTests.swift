import Columnar
import Testing
@testable import DocumentStore

/// The document-table contract, run against SQLite and PostgreSQL alike.
@Suite("DocumentTable contract: tables and single documents")
struct DocumentTableContractTests {
    @Test(arguments: DocumentStoreBackend.allCases)
    func createOpenAndDropTables(_ backend: DocumentStoreBackend) throws {
        let store = try backend.openStore()
        defer { store.close() }
        let name = "customers_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let created = try store.createTable(name, idField: "user_id")
        #expect(created.idField == "user_id")
        #expect(try store.tableNames().contains(name))
        #expect(try store.createTable(name, idField: "user_id").name == name)
        #expect(try store.openTable(name).idField == "user_id")
        guard case .tableExists(_, "user_id", _)? = error({ try store.createTable(name, idField: "other") }) else {
            Issue.record("creating a table again with another id field must fail")
            return
        }
        #expect(try store.dropTable(name))
        #expect(try !store.dropTable(name))
        #expect(try !store.tableNames().contains(name))
        guard case .tableNotFound? = error({ try store.openTable(name) }) else {
            Issue.record("opening a dropped table must fail")
            return
        }
        guard case .invalidName? = error({ try store.createTable("bad\"name", idField: "id") }) else {
            Issue.record("a quote in a table name must be refused")
            return
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func insertThenGetByID(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Document(["id": "u1", "name": "Asha", "age": 41, "vip": true, "score": 0.5]))
            let document = try #require(try table.get("u1"))
            #expect(document["name"] == .string("Asha"))
            #expect(document["age"] == .long(41))
            #expect(document["vip"] == .boolean(true))
            #expect(document["score"] == .double(0.5))
            #expect(try table.get("u2") == nil)
            #expect(try table.count() == 1)
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func insertOfAnExistingIDFailsAndWritesNothing(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Document(["id": "a", "v": 1]))
            guard case .duplicateID(_, let id, _)? = error({ try table.insert([Document(["id": "b"]), Document(["id": "a", "v": 2])]) }) else {
                Issue.record("inserting an existing id must fail")
                return
            }
            #expect(id.contains("a"))
            #expect(try table.count() == 1)
            #expect(try table.get("a")?["v"] == .long(1))
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func upsertReplacesTheWholeDocument(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.upsert(Document(["id": "a", "x": 1, "y": 2]))
            try table.upsert(Document(["id": "a", "z": 3]))
            try table.upsert(Document(["id": "b", "x": 9]))
            let a = try #require(try table.get("a"))
            #expect(a.fields == ["id": .string("a"), "z": .long(3)])
            #expect(try table.count() == 2)
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func mergeSetsFieldsAndKeepsTheRest(_ backend: DocumentStoreBackend) throws {
        try backend.withTable(idField: "user_id") { (table, _) throws in
            try table.insert(Document(json: #"{"user_id":"u1","name":"Asha","tier":"gold","churn":10,"address":{"city":"Pune","zip":"411001"}}"#))
            try table.merge(Document(json: #"{"user_id":"u1","churn":25,"tier":null,"address":{"city":"Mumbai"},"app":"3.1"}"#))
            let merged = try #require(try table.get("u1"))
            #expect(merged["name"] == .string("Asha"), "fields absent from the patch are kept")
            #expect(merged["churn"] == .long(25), "fields in the patch are set")
            #expect(merged["app"] == .string("3.1"), "new fields are added")
            #expect(merged.fields["tier"] == nil, "a null in the patch removes the field")
            #expect(merged["address"] == .structure([.string("Mumbai")]), "nested objects are replaced, not merged")
            // A merge of a new id adds the patch as a document.
            try table.merge(Document(["user_id": "u2", "churn": 5]))
            #expect(try table.get("u2")?["churn"] == .long(5))
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func textWithQuotesNewlinesAndNonASCIIRoundTrips(_ backend: DocumentStoreBackend) throws {
        let tricky = "He said \"hi\"\nthen left\t\\ O'Brien — Zoë, 東京, 🚀, \u{1}"
        try backend.withTable { (table, _) throws in
            try table.insert(Document(["id": "q\"1'", "note": .string(tricky), "ключ": "значение"]))
            let document = try #require(try table.get("q\"1'"))
            #expect(document["note"] == .string(tricky))
            #expect(document["ключ"] == .string("значение"))
            #expect(try table.find(where: [.equals("note", .string(tricky))]).count == 1)
            let scanned = try table.scan()
            #expect(try scanned.column("note").scalar(at: 0) == .string(tricky))
            #expect(try scanned.column("id").scalar(at: 0) == .string("q\"1'"))
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func stringAndIntegerIDsAreDistinct(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert([Document(["id": 7, "kind": "int"]), Document(["id": "7", "kind": "text"])])
            #expect(try table.get(7)?["kind"] == .string("int"))
            #expect(try table.get("7")?["kind"] == .string("text"))
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func invalidDocumentsAreRejected(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            for bad in [#"[1,2]"#, #"{"name":"no id"}"#, #"{"id":true}"#, #"{"id":"x","#, #"{"id":1.5}"#] {
                guard case .invalidDocument? = error({ try table.insert(Document(json: bad)) }) else {
                    Issue.record("\(bad) must be rejected as an invalid document")
                    continue
                }
            }
            #expect(try table.count() == 0)
        }
    }
}
