public import Columnar

/// The seed's message schemas for the top-up pipeline: the JSON keys exactly as producers
/// write them (`MaturityDAte`, `SEX`, …), every field a string except the event time `ts`.
public enum TopUpSchemas {
    public static let customerKeys = [
        "ID", "Frequency", "InstlmentMode", "LoanStatus", "PaymentMode", "BranchID", "Area", "Tenure",
        "AssetCost", "AmountFinance", "DisbursalAmount", "EMI", "DisbursalDate", "MaturityDAte", "AuthDate", "AssetID",
        "ManufacturerID", "SupplierID", "LTV", "SEX", "AGE", "MonthlyIncome", "City", "State", "ZiPCODE", "Top-up Month",
    ]

    public static let bureauKeys = [
        "ID", "SELF-INDICATOR", "MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "DATE-REPORTED", "OWNERSHIP-IND",
        "ACCOUNT-STATUS", "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE", "CREDIT-LIMIT/SANC AMT",
        "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "INSTALLMENT-FREQUENCY", "OVERDUE-AMT",
        "WRITE-OFF-AMT", "ASSET_CLASS", "REPORTED DATE - HIST", "DPD - HIST", "CUR BAL - HIST",
        "AMT OVERDUE - HIST", "AMT PAID - HIST", "TENURE",
    ]

    /// The record schema of a customer message.
    public static let customerRecord = record(customerKeys)
    /// The record schema of a bureau message.
    public static let bureauRecord = record(bureauKeys)

    /// Bureau columns summed per customer and window (`<column>_sum`).
    public static let summedBureauColumns = [
        "SELF-INDICATOR", "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "OVERDUE-AMT", "WRITE-OFF-AMT",
    ]

    /// Bureau columns whose distinct values are counted approximately (`<column>_dist`):
    /// every column except the ID, the event time and the summed ones.
    public static var distinctBureauColumns: [String] {
        bureauKeys.filter { $0 != "ID" && !summedBureauColumns.contains($0) }
    }

    static func record(_ keys: [String]) -> Schema {
        Schema(keys.map { Field($0, .string) } + [Field("ts", .timestamp)])
    }
}
