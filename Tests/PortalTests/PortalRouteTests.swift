import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Portal

@Suite struct PortalRouteTests {
    @Test func searchListsMatchesLinkingToTheirPages() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/customers?q=kenji", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let body = String(buffer: response.body)
            #expect(body.contains(#"<a href="/customers/10878">Kenji Kim</a>"#))
            #expect(!body.contains("Lucas Sato"))
        }
    }

    @Test func aFullNameFromTheSearchFormIsFound() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            // What the header's form sends for "Kenji Kim": the space as `+`.
            let body = try await client.execute(uri: "/customers?q=Kenji+Kim", method: .get) { String(buffer: $0.body) }
            #expect(body.contains(#"<a href="/customers/10878">Kenji Kim</a>"#))
            #expect(body.contains(#"value="Kenji Kim""#), "the box shows the decoded text")
        }
    }

    @Test func customerPageShowsEveryFieldIncludingASparseOne() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            let body = try await client.execute(uri: "/customers/10878", method: .get) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(body.contains(#"<th>Loyalty tier</th><td data-field="loyalty_tier">gold</td>"#))
            #expect(body.contains("9709 Sunset Blvd, Miami, FL"))
            #expect(body.contains("82.0 %"))
            #expect(body.contains("Likely to top up"))
            #expect(body.contains("High churn risk"))
            #expect(body.contains("https://shop.example.com/p/laptop"))
            let plain = try await client.execute(uri: "/customers/10100", method: .get) { String(buffer: $0.body) }
            #expect(plain.contains("Lucas Sato") && !plain.contains("loyalty_tier"))
        }
    }

    @Test func unknownCustomerAndAssetAre404() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/customers/424242", method: .get)
            #expect(response.status == .notFound)
            #expect(String(buffer: response.body).contains("no customer with id 424242"))
            #expect(try await client.execute(uri: "/static/nothing.js", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/static/portal.js", method: .get).status == .ok)
        }
    }

    @Test func hostileNameRendersAsText() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            for uri in ["/customers/66666", "/customers?q=script"] {
                let body = try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
                #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
                #expect(!body.contains("<script>alert"), "\(uri)")
                #expect(!body.contains("<img src=x"), "\(uri)")
            }
            let reflected = try await client.execute(uri: "/customers?q=%3Cb%3Ex", method: .get) { String(buffer: $0.body) }
            #expect(reflected.contains("&lt;b&gt;x") && !reflected.contains("<b>x"))
        }
    }

    @Test func tokenIsRequiredWhenConfigured() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        var open = fixture.configuration
        open.host = "0.0.0.0"
        #expect(throws: PortalError.tokenRequired(host: "0.0.0.0")) { try PortalApplication.build(configuration: open) }
        var guarded = open
        guarded.token = "correct-horse-battery"
        let app = try PortalApplication.build(configuration: guarded)
        try await app.test(.router) { client in
            #expect(try await client.execute(uri: "/", method: .get).status == .unauthorized)
            #expect(try await client.execute(uri: "/customers/10878?token=wrong-token-here", method: .get).status == .unauthorized)
            let withQuery = try await client.execute(uri: "/customers/10878?token=correct-horse-battery", method: .get)
            #expect(withQuery.status == .ok)
            #expect(withQuery.headers[.setCookie]?.contains("s360_token=correct-horse-battery") == true)
            let bearer = try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer correct-horse-battery"])
            #expect(bearer.status == .ok)
            let cookie = try await client.execute(uri: "/customers", method: .get, headers: [.cookie: "s360_token=correct-horse-battery"])
            #expect(cookie.status == .ok)
            #expect(try await client.execute(uri: "/static/portal.css", method: .get).status == .ok)
        }
    }

    @Test func eventsStreamTheDashboard() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/events?limit=1", method: .get)
            #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
            let text = String(buffer: response.body)
            #expect(text.contains("event: dashboard\ndata: {"))
            let data = try #require(text.split(separator: "\n").first { $0.hasPrefix("data: ") })
            let payload = try #require(JSONValue.parse(String(data.dropFirst(6))))
            #expect(payload["sections"]?["kpis"]?.text?.contains("3,000") == true)
            #expect(payload["sections"]?["states"]?.text?.contains("BR") == true)
        }
    }

    @Test func missingDemoDirectoryShowsEmptyStates() async throws {
        var configuration = PortalConfiguration()
        configuration.demoDirectory = "/nonexistent-demo-\(UUID().uuidString)"
        let app = try PortalApplication.build(configuration: configuration)
        try await app.test(.router) { client in
            let dashboard = try await client.execute(uri: "/", method: .get)
            #expect(dashboard.status == .ok)
            #expect(String(buffer: dashboard.body).contains("No pipeline progress yet."))
            let search = try await client.execute(uri: "/customers?q=kenji", method: .get)
            #expect(search.status == .ok && String(buffer: search.body).contains("No customer matches"))
            #expect(try await client.execute(uri: "/customers/1", method: .get).status == .notFound)
        }
    }
}
