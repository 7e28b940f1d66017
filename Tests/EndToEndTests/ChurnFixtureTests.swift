import Columnar
import Customer360
import DocumentStore
import JSONIngest
import Foundation
import Testing

/// The Customer 360 churn pipeline against what Apache Spark 4.3 produced for `c360-small`.
@Suite(.serialized) struct ChurnFixtureTests {
    let fixture = FixturePaths.shared.appendingPathComponent("fixtures/c360-small")

    @Test(arguments: [1, 2, 3, 8]) func joinedRowsStatisticsAndPredictionsMatchSpark(partitions: Int) async throws {
        let out = try FixturePaths.temporaryDirectory("churn")
        var job = ChurnDump(
            clickLocation: fixture.appendingPathComponent("input/clickstream").path,
            crmPath: fixture.appendingPathComponent("input/crm/crm.jsonl").path,
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path,
            modelDirectory: fixture.appendingPathComponent("spark_churn_model").path, log: { _ in }
        )
        job.partitions = partitions
        let counts = try await job.run()
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(counts["joined"] == 15410)
        #expect(counts["weblog_stats"] == 24)
        #expect(counts["predictions"] == 15410)
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, fixture.appendingPathComponent("expected").path, out.path,
            "joined.jsonl", "weblog_stats.jsonl", "predictions.jsonl",
        ])
        #expect(status == 0, "compare_dumps.py reported differences:\n\(output)")
    }

    @Test func theCRMTableCanComeFromTheDocumentStore() async throws {
        let out = try FixturePaths.temporaryDirectory("churn-store")
        defer { try? FileManager.default.removeItem(at: out) }
        let crmFile = fixture.appendingPathComponent("input/crm/crm.jsonl")
        let (rows, _) = JSONDocumentReader.read([UInt8](try Data(contentsOf: crmFile)), source: crmFile.path)
        let storeURL = "sqlite:\(out.path)/crm.sqlite"
        let store = try DocumentStoreURL(storeURL).open()
        try store.createTable("crm", idField: "user_id").insert(DocumentEncoder.documents(rows))
        store.close()
        let counts = try await ChurnDump(
            clickLocation: fixture.appendingPathComponent("input/clickstream").path, crmPath: "\(storeURL)#crm",
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path, log: { _ in }
        ).run()
        #expect(counts["joined"] == 15410)
        let (status, output) = try FixturePaths.run("python3", [
            FixturePaths.compareDumps.path, fixture.appendingPathComponent("expected").path, out.path, "joined.jsonl",
        ])
        #expect(status == 0, "compare_dumps.py reported differences:\n\(output)")
    }
}
