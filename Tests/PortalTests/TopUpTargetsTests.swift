import Foundation
import HummingbirdTesting
import Testing
@testable import Portal

/// The dashboard's top-up numbers lead to the customers: a list per state, each to its 360 page.
@Suite struct TopUpTargetsTests {
    @Test func theTargetsOfAStateLinkToTheir360PagesWhichShowThePrediction() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            let list = try await client.execute(uri: "/targets?state=GUJARAT", method: .get) { String(buffer: $0.body) }
            #expect(list.contains(#"<a href="/customers/10878">Kenji Kim</a>"#))
            #expect(list.contains("71.0 %") && list.contains("<thead>"))
            let none = try await client.execute(uri: "/targets?state=BIHAR", method: .get) { String(buffer: $0.body) }
            #expect(!none.contains("/customers/10878") && none.contains("No predicted top-up customers"))
            let all = try await client.execute(uri: "/targets", method: .get) { String(buffer: $0.body) }
            #expect(all.contains(#"<a href="/customers/10878">"#))

            let page = try await client.execute(uri: "/customers/10878", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("Likely to top up") && page.contains("probability 71.0 %"))

            let dashboard = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(dashboard.contains(#"<a href="/targets?state=BIHAR""#), "a state tile links to its targets")
            #expect(dashboard.contains(#"href="/targets""#), "the top-up KPI links to every target")
        }
    }
}
