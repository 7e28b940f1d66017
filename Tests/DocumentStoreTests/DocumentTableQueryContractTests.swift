import Columnar
import Testing
@testable import DocumentStore

/// Finding, counting, deleting and scanning, against both backends.
@Suite("DocumentTable contract: queries and scans")
struct DocumentTableQueryContractTests {
    /// Sparse customers: not every document has every field; `age` is sometimes a string.
    static let customers = [
        Document(json: #"{"id":"c1","name":"Asha","age":41,"state":"MH","tags":["a","b"]}"#),
        Document(json: #"{"id":"c2","name":"Ravi","age":29,"state":"KA"}"#),
        Document(json: #"{"id":"c3","name":"Meera","age":"unknown","twitter":"@meera"}"#),
        Document(json: #"{"id":"c4","name":"Zed","age":35.5,"state":"MH","loyalty":null}"#),
        Document(json: #"{"id":"c5","state":"DL","app":{"version":"2.0","os":"android"}}"#),
    ]

    func ids(_ documents: [Document]) -> [Scalar] { documents.map { $0["id"] } }

    @Test(arguments: DocumentStoreBackend.allCases)
    func findWithConditions(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Self.customers)
            #expect(ids(try table.find(where: [.equals("state", "MH")])) == [.string("c1"), .string("c4")])
            #expect(ids(try table.find(where: [.greaterThan("age", 30)])) == [.string("c1"), .string("c4")])
            #expect(ids(try table.find(where: [.lessThan("age", 35.5)])) == [.string("c2")])
            #expect(ids(try table.find(where: [.lessThan("name", "N")])) == [.string("c1"), .string("c3")])
            #expect(ids(try table.find(where: [.equals("age", "unknown")])) == [.string("c3")])
            #expect(ids(try table.find(where: [.equals("age", 29)])) == [.string("c2")])
            #expect(ids(try table.find(where: [.isIn("state", ["KA", "DL", "XX"])])) == [.string("c2"), .string("c5")])
            #expect(ids(try table.find(where: [.isIn("state", [])])).isEmpty)
            #expect(ids(try table.find(where: [.exists("twitter")])) == [.string("c3")])
            #expect(ids(try table.find(where: [.exists("loyalty")])) == [.string("c4")], "a field present as null exists")
            #expect(ids(try table.find(where: [.equals("loyalty", .null)])) == [.string("c4")])
            #expect(ids(try table.find(where: [.equals("state", "MH"), .greaterThan("age", 40)])) == [.string("c1")])
            #expect(ids(try table.find(where: [.equals("app", .json(#"{"version":"2.0","os":"android"}"#))])) == [.string("c5")])
            #expect(ids(try table.find(where: [], projection: nil, limit: 2)) == [.string("c1"), .string("c2")])
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func findWithAProjection(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Self.customers)
            let projected = try table.find(where: [.exists("state")], projection: ["name", "tags", "app"])
            #expect(projected.map(\.fields) == [
                ["id": .string("c1"), "name": .string("Asha"), "tags": .array([.string("a"), .string("b")])],
                ["id": .string("c2"), "name": .string("Ravi")],
                ["id": .string("c4"), "name": .string("Zed")],
                ["id": .string("c5"), "app": .structure([.string("android"), .string("2.0")])],
            ])
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func countAndDelete(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Self.customers)
            #expect(try table.count() == 5)
            #expect(try table.count(where: [.equals("state", "MH")]) == 2)
            #expect(try table.delete("c1"))
            #expect(try !table.delete("c1"))
            #expect(try table.delete(["c2", "c3", "nope"]) == 2)
            #expect(try table.count() == 2)
            #expect(try table.get("c2") == nil)
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func scanInfersTheUnionOfSparseFields(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Self.customers)
            let batch = try table.scan()
            #expect(batch.schema.names == ["age", "app", "id", "loyalty", "name", "state", "tags", "twitter"])
            #expect(batch.schema.fields[0].type == .string, "41, 29, \"unknown\", 35.5 widen to string")
            #expect(batch.schema.fields[1].type == .structure([Field("os", .string), Field("version", .string)]))
            #expect(batch.rowCount == 5)
            #expect(try batch.column("id").scalar(at: 4) == .string("c5"))
            #expect(try batch.column("twitter").scalar(at: 0) == .null)
            #expect(try batch.column("twitter").scalar(at: 2) == .string("@meera"))
            #expect(try batch.column("name").scalar(at: 4) == .null)
            #expect(try batch.column("tags").scalar(at: 0) == .array([.string("a"), .string("b")]))
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func scanWithAGivenSchema(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            try table.insert(Self.customers)
            let schema = Schema([Field("id", .string), Field("age", .double), Field("state", .string), Field("missing", .long)])
            let batch = try table.scan(schema: schema)
            #expect(batch.schema == schema)
            #expect(try batch.column("age").scalar(at: 0) == .double(41))
            #expect(try batch.column("age").scalar(at: 2) == .null, "a string is null as a double, as in Spark")
            #expect(try batch.column("state").scalar(at: 2) == .null)
            #expect(try batch.column("missing").scalar(at: 1) == .null)
        }
    }

    @Test(arguments: DocumentStoreBackend.allCases)
    func scanOfAnEmptyTable(_ backend: DocumentStoreBackend) throws {
        try backend.withTable { (table, _) throws in
            #expect(try table.scan().rowCount == 0)
            #expect(try table.scan(schema: Schema([Field("id", .string)])).rowCount == 0)
        }
    }
}
