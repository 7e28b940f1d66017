import Columnar
import Connectors
import Customer360
import DocumentStore
import Foundation
import MachineLearning
import StreamExecution
import Testing

/// The churn pipeline on small hand-written inputs that go wrong in the ways real feeds do: a
/// malformed clickstream message, a CRM `churn_risk` written as text, a click from a user with
/// no CRM document, and CRM text full of quotes, backslashes, newlines and non-ASCII letters.
///
/// Expected outcomes follow Spark 4.3 (`spark.sql.ansi.enabled=false`), as `ChurnPipeline`'s doc
/// comment spells them out; they were checked against PySpark 4.3.0 on the same inputs.
@Suite(.serialized) struct ChurnBadInputTests {
    static let model = FixturePaths.shared.appendingPathComponent("fixtures/c360-small/spark_churn_model").path

    /// The CRM fields the churn model reads besides the click's (its StringIndexers need the columns).
    static let modelFields = #""sentiment":"negative","persona":"bargain hunter","loyalty_tier":"gold""#

    /// A click event as the producers write it (one JSON object per line).
    static func click(_ user: Int, second: Int, url: String = "/offers") -> String {
        #"{"user_id":\#(user),"datetime":"2024-03-01 10:00:\#(second < 10 ? "0" : "")\#(second)","os":"Android","browser":"Chrome","response_time_ms":"120","product":"loan","url":"\#(url)"}"#
    }

    /// Writes `clicks` as `clickstream/part-00000.jsonl` and `crm` as `crm.jsonl` under `directory`.
    static func write(clicks: [String], crm: [String], in directory: URL) throws -> (clicks: String, crm: String) {
        let clickDirectory = directory.appendingPathComponent("clickstream")
        try FileManager.default.createDirectory(at: clickDirectory, withIntermediateDirectories: true)
        try Data((clicks.joined(separator: "\n") + "\n").utf8).write(to: clickDirectory.appendingPathComponent("part-00000.jsonl"))
        let crmFile = directory.appendingPathComponent("crm.jsonl")
        try Data((crm.joined(separator: "\n") + "\n").utf8).write(to: crmFile)
        return (clickDirectory.path, crmFile.path)
    }

    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try Data(contentsOf: url).split(separator: UInt8(ascii: "\n")).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
    }

    static func runDump(clicks: String, crm: String, out: URL, model: String? = nil) async throws -> [String: Int] {
        try await ChurnDump(
            clickLocation: clicks, crmPath: crm, trigger: .availableNow, readLimit: .all, outputDirectory: out.path,
            modelDirectory: model, log: { _ in }
        ).run()
    }

    @Test func aMalformedClickMessageIsQuarantinedWithFileAndLineAndTheRestOfItsBatchRuns() async throws {
        let dir = try FixturePaths.temporaryDirectory("churn-malformed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let truncated = #"{"user_id":2,"datetime":"2024-03-01 10:00:02","os":"#
        let inputs = try Self.write(
            clicks: [
                Self.click(1, second: 1), truncated, "[\(Self.click(2, second: 3)),\(Self.click(3, second: 4))]",
                // Not malformed: Spark 4.3 keeps the null element, `explode` makes it an all-null event.
                "[\(Self.click(4, second: 5)), null]",
            ],
            crm: [1, 2, 3, 4].map { #"{"user_id":\#($0),"name":"user \#($0)","churn_risk":\#($0 * 10)}"# }, in: dir)
        let out = dir.appendingPathComponent("out")
        let counts = try await Self.runDump(clicks: inputs.clicks, crm: inputs.crm, out: out)

        // One batch: the good lines before and after the bad one are all joined.
        #expect(counts["joined"] == 4)
        let joined = try Self.jsonLines(out.appendingPathComponent("joined.jsonl"))
        #expect(joined.compactMap { $0["user_id"] as? Int }.sorted() == [1, 2, 3, 4])
        let quarantine = try Self.jsonLines(out.appendingPathComponent("quarantine/joined/batch-0.jsonl"))
        #expect(quarantine.count == 1)
        let entry = try #require(quarantine.first)
        #expect(entry["position"] as? String == "part-00000.jsonl:2", "file (within the source directory) and line")
        #expect(entry["message"] as? String == truncated)
        #expect((entry["error"] as? String)?.isEmpty == false)
        // The statistics read the same parsed stream: four events, the null element one more in
        // the null product group (no user, so not joined), the malformed line none.
        let stats = try Self.jsonLines(out.appendingPathComponent("weblog_stats.jsonl"))
            .filter { $0["dimension"] as? String == "product" }
        #expect(stats.count == 2)
        #expect(stats.first { $0["value"] as? String == "loan" }?["events"] as? Int == 4)
        #expect(stats.first { $0["value"] is NSNull }?["events"] as? Int == 1)
    }

    /// `spark.read.json` infers `churn_risk` over all documents: one text value makes it a string
    /// column, the numbers keep their exact text, and `churn_risk >= 20` casts the string to `int`.
    @Test func aChurnRiskWrittenAsTextMakesTheColumnAStringComparedAsAnInt() async throws {
        let dir = try FixturePaths.temporaryDirectory("churn-risk-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        // (document's churn_risk JSON, the text Spark holds, Spark's label) per user 1…
        let cases: [(json: String, text: String?, label: Int)] = [
            (#""35""#, "35", 1),  // text that casts to int
            ("35", "35", 1),  // a number in a string column keeps its text
            (#""high""#, nil, 0),  // cast gives null: CASE WHEN NULL → ELSE 0
            ("23.50", "23.50", 1),  // exact text (Spark 4 file reads); int cast drops the fraction: 23
            ("10", "10", 0),
            ("1e2", "1e2", 0),  // exact text, not Jackson's "100.0"; the int cast rejects exponents: null → 0
            (#""1e2""#, "1e2", 0),  // the same as text: cast to int (the literal 20's type), not to double (100 → 1)
            (#"" 25 ""#, " 25 ", 1),  // the cast trims
            ("19.99", "19.99", 0),  // 19
            (#""""#, "", 0),  // empty text → null → 0
        ]
        var crm = cases.enumerated().map { #"{"user_id":\#($0.offset + 1),"churn_risk":\#($0.element.json)}"# }
        crm.append(#"{"user_id":\#(cases.count + 1),"name":"no score"}"#)  // absent → null → 0
        let inputs = try Self.write(clicks: (1...cases.count + 1).map { Self.click($0, second: $0) }, crm: crm, in: dir)
        let out = dir.appendingPathComponent("out")
        _ = try await Self.runDump(clicks: inputs.clicks, crm: inputs.crm, out: out)

        let joined = try Self.jsonLines(out.appendingPathComponent("joined.jsonl"))
        let byUser = Dictionary(joined.map { ($0["user_id"] as? Int ?? -1, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, expected) in cases.enumerated() {
            let row = try #require(byUser[index + 1], "user \(index + 1) joined")
            if let text = expected.text {
                #expect(row["churn_risk"] as? String == text, "churn_risk \(expected.json) is the string '\(text)'")
            }
            #expect(row["churn_label"] as? Int == expected.label, "churn_risk \(expected.json)")
        }
        let absent = try #require(byUser[cases.count + 1])
        #expect(absent["churn_risk"] is NSNull && absent["churn_label"] as? Int == 0)

        // Without the text value the same numbers infer as a number column: 23.50 is 23.5 ≥ 20.
        let numeric = try FixturePaths.temporaryDirectory("churn-risk-numbers")
        defer { try? FileManager.default.removeItem(at: numeric) }
        let numbers = try Self.write(
            clicks: [Self.click(1, second: 1), Self.click(2, second: 2)],
            crm: [#"{"user_id":1,"churn_risk":35}"#, #"{"user_id":2,"churn_risk":19.99}"#], in: numeric)
        _ = try await Self.runDump(clicks: numbers.clicks, crm: numbers.crm, out: numeric.appendingPathComponent("out"))
        let numericRows = try Self.jsonLines(numeric.appendingPathComponent("out/joined.jsonl"))
            .sorted { ($0["user_id"] as? Int ?? 0) < ($1["user_id"] as? Int ?? 0) }
        #expect(numericRows.map { $0["churn_risk"] as? Double } == [35.0, 19.99])
        #expect(numericRows.map { $0["churn_label"] as? Int } == [1, 0])
    }

    /// The seed joins with an inner join (`FROM weblog JOIN crm`), which the `c360-small` fixture
    /// confirms (its 590 events of users without a document are not in `joined.jsonl`): the
    /// click of an unknown user is not joined or scored, but the statistics count it.
    @Test func aClickOfAnUnknownUserIsDroppedByTheInnerJoinButCountedInTheStatistics() async throws {
        let dir = try FixturePaths.temporaryDirectory("churn-unknown-user")
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try Self.write(
            clicks: [Self.click(1, second: 1), Self.click(999, second: 2, url: "/unknown"), Self.click(1, second: 3)],
            crm: [#"{"user_id":1,"name":"known","churn_risk":30,\#(Self.modelFields)}"#], in: dir)
        let out = dir.appendingPathComponent("out")
        let counts = try await Self.runDump(clicks: inputs.clicks, crm: inputs.crm, out: out, model: Self.model)

        #expect(counts["joined"] == 2)
        #expect(counts["predictions"] == 2)
        for file in ["joined.jsonl", "predictions.jsonl"] {
            let rows = try Self.jsonLines(out.appendingPathComponent(file))
            #expect(rows.allSatisfy { $0["user_id"] as? Int == 1 }, "\(file)")
            #expect(!rows.contains { $0["url"] as? String == "/unknown" }, "\(file)")
        }
        let stats = try Self.jsonLines(out.appendingPathComponent("weblog_stats.jsonl"))
        for dimension in ["product", "browser", "os"] {
            let events = stats.filter { $0["dimension"] as? String == dimension }.compactMap { $0["events"] as? Int }
            #expect(events.reduce(0, +) == 3, "\(dimension): all three events, the unknown user's included")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("quarantine/joined").path),
                "an unknown user is not malformed input")
    }
}
