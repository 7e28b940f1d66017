import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Portal

/// The portal in a real browser: Debian's headless Chromium against a live server on a free port.
@Suite(.serialized) struct PortalBrowserTests {
    /// Screenshots go here, for a person to look at.
    static let outputDirectory = FileManager.default.currentDirectoryPath + "/.build/test-output/portal"

    @Test func searchCustomerPageAndLiveDashboardInChromium() async throws {
        guard let chromium = HeadlessChromium.find() else {
            Issue.record("chromium is not installed: run scripts/install-deps.sh (Debian packages chromium and fonts-liberation)")
            return
        }
        try FileManager.default.createDirectory(atPath: Self.outputDirectory, withIntermediateDirectories: true)
        let fixture = try PortalFixture.make(batches: 3)
        defer { fixture.remove() }
        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            func shot(_ name: String, _ path: String) async throws {
                let file = Self.outputDirectory + "/" + name
                try await chromium.screenshot(base + path, to: file)
                print("portal screenshot: \(file)")
            }

            let search = try await chromium.dumpDOM(base + "/customers?q=kenji")
            #expect(search.contains(#"<a href="/customers/10878">Kenji Kim</a>"#))
            try await shot("search.png", "/customers?q=kenji")

            let customer = try await chromium.dumpDOM(base + "/customers/10878")
            #expect(customer.contains("<h1>Kenji Kim</h1>"))
            #expect(customer.contains(#"<td data-field="loyalty_tier">gold</td>"#))
            #expect(customer.contains("High churn risk"))
            #expect(customer.contains(#"<th>Churn probability</th><td data-field="churn_probability">82.0 %</td>"#))
            #expect(!customer.contains("<th>churn_probability</th>"))
            try await shot("customer-10878.png", "/customers/10878")

            let hostile = try await chromium.dumpDOM(base + "/customers/66666")
            #expect(hostile.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
            #expect(!hostile.contains("<script>alert"))

            let before = try await chromium.dumpDOM(base + "/")
            #expect(Self.kpi("events", in: before) == "3,000")
            let live = try await chromium.dumpDOM(base + "/?updates=1", budgetMs: 5000)
            #expect(live.contains("live · updated"), "the live script applied a server-sent update")
            #expect(Self.kpi("events", in: live) == "3,000")
            try await shot("dashboard-1.png", "/")

            try fixture.appendProgress(batches: 3..<6, rows: 2500)
            try await shot("dashboard-2.png", "/")
            let after = try await chromium.dumpDOM(base + "/")
            #expect(Self.kpi("events", in: after) == "10,500")
            #expect(Self.kpi("rate", in: after) != Self.kpi("rate", in: before))
            #expect(after.contains(">5</td>"), "the health table shows batch 5")
            #expect(after.contains("keeping up") && !after.contains("Pipelines idle"))

            // An hour after the last batch: idle, no rate, no "keeping up".
            try fixture.setLastBatch(at: Date().addingTimeInterval(-3600))
            let idle = try await chromium.dumpDOM(base + "/")
            #expect(idle.contains("Pipelines idle") && idle.contains(">idle<") && !idle.contains("keeping up"))
            #expect(Self.kpi("rate", in: idle) == "—")
            #expect(Self.kpi("events", in: idle) == "10,500")
            try await shot("dashboard-idle.png", "/")
        }
    }

    /// The text of the KPI `id` (`<span … id="kpi-ID">TEXT</span>`) in a DOM dump.
    static func kpi(_ id: String, in dom: String) -> String? {
        guard let start = dom.range(of: "id=\"kpi-\(id)\">"), let end = dom[start.upperBound...].firstIndex(of: "<") else { return nil }
        return String(dom[start.upperBound..<end])
    }
}
