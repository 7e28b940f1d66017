import Customer360
import DataGenerator
import Foundation
import Testing

/// `s360 generate` output through the engine: the top-up and churn dumps read it without
/// quarantining anything, join it, and null the malformed values the generators planted.
@Suite(.serialized) struct GeneratedDataEndToEndTests {
    static func jsonLines(_ path: String) throws -> [[String: Any]] {
        try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
        }
    }

    @Test func generatedTopUpDataRunsThroughTheTopUpDump() async throws {
        let data = try FixturePaths.temporaryDirectory("gen-topup")
        let out = try FixturePaths.temporaryDirectory("gen-topup-out")
        defer { for url in [data, out] { try? FileManager.default.removeItem(at: url) } }
        let manifest = try TopUpGenerator(configuration: .init(customers: 1000, seed: 17, outputDirectory: data.path)).run()

        let results = try await TopUpDump(
            customerLocation: data.appendingPathComponent("customer").path, bureauLocation: data.appendingPathComponent("bureau").path,
            trigger: .availableNow, readLimit: .maxFiles(1), outputDirectory: out.path, log: { _ in }
        ).run()
        let byName = Dictionary(uniqueKeysWithValues: results.map { ($0.name, $0) })
        for result in results { #expect(result.quarantinedMessages == 0, "\(result.name)") }
        #expect(byName["customer_parsed"]?.rows == manifest["customer_records"])
        #expect(byName["bureau_cleaned"]?.rows == manifest["bureau_records"])
        let joined = byName["joined"]?.rows ?? 0
        #expect(joined > 500 && joined <= 1000, "joined \(joined) of 1000 customers")
        // Messages held back beyond the watermark are dropped as late rows.
        #expect((byName["bureau_groups"]?.lateRowsDropped ?? 0) > 0)

        // Malformed dates become null: more null DisbursalDates after the cast than missing or null before it.
        let parsed = try Self.jsonLines(out.appendingPathComponent("customer_parsed.jsonl").path)
        let nullAfterCast = parsed.filter { $0["DisbursalDate"] == nil || $0["DisbursalDate"] is NSNull }.count
        var missingBefore = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("customer").path) {
            let text = try Data(contentsOf: data.appendingPathComponent("customer/\(name)"))
            for line in text.split(separator: UInt8(ascii: "\n")) {
                let records = try JSONSerialization.jsonObject(with: Data(line)) as? [[String: Any]] ?? []
                missingBefore += records.filter { $0["DisbursalDate"] == nil || $0["DisbursalDate"] is NSNull }.count
            }
        }
        #expect(nullAfterCast > missingBefore)
        #expect(nullAfterCast < parsed.count / 10)
    }

    @Test func generatedClickstreamAndCRMJoinInTheChurnDump() async throws {
        let data = try FixturePaths.temporaryDirectory("gen-churn")
        let out = try FixturePaths.temporaryDirectory("gen-churn-out")
        defer { for url in [data, out] { try? FileManager.default.removeItem(at: url) } }
        let clicks = data.appendingPathComponent("clickstream").path
        let crm = data.appendingPathComponent("crm").path
        let clickManifest = try ClickstreamGenerator(configuration: .init(customers: 600, seed: 23, outputDirectory: clicks)).run()
        try CRMGenerator(configuration: .init(customers: 600, seed: 23, outputDirectory: crm)).run()

        let counts = try await ChurnDump(
            clickLocation: clicks, crmPath: crm + "/crm.jsonl", trigger: .availableNow, readLimit: .maxFiles(1),
            outputDirectory: out.path, log: { _ in }
        ).run()
        // An inner join: every event of a known user finds exactly one CRM document.
        let events = clickManifest["events"] ?? 0
        let anonymous = clickManifest["anonymous_events"] ?? 0
        #expect(counts["joined"] == events - anonymous)
        #expect(anonymous > 0)
        #expect(counts["weblog_stats"] ?? 0 > 0)

        let joined = try Self.jsonLines(out.appendingPathComponent("joined.jsonl").path)
        let labels = Set(joined.compactMap { $0["churn_label"] as? Int })
        #expect(labels == [0, 1])
        // Malformed response times ("", "n/a", "1,203", "250ms") cast to null, beside the explicit nulls.
        let nullTimes = joined.filter { $0["response_time_ms"] == nil || $0["response_time_ms"] is NSNull }.count
        #expect(nullTimes > 0 && nullTimes < joined.count / 20)
        #expect(joined.contains { $0["loyalty_tier"] is String } && joined.contains { $0["loyalty_tier"] == nil || $0["loyalty_tier"] is NSNull })
    }

    /// The labels are learnable: models trained on generated data rank held-out rows well
    /// above chance (a label drawn independently of the features would give 0.5).
    @Test func generatedLabelsArePredictedByTheFeatures() throws {
        let data = try FixturePaths.temporaryDirectory("gen-train")
        defer { try? FileManager.default.removeItem(at: data) }
        try TopUpGenerator(configuration: .init(customers: 3000, seed: 29, outputDirectory: data.appendingPathComponent("topup").path)).run()
        let topUp = try TopUpTraining.train(dataDirectory: data.appendingPathComponent("topup").path)
        #expect(topUp.ranking.areaUnderROC > 0.7, "top-up held-out AUC \(topUp.ranking.areaUnderROC)")

        let churn = data.appendingPathComponent("churn")
        try ClickstreamGenerator(configuration: .init(customers: 1500, seed: 29, outputDirectory: churn.appendingPathComponent("clickstream").path)).run()
        try CRMGenerator(configuration: .init(customers: 1500, seed: 29, outputDirectory: churn.appendingPathComponent("crm").path)).run()
        let report = try ChurnTraining.train(dataDirectory: churn.path)
        #expect(report.ranking.areaUnderROC > 0.75, "churn held-out AUC \(report.ranking.areaUnderROC)")
    }
}
