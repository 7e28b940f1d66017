import Columnar
import Customer360
import JSONIngest
import StreamPlan
import Testing

/// A CRM export where one document writes `user_id` as text: `spark.read.json` infers the
/// column as string, and the seed's `weblog.user_id (int) = crm.user_id (string)` casts the
/// string to int. PySpark 4.3 on exactly these inputs (local[2], UTC, non-ANSI) joined users
/// 1, "2" and 3 (user_id shown as the strings "1", "2", "3"), labels 0, 1, 1, and dropped
/// "x4" (null as int) and click user 4.
@Suite struct ChurnStringUserIdTests {
    let crmText = """
    {"user_id": 1, "name": "Ann", "churn_risk": 10}
    {"user_id": "2", "name": "Bo", "churn_risk": 30}
    {"user_id": 3, "name": "Cy", "churn_risk": 50}
    {"user_id": "x4", "name": "Di", "churn_risk": 70}
    """

    func click(_ user: Int, _ second: Int) -> String {
        #"{"user_id": \#(user), "datetime": "2024-01-01 00:00:0\#(second)", "os": "iOS", "browser": "Safari", "response_time_ms": "\#(user)00", "product": "Laptop", "url": "/\#(user)"}"#
    }

    @Test func theJoinCastsTheStringIdsAsSparkDoesAndWarns() throws {
        let (crm, rejected) = JSONDocumentReader.read(Array(crmText.utf8), source: "crm.jsonl")
        #expect(rejected.isEmpty)
        #expect(crm.schema.fields.first { $0.name == "user_id" }?.type == .string)
        let messages = [click(1, 1), "[\(click(2, 2)), \(click(3, 3))]", click(4, 4)]
        let batch = RecordBatch(trusted: Schema([Field("value", .string)]), columns: [Column(.string, messages.map { .string($0) })], rowCount: 3)
        let joined = try ChurnPipeline.joined(weblog: try ChurnPipeline.weblog(try DataFrame.table(batch)), crm: crm)
        let rows = try joined.collect()
        let user = try #require(try rows.schema.index(of: "user_id"))
        let name = try #require(try rows.schema.index(of: "name"))
        let label = try #require(try rows.schema.index(of: "churn_label"))
        #expect((0..<rows.rowCount).map { "\(rows.row($0)[user]) \(rows.row($0)[name]) \(rows.row($0)[label])" } == ["1 Ann 0", "2 Bo 1", "3 Cy 1"])
        #expect(joined.warnings == [
            "join keys click_user_id (int) and user_id (string) have different types: user_id (string) cast to int before matching, as Spark does; values that are not a valid int become null and match nothing",
        ])
    }
}
