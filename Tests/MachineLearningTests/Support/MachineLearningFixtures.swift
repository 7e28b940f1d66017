import Columnar
import Foundation
import JSONIngest

/// Locates `../shared/fixtures` from this file and reads their JSON-lines files.
enum MachineLearningFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    static let topupSmall = fixtures.appendingPathComponent("topup-small")
    static let c360Small = fixtures.appendingPathComponent("c360-small")

    /// The lines of a JSON-lines file, one row each, read against `schema`.
    static func batch(_ file: URL, schema: Schema) throws -> RecordBatch {
        let data = try Data(contentsOf: file)
        var decoder = JSONRecordDecoder(schema: schema, source: file.lastPathComponent)
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            let outcome = decoder.decode(message: Array(line), position: .file(path: file.path, line: number + 1))
            guard case .decoded(rows: 1) = outcome else { throw FixtureError.unreadable(file.path, number + 1, "\(outcome)") }
        }
        return decoder.finish()
    }

    /// The lines of a JSON-lines file as objects.
    static func objects(_ file: URL) throws -> [[String: Any]] {
        try Data(contentsOf: file).split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
        }
    }

    enum FixtureError: Error {
        case unreadable(String, Int, String)
    }

    /// `expected/joined.jsonl` of topup-small: the columns the top-up pipeline's join produces.
    static let topupJoinedSchema: Schema = {
        let sums = ["SELF-INDICATOR", "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "OVERDUE-AMT", "WRITE-OFF-AMT"]
        let dists = ["MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "DATE-REPORTED", "OWNERSHIP-IND", "ACCOUNT-STATUS",
                     "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE", "CREDIT-LIMIT/SANC AMT", "INSTALLMENT-FREQUENCY",
                     "ASSET_CLASS", "REPORTED DATE - HIST", "DPD - HIST", "CUR BAL - HIST", "AMT OVERDUE - HIST",
                     "AMT PAID - HIST", "TENURE"]
        var fields = [Field("ID", .string)]
        fields += sums.map { Field("\($0)_sum", .long) } + dists.map { Field("\($0)_dist", .long) }
        fields += ["window_start", "window_end", "Frequency", "InstlmentMode", "LoanStatus", "PaymentMode", "BranchID", "Area"]
            .map { Field($0, .string) }
        fields += [Field("Tenure", .int), Field("AssetCost", .int), Field("AmountFinance", .double),
                   Field("DisbursalAmount", .double), Field("EMI", .double)]
        fields += ["DisbursalDate", "MaturityDate", "AuthDate", "AssetID", "ManufacturerID", "SupplierID"].map { Field($0, .string) }
        fields += [Field("LTV", .double), Field("Sex", .string), Field("Age", .int), Field("MonthlyIncome", .double)]
        fields += ["City", "State", "ZipCode", "Top-up Month", "ts"].map { Field($0, .string) }
        return Schema(fields)
    }()

    /// `expected/joined.jsonl` of c360-small.
    static let c360JoinedSchema = Schema([
        Field("datetime", .string), Field("os", .string), Field("browser", .string), Field("response_time_ms", .int),
        Field("product", .string), Field("url", .string), Field("address", .string), Field("app_version", .string),
        Field("churn_risk", .double), Field("first_visit", .string), Field("loyalty_tier", .string), Field("name", .string),
        Field("persona", .string), Field("sentiment", .string), Field("twitter_handle", .string), Field("user_id", .long),
        Field("zip", .string), Field("churn_label", .int),
    ])
}
