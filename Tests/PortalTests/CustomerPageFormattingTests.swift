import Foundation
import HummingbirdTesting
import Testing
@testable import Portal

/// The 360 page shows people's words, not the store's: labelled, formatted fields and tables with headers.
@Suite struct CustomerPageFormattingTests {
    @Test func internalFieldsAreLabelledAndFormatted() {
        #expect(FieldFormat.label("churn_probability") == "Churn probability")
        #expect(FieldFormat.label("user_id") == "Customer ID")
        #expect(FieldFormat.value("churn_probability", .number(0.15608403572722485)) == "15.6 %")
        #expect(FieldFormat.value("churn_prediction", .number(1)) == "likely to churn")
        #expect(FieldFormat.value("churn_prediction", .number(0)) == "not expected to churn")
        #expect(FieldFormat.value("churn_risk", .number(28)) == "28")
        #expect(FieldFormat.value("loyalty_tier", .string("gold")) == "gold")
        #expect(FieldFormat.value("app_version", .null) == "–")
    }

    @Test func theCustomerPageHasNoRawFieldsAndEveryTableHasAHeader() async throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        let profile = try CustomerProfile.load(
            id: PortalFixture.knownID, store: PortalStore(path: fixture.configuration.storePath), mask: PersonalDataMask(isEnabled: false))
        let page = CustomerPageView.page(profile, masked: false).rendered
        #expect(page.contains(#"<th>Churn probability</th><td data-field="churn_probability">82.0 %</td>"#))
        #expect(!page.contains("<th>churn_probability</th>") && !page.contains("0.82<"))
        #expect(page.contains(#"<th>Loyalty tier</th><td data-field="loyalty_tier">gold</td>"#))
        let tables = page.components(separatedBy: "<table").dropFirst()
        #expect(tables.count >= 3, "profile, churn history and clicks")
        for table in tables {
            #expect(table.prefix(200).contains("<thead>"), "a table without a header: \(table.prefix(120))")
        }
    }
}

/// A portal started before (or without) the demo says so.
@Suite struct MissingDemoDirectoryTests {
    @Test func aMissingDemoDirectoryIsWarnedAboutAtStartAndOnTheDashboard() async throws {
        var configuration = PortalConfiguration()
        configuration.demoDirectory = "/nonexistent-demo-\(UUID().uuidString)"
        let warnings = configuration.startupWarnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(configuration.demoDirectory) == true && warnings.first?.contains("s360 demo") == true)

        let app = try PortalApplication.build(configuration: configuration)
        let directory = configuration.demoDirectory
        try await app.test(.router) { client in
            let body = try await client.execute(uri: "/", method: .get) { String(buffer: $0.body) }
            #expect(body.contains("does not exist"), "the dashboard warns")
            #expect(body.contains(directory))
        }
    }

    @Test func anExistingDemoDirectoryGivesNoWarning() throws {
        let fixture = try PortalFixture.make()
        defer { fixture.remove() }
        #expect(fixture.configuration.startupWarnings.isEmpty)
    }
}
