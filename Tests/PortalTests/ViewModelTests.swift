import DocumentStore
import Foundation
import Testing
@testable import Portal

@Suite struct ViewModelTests {
    @Test func churnScoresFallIntoDeciles() {
        let bars = DashboardModel.deciles([0.05, 0.15, 0.19, 0.99, 1.0, 0.5])
        #expect(bars.count == 10)
        #expect(bars.map(\.count) == [1, 2, 0, 0, 0, 1, 0, 0, 0, 2])
        #expect(bars[0].label == "0.0–0.1")
        #expect(DashboardModel.deciles([]).isEmpty)
    }

    @Test func responseTimesAverageNumbersAndNumericStrings() {
        let clicks = [#"{"browser":"Edge","response_time_ms":100}"#, #"{"browser":"Edge","response_time_ms":"300"}"#,
                      #"{"browser":"Chrome","response_time_ms":"n/a"}"#, #"{"response_time_ms":50}"#].compactMap(JSONValue.parse)
        let bars = DashboardModel.averageResponse(clicks, by: "browser")
        #expect(bars.map(\.label) == ["Edge", "unknown"])
        #expect(bars.map(\.value) == [200, 50])
        #expect(bars.map(\.count) == [2, 1])
    }

    @Test func topicNamesComeFromSourceDescriptions() {
        #expect(DashboardModel.topicName("KafkaV2[clickstream]") == "clickstream")
        #expect(DashboardModel.topicName("FileStreamSource[input/bureau]") == "bureau")
        #expect(DashboardModel.topicName("memory") == "memory")
    }

    @Test func nextBestActionFollowsTheScores() {
        let urgent = NextBestAction.recommend(churnProbability: 0.82, topUpPredicted: true, averageResponseMs: 1200, sentiment: "negative")
        #expect(urgent.map(\.urgency) == [.high, .medium, .medium, .low])
        #expect(urgent[0].text.contains("82%"))
        let calm = NextBestAction.recommend(churnProbability: 0.1, topUpPredicted: false, averageResponseMs: 200, sentiment: "positive")
        #expect(calm.count == 1 && calm[0].urgency == .low && calm[0].text.hasPrefix("Low risk"))
        #expect(NextBestAction.recommend(churnProbability: 0.5, topUpPredicted: false, averageResponseMs: nil, sentiment: nil)[0].urgency == .medium)
    }

    @Test func personalFieldsAreMaskedOnlyWhenAsked() {
        let mask = PersonalDataMask(isEnabled: true)
        #expect(mask.apply(field: "name", value: "Kenji Kim") == "K•••• K••")
        #expect(mask.apply(field: "phone_number", value: "555 1234") == "5•• 1•••")
        #expect(mask.apply(field: "zip", value: "33102") == "33102")
        #expect(PersonalDataMask(isEnabled: false).apply(field: "name", value: "Kenji Kim") == "Kenji Kim")
    }

    @Test func progressFollowerReadsAppendedLinesOnceAndWaitsForNewlines() throws {
        let fixture = try PortalFixture.make(batches: 2)
        defer { fixture.remove() }
        var follower = ProgressFollower(path: fixture.directory + "/progress/topup.jsonl", recentLimit: 2)
        let first = follower.poll()
        #expect(first)
        #expect(follower.lineCount == 2 && follower.totalInputRows == ["KafkaV2[bureau_data]": 2000] && follower.totalQuarantined == 2)
        let nothingNew = follower.poll()
        #expect(!nothingNew)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: follower.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"batchId":9,"numInputRows":5}"#.utf8))
        let partial = follower.poll()
        #expect(partial && follower.lineCount == 2)
        try handle.write(contentsOf: Data("\nnot json\n".utf8))
        try handle.close()
        follower.poll()
        #expect(follower.lineCount == 3 && follower.unreadableLines == 1)
        #expect(follower.recent.map(\.batchId) == [1, 9])
        #expect(follower.totalInputRows["all"] == 5)
        #expect(follower.queryName == "topup")
    }

    @Test func dashboardModelReadsStoreAndProgress() throws {
        let fixture = try PortalFixture.make(batches: 3)
        defer { fixture.remove() }
        var follower = ProgressFollower(path: fixture.directory + "/progress/topup.jsonl")
        follower.poll()
        let model = DashboardModel.build(store: PortalStore(path: fixture.configuration.storePath), progress: [follower], now: Date())
        #expect(model.storeProblem == nil)
        #expect(model.customerCount == 3)
        #expect(model.topics == [.init(topic: "bureau_data", query: "topup", eventsPerSecond: 2000, totalEvents: 3000)])
        #expect(model.health.first?.batchId == 2 && model.health.first?.stateRows == 42 && model.health.first?.quarantined == 3)
        #expect(model.health.first?.fallingBehind == false)
        #expect(model.stateCounts == ["BIHAR": 5, "ORISSA": 7, "UNKNOWN": 1])
        #expect(model.churnDistribution.map(\.count) == [0, 1, 0, 0, 1, 0, 0, 0, 1, 0])
        #expect(model.responseByBrowser.map(\.label) == ["Edge", "Chrome"])
    }

    @Test func theFeedRereadsProgressEveryTimeAndTheStoreOnlyWhenItsIntervalPassed() async throws {
        let fixture = try PortalFixture.make(batches: 3)
        defer { fixture.remove() }
        let store = PortalStore(path: fixture.configuration.storePath)
        func addCustomer(_ id: Int) throws {
            let documents = try DocumentStoreURL("sqlite:\(fixture.configuration.storePath)").open()
            defer { documents.close() }
            try documents.openTable("crm").upsert([Document(json: #"{"user_id":\#(id),"name":"New Customer"}"#)])
        }
        let rarely = DashboardFeed(store: store, progressPath: fixture.directory + "/progress", interval: .milliseconds(1),
                                   storeInterval: .seconds(3600))
        let first = await rarely.refresh()
        try addCustomer(70001)
        try fixture.appendProgress(batches: 3..<4)
        let second = await rarely.refresh()
        #expect(first.model.customerCount == 3 && second.model.customerCount == 3, "the store was read again too early")
        #expect(second.model.health.first?.batchId == 3, "progress is read on every refresh")

        let always = DashboardFeed(store: store, progressPath: fixture.directory + "/progress", interval: .milliseconds(1),
                                   storeInterval: .zero)
        _ = await always.refresh()
        try addCustomer(70002)
        #expect(await always.refresh().model.customerCount == 5)
    }

    @Test func missingDemoDirectoryGivesAnEmptyDashboard() {
        let model = DashboardModel.build(store: PortalStore(path: "/nonexistent/customer360.sqlite"), progress: [], now: Date())
        #expect(model == DashboardModel())
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/customer360.sqlite"))
    }

    @Test func customerProfileGathersEverySource() throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let store = PortalStore(path: fixture.configuration.storePath)
        let profile = try CustomerProfile.load(id: PortalFixture.knownID, store: store, mask: PersonalDataMask(isEnabled: false))
        #expect(profile.name == PortalFixture.knownName)
        #expect(profile.fields.prefix(4).map(\.name) == ["user_id", "name", "address", "zip"])
        #expect(profile.fields.contains(.init(name: "loyalty_tier", value: "gold")))
        #expect(profile.churnProbability == 0.82)
        #expect(profile.churnHistory.map(\.probability) == [0.61, 0.82])
        #expect(profile.topUp?.predicted == true && profile.topUp?.state == "GUJARAT")
        #expect(profile.recentClicks.map(\.product) == ["Laptop", "Headphones"])
        #expect(profile.averageResponseMs == 1265.5)
        #expect(profile.actions.first?.urgency == .high)
        let plain = try CustomerProfile.load(id: PortalFixture.plainID, store: store, mask: PersonalDataMask(isEnabled: true))
        #expect(!plain.fields.contains { $0.name == "loyalty_tier" })
        #expect(plain.name == "L•••• S•••" && plain.topUp == nil)
        #expect(throws: PortalError.customerNotFound(id: "424242")) {
            try CustomerProfile.load(id: "424242", store: store, mask: PersonalDataMask(isEnabled: false))
        }
    }

    @Test func searchMatchesIdNameAndZip() throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let store = PortalStore(path: fixture.configuration.storePath)
        let off = PersonalDataMask(isEnabled: false)
        #expect(try CustomerSearch.run("kenji", store: store, mask: off).matches.map(\.id) == ["10878"])
        #expect(try CustomerSearch.run("10100", store: store, mask: off).matches.map(\.id) == ["10100"])
        #expect(try CustomerSearch.run("787", store: store, mask: off).matches.map(\.id) == ["10100"])
        #expect(try CustomerSearch.run("  ", store: store, mask: off).matches.isEmpty)
    }

    @Test func configurationRequiresATokenOffLoopback() throws {
        var configuration = PortalConfiguration()
        try configuration.validate()
        configuration.host = "0.0.0.0"
        #expect(throws: PortalError.tokenRequired(host: "0.0.0.0")) { try configuration.validate() }
        configuration.token = "short"
        #expect(throws: PortalError.self) { try configuration.validate() }
        configuration.token = "a-long-enough-secret"
        try configuration.validate()
    }
}
