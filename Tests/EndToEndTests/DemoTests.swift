import Customer360
import DocumentStore
import FileConnector
import Foundation
import SQLTables
import StreamSQL
import Synchronization
import Testing

/// `s360 demo` end to end: embedded broker, producers, three concurrent checkpointed queries.
@Suite(.serialized) struct DemoTests {
    @Test func theDemoFillsTheStoreParquetAndProgressFromTheEmbeddedBroker() async throws {
        let dir = try FixturePaths.temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let configuration = DemoConfiguration.fastFixtures(in: dir)
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
        // Each prediction carries its score, when it was made and the features it was based on.
        let prediction = try #require(try store.openTable("realtime_churn_predictions").find(where: [], projection: nil, limit: 1).first)
        for field in ["id", "user_id", "churn_probability", "churn_prediction", "scored_at", "os", "browser", "product",
                      "sentiment", "persona", "response_time_ms"] {
            #expect(prediction.fields[field] != nil, "realtime_churn_predictions lacks \(field): \(prediction.json)")
        }
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
        #expect(predictions.schema.names == ["ID", "window_start", "window_end", "ts", "prediction", "probability", "Top-up_Month", "State"])
        // Issue 12's analyst question over what the demo wrote: target customers per state.
        let perState = try SQLSession(catalog: SQLCatalog(resolver: SQLPathTables.resolver())).run(
            "SELECT State, count(*) FROM parquet.`\(dir.path)/parquet/top_up_predictions` WHERE prediction = 1 GROUP BY State ORDER BY 2 DESC")
        let targets = predictions.columns[4].doubleValues.filter { $0 == 1 }.count
        #expect(perState.rowCount > 1)
        #expect(perState.columns[1].int64Values.reduce(0, +) == Int64(targets))
        #expect(perState.columns[1].int64Values == perState.columns[1].int64Values.sorted(by: >))
        for name in ["cust_bureau_df", "top_up_predictions", "realtime_churn_predictions"] {
            let progress = try String(contentsOf: dir.appendingPathComponent("progress/\(name).jsonl"), encoding: .utf8)
            #expect(progress.split(separator: "\n").count == Int(summary.batches[name] ?? -1))
        }
    }
    /// The default `s360 demo`: generated data, models trained on a separate generated set, both
    /// pipelines scoring with them, and the status line with its per-query counters.
    @Test func theDefaultDemoGeneratesDataTrainsTheModelsAndScoresWithThem() async throws {
        let dir = try FixturePaths.temporaryDirectory("demo-default")
        defer { try? FileManager.default.removeItem(at: dir) }
        var settings = DemoSettings()
        settings.outputDirectory = dir.path
        settings.trainingCustomers = 1000
        settings.streamingCustomers = 1000
        settings.recordsPerSecond = 0
        settings.triggerIntervalMs = 200
        try settings.validate()
        let preparationLog = Mutex<[String]>([])
        var configuration = try DemoPreparation(settings: settings, writer: CountingWriter(), log: { line in
            preparationLog.withLock { $0.append(line) }
        }).prepare()
        #expect(configuration.topupModel == "\(dir.path)/models/topup")
        #expect(configuration.churnModel == "\(dir.path)/models/churn")
        #expect(configuration.topupInput == "\(dir.path)/data/stream/topup")
        // Both models were trained, and their held-out metrics printed.
        #expect(preparationLog.withLock { $0 }.filter { $0.contains("test areaUnderROC") }.count == 2)
        #expect(FileManager.default.fileExists(atPath: "\(dir.path)/models/topup.training.json"))

        configuration.quietPeriod = .seconds(3)
        configuration.statusInterval = .milliseconds(500)
        configuration.maxDuration = .seconds(180)
        let lines = Mutex<[String]>([])
        let summary = try await DemoRunner(configuration: configuration, log: { line in lines.withLock { $0.append(line) } }).run()
        #expect(summary.batches.values.allSatisfy { $0 > 0 })

        let store = try DocumentStoreURL("sqlite:\(dir.path)/customer360.sqlite").open()
        defer { store.close() }
        #expect(try store.openTable("crm").count() == 1000)
        #expect(try store.openTable("realtime_churn_predictions").count() > 100)
        #expect(try store.openTable("topup_predictions").count() > 100)
        let status = try #require(lines.withLock { $0 }.last { $0.hasPrefix("[") })
        #expect(status.contains("producers done"), "\(status)")
        #expect(status.contains("churn: ") && status.contains("lag 0"), "\(status)")
    }
}
