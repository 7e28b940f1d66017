import DocumentStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import Portal

/// Issue 16, item 5: the 360 page's "Why this score" (a top-up prediction's input records, as
/// the demo writes them with `--lineage`) in Debian's headless Chromium, with a screenshot.
@Suite(.serialized) struct PortalLineageBrowserTests {
    static let document = #"{"id":"10878@2024-01-01T00:00:00Z","ID":"10878","window_start":"2024-01-01T00:00:00Z","window_end":"2024-01-01T00:00:30Z","ts":"2024-01-01T00:00:05Z","prediction":1.0,"probability":0.71,"State":"GUJARAT","customer_source":"customer_data-0@41#3","bureau_records":12,"bureau_sources":["bureau_data-0@117#1","bureau_data-0@117#2","bureau_data-1@88#<b>"]}"#

    @Test func theCustomerPageShowsWhyThisScoreInChromium() async throws {
        guard let chromium = HeadlessChromium.find() else {
            Issue.record("chromium is not installed: run scripts/install-deps.sh (Debian packages chromium and fonts-liberation)")
            return
        }
        try FileManager.default.createDirectory(atPath: PortalBrowserTests.outputDirectory, withIntermediateDirectories: true)
        let fixture = try PortalFixture.make(batches: 1)
        defer { fixture.remove() }
        let store = try DocumentStoreURL("sqlite:\(fixture.directory)/customer360.sqlite").open()
        try store.createTable("topup_predictions", idField: "id").upsert([Document(json: Self.document)])
        store.close()

        let app = try PortalApplication.build(configuration: fixture.configuration)
        try await app.test(.live) { client in
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let page = try await chromium.dumpDOM(base + "/customers/10878")
            #expect(page.contains("<summary>Why this score</summary>"))
            #expect(page.contains(#"<code data-lineage="customer">customer_data-0@41#3</code>"#))
            #expect(page.contains("12 bureau records in the window"))
            #expect(page.contains("<li><code>bureau_data-0@117#1</code></li><li><code>bureau_data-0@117#2</code></li>"))
            #expect(page.contains("bureau_data-1@88#&lt;b&gt;"), "positions are escaped")
            #expect(page.contains("and 9 more"), "the bounded list says how many it leaves out")

            let file = PortalBrowserTests.outputDirectory + "/customer-10878-lineage.png"
            try await chromium.screenshot(base + "/customers/10878", to: file)
            print("portal screenshot: \(file)")
            let png = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
            let (width, height) = try #require(Self.dimensions(png))
            #expect(width == 1400 && height == 1000)
        }

        // Without lineage (the fixture's own document) the page has no such section.
        let plain = try PortalFixture.make(batches: 1)
        defer { plain.remove() }
        let plainApp = try PortalApplication.build(configuration: plain.configuration)
        try await plainApp.test(.live) { client in
            let page = try await chromium.dumpDOM("http://127.0.0.1:\(try #require(client.port))/customers/10878")
            #expect(page.contains("Likely to top up") && !page.contains("Why this score"))
        }
    }

    /// A PNG's width and height from its IHDR chunk.
    static func dimensions(_ png: Data) -> (Int, Int)? {
        guard png.count >= 24 else { return nil }
        let bytes = [UInt8](png[png.startIndex + 16 ..< png.startIndex + 24])
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(0), int(4))
    }
}
