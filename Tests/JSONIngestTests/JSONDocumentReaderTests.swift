import Columnar
import Foundation
import JSONIngest
import Testing

@Suite struct JSONDocumentReaderTests {
    @Test func inferenceIsTheSortedUnionWithSparksTypeMerging() {
        let lines = """
            {"user_id": 1, "name": "A", "churn_risk": 23, "tags": ["x"], "geo": {"lat": 1.5}}
            {"user_id": 2, "churn_risk": 23.5, "twitter_handle": "@b", "geo": {"lon": 2}}

            {"user_id": 3, "name": null, "zip": 110001, "mixed": true}
            {"user_id": 4, "zip": "110002", "mixed": 1}
            not json
            """
        let (batch, quarantine) = JSONDocumentReader.read(Array(lines.utf8), source: "crm.jsonl")
        #expect(batch.schema.names == ["churn_risk", "geo", "mixed", "name", "tags", "twitter_handle", "user_id", "zip"])
        #expect(batch.schema.fields.map(\.type) == [
            .double, .structure([Field("lat", .double), Field("lon", .long)]), .string, .string, .array(.string),
            .string, .long, .string,
        ])
        #expect(batch.rowCount == 4)
        #expect(batch.columns[0].scalars == [.double(23), .double(23.5), .null, .null])
        #expect(batch.columns[7].scalars == [.null, .null, .string("110001"), .string("110002")])
        #expect(quarantine.count == 1)
        #expect(quarantine.first?.position == .file(path: "crm.jsonl", line: 6))
    }

    /// Spark 4 reads files with `spark.sql.json.enableExactStringParsing`: a non-string value in
    /// a field inferred as a string keeps its source text; `from_json` (the decoder's default)
    /// re-serializes it. Both checked against PySpark 4.3.0 on these lines.
    @Test func nonStringValuesInAStringFieldKeepTheirExactTextAsSparkReadsFiles() {
        let lines = #"""
            {"v": "text"}
            {"v": 23.50}
            {"v": 1e2}
            {"v": {"a" : [1, 2.0]}}
            {"v": true}
            """#
        let (batch, quarantine) = JSONDocumentReader.read(Array(lines.utf8), source: "docs.jsonl")
        #expect(quarantine.isEmpty)
        #expect(batch.schema.fields == [Field("v", .string)])
        #expect(batch.columns[0].scalars == ["text", "23.50", "1e2", #"{"a" : [1, 2.0]}"#, "true"].map { .string($0) })

        var decoder = JSONRecordDecoder(schema: batch.schema)
        for (number, line) in lines.split(separator: "\n").enumerated() {
            _ = decoder.decode(message: Array(line.utf8), position: .memory(index: number))
        }
        #expect(decoder.finish().columns[0].scalars == ["text", "23.5", "100.0", #"{"a":[1,2.0]}"#, "true"].map { .string($0) })
    }

    @Test func theFixtureCRMExportGetsSparksInferredSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("shared/fixtures/c360-small/input/crm/crm.jsonl").path
        guard FileManager.default.fileExists(atPath: path) else {
            Issue.record("fixture missing at \(path)")
            return
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let (batch, quarantine) = JSONDocumentReader.read(bytes, source: "crm.jsonl")
        // Spark: struct<address:string,app_version:string,churn_risk:double,first_visit:string,loyalty_tier:string,
        //   name:string,persona:string,sentiment:string,twitter_handle:string,user_id:bigint,zip:string>
        #expect(batch.schema.description == "[address: string, app_version: string, churn_risk: double, first_visit: string, loyalty_tier: string, name: string, persona: string, sentiment: string, twitter_handle: string, user_id: bigint, zip: string]")
        #expect(batch.rowCount == 2000)
        #expect(quarantine.isEmpty)
    }
}
