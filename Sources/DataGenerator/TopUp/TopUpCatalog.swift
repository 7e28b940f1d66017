/// The value catalogues of the generated top-up data: an Indian two-wheeler / auto / tractor
/// loan book, and the bureau accounts of its customers. Weights are relative.
enum TopUpCatalog {
    /// A city a customer lives in: its name, the branch area, and the first three zip digits.
    struct City: Sendable {
        let name: String
        let area: String
        let zipPrefix: String
    }

    /// States with their cities, weighted by the share of the book they hold.
    static let states = WeightedTable<(String, [City])>([
        (("MADHYA PRADESH", cities(("SAGAR", "470"), ("BHOPAL", "462"), ("INDORE", "452"), ("JABALPUR", "482"))), 12),
        (("WEST BENGAL", [City(name: "BURDWAN", area: "BURDWAN", zipPrefix: "713"),
                          City(name: "KOLKATA", area: "KOLKATA", zipPrefix: "700"),
                          City(name: "HOWRAH", area: "KOLKATA", zipPrefix: "711"),
                          City(name: "SILIGURI", area: "SILIGURI", zipPrefix: "734")]), 12),
        (("ORISSA", cities(("CUTTACK", "753"), ("BHUBANESWAR", "751"), ("BALASORE", "756"))), 8),
        (("PUNJAB", cities(("LUDHIANA", "141"), ("AMRITSAR", "143"), ("JALANDHAR", "144"))), 8),
        (("GUJARAT", cities(("AHMEDABAD", "380"), ("RAJKOT", "360"), ("SURAT", "395"))), 9),
        (("MAHARASHTRA", cities(("PUNE", "411"), ("NAGPUR", "440"), ("NASIK", "422"), ("AURANGABAD", "431"))), 11),
        (("UTTAR PRADESH", cities(("LUCKNOW", "226"), ("KANPUR", "208"), ("AGRA", "282"), ("VARANASI", "221"))), 10),
        (("BIHAR", cities(("PATNA", "800"), ("GAYA", "823"), ("MUZAFFARPUR", "842"))), 6),
        (("RAJASTHAN", cities(("JAIPUR", "302"), ("UDAIPUR", "313"), ("JODHPUR", "342"))), 6),
        (("KARNATAKA", cities(("BANGALORE", "560"), ("MYSORE", "570"), ("HUBLI", "580"))), 5),
        (("TAMIL NADU", cities(("CHENNAI", "600"), ("MADURAI", "625"), ("COIMBATORE", "641"))), 4),
        (("JHARKHAND", cities(("RANCHI", "834"), ("DHANBAD", "826"), ("JAMSHEDPUR", "831"))), 4),
        (("HARYANA", cities(("GURGAON", "122"), ("HISAR", "125"))), 3),
        (("ANDHRA PRADESH", cities(("VIJAYAWADA", "520"), ("GUNTUR", "522"))), 3),
        (("ASSAM", cities(("GUWAHATI", "781"), ("SILCHAR", "788"))), 2),
    ])

    private static func cities(_ entries: (String, String)...) -> [City] {
        entries.map { City(name: $0.0, area: $0.0, zipPrefix: $0.1) }
    }

    /// What the loan finances: two-wheelers, cars, tractors.
    enum AssetKind: Sendable { case twoWheeler, car, tractor }

    static let assetKinds = WeightedTable<AssetKind>([(.twoWheeler, 70), (.car, 20), (.tractor, 10)])
    static let twoWheelerTenures = WeightedTable<Int>([(12, 10), (18, 15), (24, 35), (30, 10), (36, 25), (48, 5)])
    static let carTenures = WeightedTable<Int>([(24, 10), (36, 30), (48, 30), (60, 30)])
    static let tractorTenures = WeightedTable<Int>([(24, 10), (36, 30), (48, 35), (60, 25)])

    static let frequency = WeightedTable<String>([("Monthly", 88), ("BI-Monthly", 4), ("Quatrly", 5), ("Half Yearly", 3)])
    static let instalmentMode = WeightedTable<String>([("Arrear", 78), ("Advance", 22)])
    static let loanStatus = WeightedTable<String>([("Active", 70), ("Closed", 30)])
    static let paymentMode = WeightedTable<String>([
        ("PDC", 30), ("ECS", 22), ("Direct Debit", 18), ("Billed", 8), ("PDC_E", 7), ("Auto Debit", 5),
        ("SI Reject", 3), ("ECS Reject", 3), ("PDC Reject", 2), ("Escrow", 2),
    ])
    static let manufacturer = WeightedTable<String>([
        ("1568", 30), ("1062", 20), ("2879", 15), ("1046", 10), ("1660", 10), ("1026", 8), ("2193", 7),
    ])
    static let sex = WeightedTable<String>([("M", 82), ("F", 18)])
    static let topUpBuckets = WeightedTable<String>([
        ("12-18 Months", 26), ("18-24 Months", 24), ("24-30 Months", 16), ("30-36 Months", 12),
        ("36-48 Months", 12), (" > 48 Months", 10),
    ])
    /// The label of customers who take no top-up (about three in four).
    static let noTopUp = "No Top-up Service"

    static let accountTypes = WeightedTable<String>([
        ("Two-Wheeler Loan", 20), ("Gold Loan", 16), ("Tractor Loan", 8), ("Auto Loan (Personal)", 8),
        ("Personal Loan", 10), ("Credit Card", 9), ("Consumer Loan", 10), ("Business Loan General", 5),
        ("Housing Loan", 4), ("Kisan Credit Card", 5), ("Overdraft", 2), ("Other", 3),
    ])
    static let contributorTypes = WeightedTable<String>([
        ("NBF", 40), ("PRB", 22), ("NAB", 14), ("MFI", 10), ("COP", 5), ("RRB", 4), ("OFI", 3), ("HFC", 2),
    ])
    static let ownership = WeightedTable<String>([("Individual", 90), ("Joint", 5), ("Guarantor", 3), ("Supl Card Holder", 2)])
    static let instalmentFrequency = WeightedTable<String>([
        ("Monthly", 70), ("Weekly", 6), ("Fortnightly", 5), ("Quarterly", 4), ("", 15),
    ])
    static let assetClass = WeightedTable<String>([
        ("Standard", 80), ("Sub Standard", 6), ("Doubtful", 4), ("Loss", 3), ("", 7),
    ])
    static let overdueAssetClass = WeightedTable<String>([
        ("Standard", 40), ("Sub Standard", 25), ("Doubtful", 20), ("Loss", 15),
    ])
    static let bureauTenures = WeightedTable<Int>([(6, 5), (12, 25), (18, 10), (24, 25), (36, 20), (48, 8), (60, 7)])
    static let oddSelfIndicators = ["1", "0", "true", "Y"]

    static let customerKeys = [
        "ID", "Frequency", "InstlmentMode", "LoanStatus", "PaymentMode", "BranchID", "Area", "Tenure",
        "AssetCost", "AmountFinance", "DisbursalAmount", "EMI", "DisbursalDate", "MaturityDAte", "AuthDate", "AssetID",
        "ManufacturerID", "SupplierID", "LTV", "SEX", "AGE", "MonthlyIncome", "City", "State", "ZiPCODE", "Top-up Month",
    ].map(JSONKey.init)

    static let bureauKeys = [
        "ID", "SELF-INDICATOR", "MATCH-TYPE", "ACCT-TYPE", "CONTRIBUTOR-TYPE", "DATE-REPORTED", "OWNERSHIP-IND",
        "ACCOUNT-STATUS", "DISBURSED-DT", "CLOSE-DT", "LAST-PAYMENT-DATE", "CREDIT-LIMIT/SANC AMT",
        "DISBURSED-AMT/HIGH CREDIT", "INSTALLMENT-AMT", "CURRENT-BAL", "INSTALLMENT-FREQUENCY", "OVERDUE-AMT",
        "WRITE-OFF-AMT", "ASSET_CLASS", "REPORTED DATE - HIST", "DPD - HIST", "CUR BAL - HIST",
        "AMT OVERDUE - HIST", "AMT PAID - HIST", "TENURE",
    ].map(JSONKey.init)

    static let ts = JSONKey("ts")
}
