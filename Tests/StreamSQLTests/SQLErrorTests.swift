import Testing
import Columnar
import StreamPlan
@testable import StreamSQL

@Suite struct SQLErrorTests {
    func session() throws -> SQLSession {
        var catalog = SQLCatalog()
        let crm = try RecordBatch(
            schema: Schema([Field("user_id", .string), Field("churn_risk", .long), Field("window_ts", .timestamp)]),
            columns: [.strings(["u1"]), .longs([12]), .timestamps([0])], rowCount: 1)
        catalog.register("crm", try DataFrame.table(crm))
        return SQLSession(catalog: catalog)
    }

    func error(_ sql: String) throws -> SQLError {
        let session = try session()
        do {
            _ = try session.run(sql)
        } catch {
            return error
        }
        throw SQLError(.execution, "no error for \(sql)")
    }

    @Test func unknownColumnShowsLineCaretAndNearestName() throws {
        let e = try error("SELECT user_id,\n       churn_rsk\nFROM crm")
        #expect(e.kind == .resolution)
        #expect(e.position == SQLPosition(line: 2, column: 8))
        #expect(e.message.contains("did you mean `churn_risk`?"))
        #expect(e.description.hasSuffix("\n         churn_rsk\n         ^"))
    }

    @Test func unknownFunctionSuggestsOne() throws {
        let e = try error("SELECT uper(user_id) FROM crm")
        #expect(e.message.contains("did you mean `upper`?"))
        #expect(e.position == SQLPosition(line: 1, column: 8))
    }

    @Test func unknownTableListsKnownOnes() throws {
        let e = try error("SELECT * FROM crn")
        #expect(e.message.contains("did you mean `crm`?"))
    }

    @Test func ungroupedColumnIsExplained() throws {
        let e = try error("SELECT user_id, count(*) FROM crm GROUP BY churn_risk")
        #expect(e.message.contains("neither in GROUP BY nor inside an aggregate"))
        #expect(e.position == SQLPosition(line: 1, column: 8))
    }

    @Test func typeErrorsNameTheExpression() throws {
        let e = try error("SELECT * FROM crm WHERE churn_risk")
        #expect(e.kind == .type)
        #expect(e.message.contains("WHERE condition `churn_risk` is bigint, not boolean"))
    }

    @Test func unsupportedConstructsSaySo() throws {
        #expect(try error("SELECT a.user_id FROM crm a FULL OUTER JOIN crm b ON a.user_id = b.user_id").kind == .unsupported)
        #expect(try error("SELECT collect_set(user_id) FROM crm").message.contains("collect_set is not implemented"))
    }

    @Test func nameSuggestionNeedsAPlausibleTypo() {
        #expect(NameSuggestion.nearest(to: "churn_rsk", in: ["user_id", "churn_risk"]) == "churn_risk")
        #expect(NameSuggestion.nearest(to: "zzz", in: ["user_id", "churn_risk"]) == nil)
    }
}
