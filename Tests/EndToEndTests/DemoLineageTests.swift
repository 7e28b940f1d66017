import Customer360
import DocumentStore
import FileConnector
import Foundation
import Testing

/// `s360 demo --lineage` (issue 16, item 5): every top-up prediction document names its customer
/// record and its window's bureau records by Kafka position, for the portal's "Why this score";
/// the Parquet predictions dataset keeps its columns.
@Suite(.serialized) struct DemoLineageTests {
    @Test func predictionDocumentsNameTheirKafkaRecords() async throws {
        let dir = try FixturePaths.temporaryDirectory("demo-lineage")
        defer { try? FileManager.default.removeItem(at: dir) }
        var configuration = DemoConfiguration.fastFixtures(in: dir)
        configuration.lineage = TopUpLineage(limit: 3)
        _ = try await DemoRunner(configuration: configuration, log: { _ in }).run()

        let store = try DocumentStoreURL("sqlite:\(dir.path)/customer360.sqlite").open()
        defer { store.close() }
        let documents = try store.openTable("topup_predictions").find(where: [])
        #expect(documents.count > 1000)
        let customer = try Regex(#"^customer_data-\d+@\d+#\d+$"#)
        let bureau = try Regex(#"^bureau_data-\d+@\d+#\d+$"#)
        for document in documents {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(document.json.utf8)) as? [String: Any])
            let source = try #require(object["customer_source"] as? String, "no customer_source: \(document.json)")
            #expect(source.wholeMatch(of: customer) != nil, "\(source)")
            let count = try #require(object["bureau_records"] as? Int)
            let sources = try #require(object["bureau_sources"] as? [String])
            #expect(count >= 1 && sources.count == min(count, 3), "\(document.json)")
            #expect(sources.allSatisfy { $0.wholeMatch(of: bureau) != nil }, "\(sources)")
            #expect(Set(sources).count == sources.count, "a record is listed once")
        }
        let predictions = try ParquetDataset(path: "\(dir.path)/parquet/top_up_predictions").read()
        #expect(predictions.schema.names == ["ID", "window_start", "window_end", "ts", "prediction", "probability", "Top-up_Month", "State"])
    }
}
