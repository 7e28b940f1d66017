import DocumentStore
import Foundation
@testable import Portal

/// A demo directory for tests: a small SQLite store and progress files, removed by `remove()`.
struct PortalFixture {
    /// The customer every test looks for; has the sparse field `loyalty_tier`.
    static let knownID = "10878"
    static let knownName = "Kenji Kim"
    /// A customer without the sparse field.
    static let plainID = "10100"
    /// A customer whose name is a script.
    static let hostileID = "66666"
    static let hostileName = "<script>alert(1)</script>"

    let directory: String

    var configuration: PortalConfiguration {
        var configuration = PortalConfiguration()
        configuration.demoDirectory = directory
        configuration.port = 0
        configuration.refreshInterval = .milliseconds(200)
        return configuration
    }

    /// A fresh directory with the store filled and one progress file of `batches` lines.
    static func make(batches: Int = 3) throws -> PortalFixture {
        let directory = NSTemporaryDirectory() + "s360-portal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/progress", withIntermediateDirectories: true)
        let fixture = PortalFixture(directory: directory)
        try fixture.fillStore()
        try fixture.appendProgress(batches: 0..<batches)
        return fixture
    }

    func fillStore() throws {
        let store = try DocumentStoreURL("sqlite:\(directory)/customer360.sqlite").open()
        defer { store.close() }
        try store.createTable("crm", idField: "user_id").upsert([
            Document(json: #"{"user_id":10878,"name":"Kenji Kim","address":"9709 Sunset Blvd, Miami, FL","zip":"33102","sentiment":"negative","persona":"loyal","churn_risk":28,"loyalty_tier":"gold","churn_probability":0.82,"churn_prediction":1.0,"churn_scored_at":"2024-01-01T08:05:00Z"}"#),
            Document(json: #"{"user_id":10100,"name":"Lucas Sato","address":"883 Main St, Austin, TX","zip":"78725","sentiment":"positive","churn_probability":0.12}"#),
            Document(json: #"{"user_id":66666,"name":"<script>alert(1)</script>","address":"<img src=x onerror=alert(2)>","zip":"00000","churn_probability":0.45}"#),
        ])
        try store.createTable("realtime_churn_predictions", idField: "id").upsert([
            Document(json: #"{"id":"a1","user_id":10878,"churn_probability":0.61,"churn_prediction":1.0,"scored_at":"2024-01-01T08:01:00Z","product":"Monitor","response_time_ms":900}"#),
            Document(json: #"{"id":"a2","user_id":10878,"churn_probability":0.82,"churn_prediction":1.0,"scored_at":"2024-01-01T08:05:00Z","product":"Laptop","response_time_ms":1500}"#),
        ])
        try store.createTable("clicks", idField: "id").upsert([
            Document(json: #"{"id":"c1","user_id":10878,"datetime":"2024-01-01 08:00:03","os":"MacOS","browser":"Edge","product":"Headphones","url":"https://shop.example.com/p/headphones","response_time_ms":1131}"#),
            Document(json: #"{"id":"c2","user_id":10878,"datetime":"2024-01-01 08:04:00","os":"MacOS","browser":"Edge","product":"Laptop","url":"https://shop.example.com/p/laptop","response_time_ms":"1400"}"#),
            Document(json: #"{"id":"c3","user_id":10100,"datetime":"2024-01-01 08:02:00","os":"Android","browser":"Chrome","product":"Monitor","url":"https://shop.example.com/p/monitor","response_time_ms":200}"#),
        ])
        try store.createTable("topup_predictions", idField: "id").upsert([
            Document(json: #"{"id":"10878@2024-01-01T00:00:00Z","ID":"10878","window_start":"2024-01-01T00:00:00Z","window_end":"2024-01-01T00:00:30Z","ts":"2024-01-01T00:00:05Z","prediction":1.0,"probability":0.71,"State":"GUJARAT"}"#),
        ])
        try store.createTable("statewide_customer_count", idField: "window_end").upsert([
            Document(json: #"{"window_end":"2024-01-01T00:00:30Z","batch_id":2,"counts":[{"State":"BIHAR","target_customers":5},{"State":"ORISSA","target_customers":7},{"State":null,"target_customers":1}]}"#),
        ])
    }

    /// Appends one progress line per batch id to `progress/<query>.jsonl`: `rows` rows of
    /// `source` per batch, the watermark `2024-01-01T00:00:<10+batch>` unless `watermark` says
    /// otherwise (`"1970-01-01T00:00:00.000Z"` is what the engine writes for a query without one).
    func appendProgress(
        batches: Range<Int>, rows: Int = 1000, query: String = "topup", source: String = "KafkaV2[bureau_data]",
        watermark: ((Int) -> String)? = nil
    ) throws {
        let path = directory + "/progress/\(query).jsonl"
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        for batch in batches {
            let mark = watermark?(batch) ?? "2024-01-01T00:00:\(10 + batch).000Z"
            let line = #"{"name":"\#(query)","batchId":\#(batch),"numInputRows":\#(rows),"inputRowsPerSecond":900.0,"processedRowsPerSecond":2000.0,"durationMs":{"addBatch":400.0,"triggerExecution":500.0},"eventTime":{"watermark":"\#(mark)"},"stateOperators":[{"operatorName":"windowAggregate","numRowsTotal":\#(40 + batch),"numRowsUpdated":1,"numRowsRemoved":0,"numRowsDroppedByWatermark":0,"memoryUsedBytes":10}],"sources":[{"description":"\#(source)","startOffset":null,"endOffset":{"bureau_data":{"0":\#(batch)}},"numInputRows":\#(rows)}],"sink":{"description":"memory","numOutputRows":10},"numQuarantinedMessages":1}"#
            try handle.write(contentsOf: Data((line + "\n").utf8))
        }
    }

    /// Sets the modification time of `progress/<query>.jsonl`: when the query last reported a batch.
    func setLastBatch(of query: String = "topup", at date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: directory + "/progress/\(query).jsonl")
    }

    /// A follower of `progress/<query>.jsonl` that has read the file.
    func follower(_ query: String = "topup") -> ProgressFollower {
        var follower = ProgressFollower(path: directory + "/progress/\(query).jsonl")
        follower.poll()
        return follower
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
