import Columnar
import Foundation
import JSONIngest
import Testing

/// The `topup-small` fixture decoded as Spark's step 1 reads it, compared with Spark's output.
@Suite struct FixtureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/fixtures/topup-small").standardizedFileURL

    static let customerKeys = [
        "ID", "Frequency", "InstlmentMode", "LoanStatus", "PaymentMode", "BranchID", "Area", "Tenure", "AssetCost",
        "AmountFinance", "DisbursalAmount", "EMI", "DisbursalDate", "MaturityDAte", "AuthDate", "AssetID", "ManufacturerID",
        "SupplierID", "LTV", "SEX", "AGE", "MonthlyIncome", "City", "State", "ZiPCODE", "Top-up Month",
    ]
    static let bureauKeys = [
        "ID", "SELF-INDICATOR", "MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "DATE-REPORTED", "OWNERSHIP-IND",
        "ACCOUNT-STATUS", "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE", "CREDIT-LIMIT/SANC AMT",
        "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "INSTALLMENT-FREQUENCY", "OVERDUE-AMT",
        "WRITE-OFF-AMT", "ASSET_CLASS", "REPORTED DATE - HIST", "DPD - HIST", "CUR BAL - HIST", "AMT OVERDUE - HIST",
        "AMT PAID - HIST", "TENURE",
    ]

    /// Decodes every line of every file of one input stream.
    static func decode(_ stream: String, keys: [String]) throws -> RecordBatch {
        let schema = Schema(keys.map { Field($0, .string) } + [Field("ts", .timestamp)])
        var decoder = JSONRecordDecoder(schema: schema, source: stream)
        let directory = root.appendingPathComponent("input/\(stream)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
                let outcome = Array(line).withUnsafeBytes { decoder.decode(message: $0, position: .file(path: file, line: index + 1)) }
                #expect(outcome != .decoded(rows: 0))
            }
        }
        #expect(decoder.quarantine.isEmpty)
        return decoder.finish()
    }

    static func expected(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: root.appendingPathComponent("expected/\(name)"))
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
        }
    }

    static func manifestCount(_ key: String) throws -> Int {
        let data = try Data(contentsOf: root.appendingPathComponent("input/manifest.json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?[key] as? Int ?? -1
    }

    /// A row's fields rendered the way the expected files write them (strings, ints, ISO timestamps).
    static func rendered(_ batch: RecordBatch, row: Int, columns: [(name: String, cast: Cast)]) -> String {
        columns.map { column in
            let index = batch.schema.fields.firstIndex { $0.name == column.name } ?? -1
            let value = batch.columns[index].scalar(at: row)
            guard case .string(let text) = value else {
                if case .timestamp(let micros) = value { return TimestampFormat.iso8601(micros: micros) }
                return "null"
            }
            return column.cast.apply(text)
        }.joined(separator: "\u{1}")
    }

    static func rendered(_ record: [String: Any], names: [String]) -> String {
        names.map { name in
            switch record[name] {
            case let text as String: text
            case let number as NSNumber: number.stringValue
            default: "null"
            }
        }.joined(separator: "\u{1}")
    }

    enum Cast {
        case none, int, double, timestamp

        func apply(_ text: String) -> String {
            var copy = text
            return copy.withUTF8 { bytes in
                switch self {
                case .none: text
                case .int: SparkText.parseInt32(bytes).map { String($0) } ?? "null"
                case .double: SparkText.parseDouble(bytes).map { NSNumber(value: $0).stringValue } ?? "null"
                case .timestamp: SparkText.parseTimestamp(bytes).map(TimestampFormat.iso8601(micros:)) ?? "null"
                }
            }
        }
    }

    @Test func customerMatchesSparksParsedRows() throws {
        let batch = try Self.decode("customer", keys: Self.customerKeys)
        #expect(batch.rowCount == (try Self.manifestCount("customer_records")))
        // (our column, its cast, Spark's output name)
        let columns: [(String, Cast, String)] = [
            ("ID", .none, "ID"), ("Frequency", .none, "Frequency"), ("InstlmentMode", .none, "InstlmentMode"),
            ("LoanStatus", .none, "LoanStatus"), ("PaymentMode", .none, "PaymentMode"), ("BranchID", .none, "BranchID"),
            ("Area", .none, "Area"), ("Tenure", .int, "Tenure"), ("AssetCost", .int, "AssetCost"),
            ("AmountFinance", .double, "AmountFinance"), ("DisbursalAmount", .double, "DisbursalAmount"), ("EMI", .double, "EMI"),
            ("DisbursalDate", .timestamp, "DisbursalDate"), ("MaturityDAte", .timestamp, "MaturityDate"),
            ("AuthDate", .timestamp, "AuthDate"), ("AssetID", .none, "AssetID"), ("LTV", .double, "LTV"),
            ("SEX", .none, "Sex"), ("AGE", .int, "Age"), ("MonthlyIncome", .double, "MonthlyIncome"), ("City", .none, "City"),
            ("State", .none, "State"), ("ZiPCODE", .none, "ZipCode"), ("Top-up Month", .none, "Top-up Month"), ("ts", .none, "ts"),
        ]
        let ours = (0..<batch.rowCount).map { Self.rendered(batch, row: $0, columns: columns.map { ($0.0, $0.1) }) }.sorted()
        let theirs = try Self.expected("customer_parsed.jsonl").map { Self.rendered($0, names: columns.map(\.2)) }.sorted()
        #expect(ours.count == theirs.count)
        let differing = zip(ours, theirs).filter { $0 != $1 }
        #expect(differing.isEmpty, "first difference: \(String(describing: differing.first))")
    }

    @Test func bureauMatchesSparksCleanedRows() throws {
        let batch = try Self.decode("bureau", keys: Self.bureauKeys)
        #expect(batch.rowCount == (try Self.manifestCount("bureau_records")))
        let names = [
            "ID", "MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "OWNERSHIP-IND", "ACCOUNT-STATUS", "CREDIT-LIMIT/SANC AMT",
            "INSTALLMENT-FREQUENCY", "ASSET_CLASS", "REPORTED DATE - HIST", "DPD - HIST", "CUR BAL - HIST",
            "AMT OVERDUE - HIST", "AMT PAID - HIST", "TENURE", "ts",
        ]
        var columns: [(name: String, cast: Cast)] = names.map { ($0, .none) }
        columns += ["DATE-REPORTED", "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE"].map { ($0, .timestamp) }
        columns.append(("WRITE-OFF-AMT", .int))
        let ours = (0..<batch.rowCount).map { Self.rendered(batch, row: $0, columns: columns) }.sorted()
        let theirs = try Self.expected("bureau_cleaned.jsonl").map { Self.rendered($0, names: columns.map(\.name)) }.sorted()
        #expect(ours.count == theirs.count)
        let differing = zip(ours, theirs).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) differ; first: \(String(describing: differing.first))")
    }
}
