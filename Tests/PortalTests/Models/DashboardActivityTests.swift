import Foundation
import Testing
@testable import Portal

/// The dashboard tells running pipelines from idle ones, and counts what they read honestly.
@Suite struct DashboardActivityTests {
    /// The moment every test builds its model at.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func model(_ fixture: PortalFixture, queries: [String] = ["topup"]) -> DashboardModel {
        DashboardModel.build(
            store: PortalStore(path: fixture.configuration.storePath), progress: queries.map { fixture.follower($0) }, now: now,
            idleAfterSeconds: 30)
    }

    @Test func aQueryWithARecentBatchIsRunningWithItsRate() throws {
        let fixture = try PortalFixture.make(batches: 3)
        defer { fixture.remove() }
        try fixture.setLastBatch(at: Self.now.addingTimeInterval(-2))
        let model = Self.model(fixture)
        let health = try #require(model.health.first)
        #expect(health.activity == .running)
        #expect(health.lastBatchAgeSeconds == 2)
        #expect(model.topics.first?.eventsPerSecond == 2000)
        #expect(model.idleSeconds == nil)
        let table = HealthTableView.render(model.health).rendered
        #expect(table.contains("keeping up") && !table.contains("idle"))
    }

    @Test func anHourWithoutABatchIsIdleWithNoRateAndNoKeepingUpClaim() throws {
        let fixture = try PortalFixture.make(batches: 3)
        defer { fixture.remove() }
        try fixture.setLastBatch(at: Self.now.addingTimeInterval(-3600))
        let model = Self.model(fixture)
        let health = try #require(model.health.first)
        #expect(health.activity == .idle)
        #expect(health.lastBatchAgeSeconds == 3600)
        #expect(!health.fallingBehind)
        #expect(model.topics.first?.eventsPerSecond == 0 && model.topics.first?.idle == true)
        #expect(model.totalEventsPerSecond == 0)
        #expect(model.totalEvents == 3000, "what was read stays counted")
        #expect(model.idleSeconds == 3600)

        let table = HealthTableView.render(model.health).rendered
        #expect(table.contains("idle") && table.contains("60.0 min ago"))
        #expect(!table.contains("keeping up") && !table.contains("behind"))
        let topics = DashboardView.topics(model).rendered
        #expect(topics.contains(">—<") && !topics.contains("2,000.0"))
        let kpis = DashboardView.kpis(model).rendered
        #expect(kpis.contains("No batch for 60.0 min"))
        #expect(kpis.contains(#"id="kpi-rate">0<"#) || kpis.contains(#"id="kpi-rate">—<"#))
    }

    @Test func aQueryWithoutAWatermarkShowsNone() throws {
        let fixture = try PortalFixture.make(batches: 0)
        defer { fixture.remove() }
        try fixture.appendProgress(batches: 0..<2, query: "churn", source: "KafkaV2[clickstream]") { _ in "1970-01-01T00:00:00.000Z" }
        try fixture.setLastBatch(of: "churn", at: Self.now)
        let model = Self.model(fixture, queries: ["churn"])
        #expect(model.health.first?.watermark == nil)
        let table = HealthTableView.render(model.health).rendered
        #expect(!table.contains("1970"))
    }

    @Test func aTopicReadByTwoQueriesIsCountedOnceInTheTotals() throws {
        let fixture = try PortalFixture.make(batches: 0)
        defer { fixture.remove() }
        for query in ["topup_joined", "topup_scored"] {
            try fixture.appendProgress(batches: 0..<3, query: query)
            try fixture.setLastBatch(of: query, at: Self.now)
        }
        let model = Self.model(fixture, queries: ["topup_joined", "topup_scored"])
        #expect(model.topics.count == 2, "each query's reading is still listed")
        #expect(model.totalEvents == 3000)
        #expect(model.totalEventsPerSecond == 2000)
    }
}
