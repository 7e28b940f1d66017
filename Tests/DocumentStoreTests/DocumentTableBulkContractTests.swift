import Columnar
import Testing
@testable import DocumentStore

/// Bulk writes of 10,000 documents in one call, against both backends.
@Suite("DocumentTable contract: bulk writes")
struct DocumentTableBulkContractTests {
    static let size = 10_000

    static func customers(_ range: Range<Int>, _ fields: (Int) -> String) -> [Document] {
        range.map { Document(json: #"{"id":"cust-\#($0)",\#(fields($0))}"#) }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func bulkInsertUpsertAndMergeTenThousandDocuments(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Self.customers(0..<Self.size) { #""n":\#($0),"name":"Name \#($0) \"q\"","even":\#($0 % 2 == 0)"# })
            #expect(try table.count() == Self.size)
            #expect(try table.count(where: [.equals("even", true)]) == Self.size / 2)

            // Upsert the second half and 5,000 new ones: replaces whole documents.
            try table.upsert(Self.customers(Self.size / 2..<Self.size * 3 / 2) { #""n":\#(-$0)"# })
            #expect(try table.count() == Self.size * 3 / 2)
            #expect(try table.get("cust-9999")?.fields == ["id": .string("cust-9999"), "n": .long(-9999)])
            #expect(try table.get("cust-1")?["name"] == .string("Name 1 \"q\""))

            // Merge a churn score into every original customer: their other fields stay.
            try table.merge(Self.customers(0..<Self.size) { #""churn":\#($0 % 100)"# })
            let first = try #require(try table.get("cust-3"))
            #expect(first.fields == ["id": .string("cust-3"), "n": .long(3), "name": .string("Name 3 \"q\""), "even": .boolean(false), "churn": .long(3)])
            #expect(try table.get("cust-7777")?.fields == ["id": .string("cust-7777"), "n": .long(-7777), "churn": .long(77)])
            #expect(try table.count(where: [.exists("churn")]) == Self.size)

            let batch = try table.scan(schema: Schema([Field("id", .string), Field("churn", .long)]))
            #expect(batch.rowCount == Self.size * 3 / 2)
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func aFailingBulkWriteWritesNothing(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            var documents = Self.customers(0..<1_000) { #""n":\#($0)"# }
            documents.append(Document(json: #"{"n":"no id"}"#))
            guard case .invalidDocument? = error({ try table.upsert(documents) }) else {
                Issue.record("a document without an id must fail the whole call")
                return
            }
            #expect(try table.count() == 0)
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func repeatedIDsInOneCallApplyInOrder(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.upsert([Document(["id": "a", "v": 1]), Document(["id": "a", "v": 2])])
            #expect(try table.get("a")?["v"] == .long(2))
            try table.merge([Document(["id": "a", "x": 1]), Document(["id": "a", "y": 2]), Document(["id": "a", "x": 3])])
            #expect(try table.get("a")?.fields == ["id": .string("a"), "v": .long(2), "x": .long(3), "y": .long(2)])
        }
    }
}
