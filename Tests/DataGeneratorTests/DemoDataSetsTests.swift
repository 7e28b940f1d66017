import Foundation
import Testing
import DataGenerator

/// The demo's two data sets describe one set of customers: every top-up customer ID is a CRM user id.
@Suite struct DemoDataSetsTests {
    @Test func topUpCustomersAndCRMUsersAreTheSamePeople() throws {
        let directory = try GeneratedFiles.temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try DemoDataSets.writeTopUp(customers: 120, seed: 7, to: directory + "/topup")
        try DemoDataSets.writeChurn(customers: 120, seed: 7, to: directory + "/churn")

        let topUpIDs = Set(GeneratedFiles.records(try GeneratedFiles.messages(in: directory + "/topup/customer")).compactMap { $0["ID"] as? String })
        let crmIDs = Set(GeneratedFiles.records(try GeneratedFiles.messages(in: directory + "/churn/crm")).compactMap { ($0["user_id"] as? NSNumber)?.intValue })
        let bureauIDs = Set(GeneratedFiles.records(try GeneratedFiles.messages(in: directory + "/topup/bureau")).compactMap { $0["ID"] as? String })
        #expect(crmIDs.count == 120)
        #expect(Set(topUpIDs.compactMap { Int($0) }) == crmIDs, "the top-up customers are the CRM's users")
        #expect(bureauIDs.isSubset(of: topUpIDs) && !bureauIDs.isEmpty)
        let clickIDs = Set(GeneratedFiles.records(try GeneratedFiles.messages(in: directory + "/churn/clickstream")).compactMap { ($0["user_id"] as? NSNumber)?.intValue })
        #expect(!clickIDs.intersection(Set(topUpIDs.compactMap { Int($0) })).isEmpty, "clicks come from top-up customers too")
    }

    @Test func theDefaultTopUpIDsStillStartAtOne() throws {
        let directory = try GeneratedFiles.temporaryDirectory("topup-default")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try TopUpGenerator(configuration: .init(customers: 60, seed: 7, outputDirectory: directory)).run()
        let ids = GeneratedFiles.records(try GeneratedFiles.messages(in: directory + "/customer")).compactMap { $0["ID"] as? String }
        #expect(Set(ids) == Set((1...60).map(String.init)), "s360 generate topup and the shared fixtures keep IDs 1…N")
        let manifest = try String(contentsOfFile: directory + "/manifest.json", encoding: .utf8)
        #expect(!manifest.contains("first_id"), "the fixtures' manifest format is unchanged")
    }
}
