import DataGenerator
import Foundation
import Testing

@Suite struct ChurnGeneratorTests {
    func generate(customers: Int, seed: UInt64) throws -> (clicks: String, crm: String, GenerationManifest, GenerationManifest) {
        let root = try GeneratedFiles.temporaryDirectory("churn")
        let clicks = ChurnGeneratorConfiguration(customers: customers, seed: seed, outputDirectory: root + "/clickstream")
        let crm = ChurnGeneratorConfiguration(customers: customers, seed: seed, outputDirectory: root + "/crm")
        return (clicks.outputDirectory, crm.outputDirectory,
                try ClickstreamGenerator(configuration: clicks).run(), try CRMGenerator(configuration: crm).run())
    }

    /// Removes the data set root holding `directory`.
    func remove(_ directory: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: directory).deletingLastPathComponent())
    }

    @Test func theSameArgumentsWriteTheSameBytes() throws {
        let a = try generate(customers: 500, seed: 4)
        let b = try generate(customers: 500, seed: 4)
        let c = try generate(customers: 500, seed: 5)
        defer { for run in [a, b, c] { remove(run.clicks) } }
        #expect(try GeneratedFiles.contents(of: a.clicks) == GeneratedFiles.contents(of: b.clicks))
        #expect(try GeneratedFiles.contents(of: a.crm) == GeneratedFiles.contents(of: b.crm))
        #expect(try GeneratedFiles.contents(of: a.crm) != GeneratedFiles.contents(of: c.crm))
        #expect(try GeneratedFiles.contents(of: a.clicks).count == 8 + 1)
    }

    @Test func clickstreamCountsMatchAndKnownUsersAreInTheCRM() throws {
        let (clicks, crm, clickManifest, crmManifest) = try generate(customers: 1500, seed: 12)
        defer { remove(clicks) }
        let messages = try GeneratedFiles.messages(in: clicks)
        let events = GeneratedFiles.records(messages)
        #expect(messages.count == clickManifest["messages"])
        #expect(messages.filter { $0 is [Any] }.count == clickManifest["array_messages"])
        #expect(events.count == clickManifest["events"])
        #expect(events.count == 12_000)
        let documents = GeneratedFiles.records(try GeneratedFiles.messages(in: crm))
        #expect(documents.count == crmManifest["crm_documents"])
        let crmIDs = Set(documents.compactMap { $0["user_id"] as? Int })
        #expect(crmIDs == Set(10_001...11_500))
        #expect(documents.compactMap { $0["user_id"] as? Int } != Array(10_001...11_500))  // shuffled
        let unknown = events.filter { !crmIDs.contains($0["user_id"] as? Int ?? -1) }.count
        #expect(unknown == clickManifest["anonymous_events"])
        #expect(unknown > 0)
        let seenUsers = Set(events.compactMap { $0["user_id"] as? Int }).intersection(crmIDs)
        #expect(crmIDs.count - seenUsers.count >= crmManifest["users_without_events"] ?? 0)

        let times = events.compactMap { $0["response_time_ms"] as? String }
        let digitsOnly = times.filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }.count
        #expect(times.count - digitsOnly == clickManifest["malformed_response_times"])
        #expect(events.filter { $0["response_time_ms"] is NSNull }.count == clickManifest["null_response_times"])
        #expect(events.contains { $0["browser"] == nil })
    }

    @Test func crmDocumentsAreSparseAndMostlyIntegerRisks() throws {
        let (_, crm, _, manifest) = try generate(customers: 3000, seed: 2)
        defer { remove(crm) }
        let documents = GeneratedFiles.records(try GeneratedFiles.messages(in: crm))
        for extra in ["twitter_handle", "app_version", "loyalty_tier"] {
            let present = documents.filter { $0[extra] != nil }.count
            #expect(present > 300 && present < 1500, "\(extra) present in \(present) of 3000")
        }
        let risks = documents.compactMap { $0["churn_risk"] as? NSNumber }
        let fractional = risks.filter { $0.doubleValue != $0.doubleValue.rounded() }.count
        #expect(fractional == manifest["float_churn_risks"] && fractional > 0 && fractional < risks.count / 10)
        #expect(3000 - risks.count == manifest["missing_churn_risks"])
        #expect(documents.contains { ($0["name"] as? String)?.contains("Müller") == true })
        let labelShare = Double(risks.filter { $0.doubleValue >= 20 }.count) / Double(risks.count)
        #expect(labelShare > 0.2 && labelShare < 0.7)
    }
}
