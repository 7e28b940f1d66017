import Columnar
import Connectors
import Customer360
import DocumentStore
import Foundation
import JSONIngest
import MachineLearning
import StreamExecution
import StreamPlan
import Testing

/// The churn pipeline with its CRM documents in the document store, on SQLite and — when a
/// server is available — PostgreSQL: awkward text survives the store, the join and the
/// predictions written back, byte for byte; the fixture's CRM read from PostgreSQL gives Spark's join.
///
/// PostgreSQL runs when `STREAM360_POSTGRES_URL` is set, or when `scripts/postgres-test-server.sh
/// start` wrote `out/postgres-test/url` (as the DocumentStore contract tests find it); without
/// either, the PostgreSQL cases are reported as skipped.
@Suite(.serialized) struct ChurnDocumentStoreTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    static let postgresURL: String? = {
        if let url = ProcessInfo.processInfo.environment["STREAM360_POSTGRES_URL"], !url.isEmpty { return url }
        let file = FixturePaths.repositoryRoot.appendingPathComponent("out/postgres-test/url")
        let text = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return text?.isEmpty == false ? text : nil
    }()

    static let backends: [Backend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    static let fixture = FixturePaths.shared.appendingPathComponent("fixtures/c360-small")

    /// The store URL for a backend: a new SQLite file in `directory`, or the PostgreSQL server.
    static func storeURL(_ backend: Backend, in directory: URL) throws -> String {
        switch backend {
        case .sqlite: return "sqlite:\(directory.path)/store.sqlite"
        case .postgres: return try #require(postgresURL)
        }
    }

    /// Quotes, an apostrophe, a backslash, a newline, a tab, an em dash, Kannada, an emoji, and
    /// "ë" both precomposed and decomposed (equal as Swift strings, different as bytes).
    static let name = "Zoë \"Z\" O'Brien (Zoe\u{308})"
    static let address = "flat 2, C:\\Users\\zoe\tback\nBengaluru — ಬೆಂಗಳೂರು 🙂"

    static func bytes(_ scalar: Scalar?) -> [UInt8]? {
        guard case .string(let text)? = scalar else { return nil }
        return Array(text.utf8)
    }

    @Test(arguments: backends)
    func textWithQuotesNewlinesAndNonASCIISurvivesTheStoreTheJoinAndThePredictionsByteForByte(_ backend: Backend) async throws {
        let dir = try FixturePaths.temporaryDirectory("churn-text-\(backend)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = try Self.storeURL(backend, in: dir)
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let crmName = "crm_\(suffix)", predictionsName = "churn_predictions_\(suffix)"
        let store = try DocumentStoreURL(url).open()
        defer {
            _ = try? store.dropTable(crmName)
            _ = try? store.dropTable(predictionsName)
            store.close()
        }
        let crm = try store.createTable(crmName, idField: "user_id")
        try crm.insert([
            Document(["user_id": 1, "name": .string(Self.name), "address": .string(Self.address), "churn_risk": 50,
                      "sentiment": "negative", "persona": "bargain hunter", "loyalty_tier": "gold"]),
            Document(["user_id": 2, "name": "Plain Name", "address": "Pune", "churn_risk": 5,
                      "sentiment": "positive", "persona": "loyalist", "loyalty_tier": "silver"]),
        ])
        // The store itself gives the text back unchanged.
        let stored = try #require(try crm.get(1))
        #expect(Self.bytes(stored["name"]) == Array(Self.name.utf8))
        #expect(Self.bytes(stored["address"]) == Array(Self.address.utf8))

        // Through the join (CRM read from the store as `s360 churn --crm URL#TABLE` does) into joined.jsonl.
        let clicks = dir.appendingPathComponent("clickstream")
        try FileManager.default.createDirectory(at: clicks, withIntermediateDirectories: true)
        try Data([ChurnBadInputTests.click(1, second: 1), ChurnBadInputTests.click(2, second: 2)].joined(separator: "\n").utf8)
            .write(to: clicks.appendingPathComponent("part-00000.jsonl"))
        let out = dir.appendingPathComponent("out")
        let counts = try await ChurnDump(
            clickLocation: clicks.path, crmPath: "\(url)#\(crmName)", trigger: .availableNow, readLimit: .all,
            outputDirectory: out.path, log: { _ in }
        ).run()
        #expect(counts["joined"] == 2)
        let joined = try ChurnBadInputTests.jsonLines(out.appendingPathComponent("joined.jsonl"))
        let row = try #require(joined.first { $0["user_id"] as? Int == 1 })
        #expect((row["name"] as? String).map { Array($0.utf8) } == Array(Self.name.utf8))
        #expect((row["address"] as? String).map { Array($0.utf8) } == Array(Self.address.utf8))

        // Scored, then saved back: the predictions as documents of their own, the score merged into the CRM document.
        let model = try PipelineModel.load(directory: ChurnBadInputTests.model)
        let pipeline = ChurnPipeline(clickSource: try TextFileSource(directory: clicks.path), crm: try crm.scan())
        let predictions = DocumentTableSink(table: try store.createTable(predictionsName, idField: "user_id"), mode: .upsert)
        let merge = DocumentTableSink(table: crm, mode: .merge, writer: "churn-score")
        let sink = ForeachBatchSink(name: "churn_predictions") { batchId, batch in
            let picked = ["user_id", "name", "address", "churn_label", "prediction"]
            try predictions.write(batchId, RecordBatch(
                schema: Schema(try picked.map { Field($0, try batch.column($0).type) }),
                columns: try picked.map { try batch.column($0) }, rowCount: batch.rowCount))
            try merge.write(batchId, RecordBatch(
                schema: Schema([Field("user_id", try batch.column("user_id").type), Field("churn_prediction", .double)]),
                columns: [try batch.column("user_id"), try batch.column("prediction")], rowCount: batch.rowCount))
        }
        let query = try StreamingQuery(try pipeline.joined().transform(with: model), sink: sink, configuration: .init(name: "churn_predictions"))
        try await query.run()

        let saved = try #require(try store.openTable(predictionsName).get(1))
        #expect(Self.bytes(saved["name"]) == Array(Self.name.utf8))
        #expect(Self.bytes(saved["address"]) == Array(Self.address.utf8))
        #expect(saved["churn_label"] == .long(1))
        let merged = try #require(try crm.get(1))
        #expect(Self.bytes(merged["name"]) == Array(Self.name.utf8))
        #expect(Self.bytes(merged["address"]) == Array(Self.address.utf8))
        #expect(merged["churn_prediction"] == saved["prediction"])
        #expect(try crm.count() == 2)
    }

    /// The sqlite variant is `ChurnFixtureTests.theCRMTableCanComeFromTheDocumentStore`.
    @Test(.enabled(if: postgresURL != nil, "needs STREAM360_POSTGRES_URL or scripts/postgres-test-server.sh start"))
    func theFixturesCRMReadFromPostgreSQLGivesSparksJoin() async throws {
        let url = try #require(Self.postgresURL)
        let out = try FixturePaths.temporaryDirectory("churn-postgres")
        defer { try? FileManager.default.removeItem(at: out) }
        let crmFile = Self.fixture.appendingPathComponent("input/crm/crm.jsonl")
        let (rows, rejected) = JSONDocumentReader.read([UInt8](try Data(contentsOf: crmFile)), source: crmFile.path)
        #expect(rejected.isEmpty && rows.rowCount == 2000)
        let table = "crm_\(UUID().uuidString.prefix(8).lowercased())"
        let store = try DocumentStoreURL(url).open()
        defer {
            _ = try? store.dropTable(table)
            store.close()
        }
        try store.createTable(table, idField: "user_id").insert(DocumentEncoder.documents(rows))
        let counts = try await ChurnDump(
            clickLocation: Self.fixture.appendingPathComponent("input/clickstream").path, crmPath: "\(url)#\(table)",
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path, log: { _ in }
        ).run()
        #expect(counts["joined"] == 15410)
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, Self.fixture.appendingPathComponent("expected").path, out.path, "joined.jsonl",
        ])
        #expect(status == 0, "compare_dumps.py reported differences:\n\(output)")
    }
}
