import Customer360
import DocumentStore
import FileConnector
import Foundation
import Testing

/// `s360 demo` end to end: embedded broker, producers, three concurrent checkpointed queries.
@Suite(.serialized) struct DemoTests {
    @Test func theDemoFillsTheStoreParquetAndProgressFromTheEmbeddedBroker() async throws {
        let dir = try FixturePaths.temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(at: dir) }
        var configuration = DemoConfiguration.fixtures(at: FixturePaths.shared.appendingPathComponent("fixtures").path)
        configuration.directory = dir.path
        configuration.recordsPerSecond = nil
        configuration.triggerInterval = .milliseconds(200)
        configuration.quietPeriod = .seconds(3)
        configuration.maxDuration = .seconds(240)
        let summary = try await DemoRunner(configuration: configuration, log: { _ in }).run()
        #expect(summary.batches.count == 3)
        #expect(summary.batches.values.allSatisfy { $0 > 0 })

        let store = try DocumentStoreURL("sqlite:\(dir.path)/customer360.sqlite").open()
        defer { store.close() }
        #expect(try store.openTable("crm").count() == 2000)
        // Every clickstream event of a known user is kept, keyed by (user_id, datetime, url): as many
        // documents as distinct such triples in Spark's join of the same data.
        let sparkJoin = try String(contentsOf: FixturePaths.shared.appendingPathComponent("fixtures/c360-small/expected/joined.jsonl"), encoding: .utf8)
        var triples = Set<String>()
        for line in sparkJoin.split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            triples.insert("\(row["user_id"] ?? "")|\(row["datetime"] ?? "")|\(row["url"] ?? "")")
        }
        #expect(try store.openTable("clicks").count() == triples.count)
        #expect(try store.openTable("realtime_churn_predictions").count() > 1000)
        #expect(try store.openTable("topup_predictions").count() > 1000)
        #expect(try store.openTable("statewide_customer_count").count() > 0)
        // The churn score was merged into the customer's CRM document, keeping its other fields.
        let scored = try store.openTable("crm").find(where: [.exists("churn_probability")])
        #expect(!scored.isEmpty)
        #expect(scored.allSatisfy { $0.fields["name"] != nil })

        let joined = try ParquetDataset(path: "\(dir.path)/parquet/cust_bureau_df").read()
        let predictions = try ParquetDataset(path: "\(dir.path)/parquet/top_up_predictions").read()
        // The two top-up queries read Kafka independently, so their micro-batches (and with them
        // which late rows are dropped) can differ: each is checked on its own.
        #expect(joined.rowCount > 1000)
        #expect(predictions.rowCount > 1000)
        #expect(predictions.schema.names == ["ID", "window_start", "window_end", "ts", "prediction", "probability", "Top-up_Month"])
        for name in ["cust_bureau_df", "top_up_predictions", "realtime_churn_predictions"] {
            let progress = try String(contentsOf: dir.appendingPathComponent("progress/\(name).jsonl"), encoding: .utf8)
            #expect(progress.split(separator: "\n").count == Int(summary.batches[name] ?? -1))
        }
    }
}
