import Columnar
import Testing
@testable import DocumentStore

@Suite("DocumentEncoder")
struct DocumentEncoderTests {
    @Test func rowsBecomeObjectsWithoutTopLevelNulls() {
        let schema = Schema([
            Field("id", .long), Field("name", .string), Field("ts", .timestamp),
            Field("loc", .structure([Field("city", .string), Field("zip", .string)])),
        ])
        let batch = RecordBatch(
            trusted: schema,
            columns: [
                .longs([1, 2]), .strings(["a\"\n", nil]), .timestamps([30_000_000, nil]),
                Column(schema.fields[3].type, [.structure([.string("Pune"), .null]), .null]),
            ],
            rowCount: 2)
        #expect(DocumentEncoder.documents(batch).map(\.json) == [
            #"{"id":1,"name":"a\"\n","ts":"1970-01-01T00:00:30Z","loc":{"city":"Pune","zip":null}}"#,
            #"{"id":2}"#,
        ])
    }

    @Test func documentsFromFieldsEscapeText() {
        let document = Document(["id": "x", "q": "say \"hi\"\\", "n": 1.5, "b": false, "z": .null])
        #expect(document.json == #"{"id":"x","q":"say \"hi\"\\","n":1.5,"b":false,"z":null}"#)
        #expect(document["q"] == .string("say \"hi\"\\"))
    }
}
