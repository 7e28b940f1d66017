/// One bureau account of a customer, as a credit bureau reports it: Indian-grouped amounts,
/// instalments like `1,405/Monthly`, `TRUE`/`FALSE` self indicators, comma-separated monthly
/// histories, a share of malformed dates, and missing or null fields.
///
/// Written-off accounts and overdue amounts follow the customer's latent risk, so the bureau
/// aggregates carry signal for the top-up label. A few rarer shapes exercise the pipeline's
/// cleaning: a decimal instalment (`1,405.50/Monthly`, whose digits-only cast keeps the paise),
/// a negative balance (the sign is dropped), a comma-grouped write-off (a plain int cast gives
/// null) and self indicators other than `TRUE`/`FALSE`.
enum TopUpBureauRecord {
    private static let keys = TopUpCatalog.bureauKeys
    private static let dropout = FieldDropout(omit: 0.01, null: 0.015)
    private static let firstDisbursal = CivilDate(year: 2008, month: 1, day: 1).days
    private static let lastDisbursal = CivilDate(year: 2019, month: 6, day: 30).days
    private static let lastReport = CivilDate(year: 2020, month: 1, day: 31).days

    /// Draws the `index`-th bureau record of `customer` and appends it (open for `ts`) to `records`.
    static func append(customer: TopUpCustomer, index: Int, random: inout SeededRandom, to records: inout RecordList) {
        var account = TopUpCatalog.accountTypes.draw(&random)
        if index == 0, random.chance(0.8) {
            switch customer.kind {
            case .twoWheeler: account = "Two-Wheeler Loan"
            case .car: account = "Auto Loan (Personal)"
            case .tractor: account = "Tractor Loan"
            }
        }
        let isSelf = index == 0 && random.chance(0.7)
        let amount: Int
        switch account {
        case "Gold Loan", "Consumer Loan": amount = random.int(in: 5000..<150_001, step: 100)
        case "Housing Loan", "Business Loan General", "Tractor Loan": amount = random.int(in: 100_000..<2_500_001, step: 1000)
        case "Credit Card": amount = random.int(in: 10_000..<300_001, step: 1000)
        default: amount = random.int(in: 20_000..<900_001, step: 500)
        }
        let disbursal = CivilDate(days: firstDisbursal + random.int(in: 0..<(lastDisbursal - firstDisbursal)))
        let tenure = TopUpCatalog.bureauTenures.draw(&random)
        let writtenOffShare = 0.01 + 0.10 * customer.risk
        let statusDraw = random.unit()
        let status = statusDraw < writtenOffShare ? "Written Off" : statusDraw < writtenOffShare + 0.45 ? "Closed" : "Active"
        let closed = status == "Closed"
        let reported = CivilDate(days: min(lastReport, disbursal.adding(months: random.int(in: 1..<(tenure + 1))).days))
        let paidShare = random.unit()
        let balance = closed ? 0 : Int(Double(amount) * (1 - paidShare))
        let hasOverdue = !closed && random.chance(0.03 + 0.6 * customer.risk)
        let overdue = hasOverdue ? random.int(in: 500..<max(600, Int(Double(amount) * 0.2)), step: 10) : 0
        let instalment = max(100, Int(Double(amount) * 1.15 / Double(tenure)))
        let instalmentFrequency = TopUpCatalog.instalmentFrequency.draw(&random)
        let months = random.int(in: 1..<5)
        let writeOff = status == "Written Off" ? random.int(in: 1000..<80_000) : 0

        // Decided up front: which optional renderings this record gets.
        let hasLimit = account == "Credit Card" || account == "Overdraft" || random.chance(0.15)
        let instalmentDraw = random.unit()
        let instalmentBare = random.chance(0.5)
        let hasOverdueText = overdue != 0 || random.chance(0.6)
        let tenureKnown = random.chance(0.85)
        let rare = random.unit()
        let groupedWriteOff = status == "Written Off" && random.chance(0.3)
        let oddSelf = random.chance(0.01) ? random.element(of: TopUpCatalog.oddSelfIndicators) : nil

        let k = keys
        records.beginRecord()
        records.writer.stringField(k[0]) { DigitWriter.append(customer.id, to: &$0) }
        func admit(_ index: Int) -> Bool { dropout.admit(k[index], &records.writer, &random) }
        if admit(1) { records.writer.field(k[1], oddSelf ?? (isSelf ? "TRUE" : "FALSE")) }
        if admit(2) { records.writer.field(k[2], random.chance(0.8) ? "PRIMARY" : "SECONDARY") }
        if admit(3) { records.writer.field(k[3], account) }
        if admit(4) { records.writer.field(k[4], TopUpCatalog.contributorTypes.draw(&random)) }
        if admit(5) { date(k[5], reported, &records, &random) }
        if admit(6) { records.writer.field(k[6], TopUpCatalog.ownership.draw(&random)) }
        if admit(7) { records.writer.field(k[7], status) }
        if admit(8) { date(k[8], disbursal, &records, &random) }
        if admit(9) {
            if closed { date(k[9], disbursal.adding(months: tenure), &records, &random) } else { records.writer.field(k[9], "") }
        }
        if admit(10) { date(k[10], CivilDate(days: reported.days - random.int(in: 0..<40)), &records, &random) }
        if admit(11) { records.writer.stringField(k[11]) { if hasLimit { IndianDigitGrouping.append(amount, to: &$0) } } }
        if admit(12) { records.writer.stringField(k[12]) { IndianDigitGrouping.append(amount, to: &$0) } }
        if admit(13) {
            records.writer.stringField(k[13]) { bytes in
                if rare < 0.02 {
                    IndianDigitGrouping.append(instalment, to: &bytes)
                    bytes.append(contentsOf: Array(".50/Monthly".utf8))
                } else if instalmentDraw < 0.75 {
                    IndianDigitGrouping.append(instalment, to: &bytes)
                    bytes.append(UInt8(ascii: "/"))
                    bytes.append(contentsOf: (instalmentFrequency.isEmpty ? "Monthly" : instalmentFrequency).utf8)
                } else if instalmentBare {
                    IndianDigitGrouping.append(instalment, to: &bytes)
                }
            }
        }
        if admit(14) {
            records.writer.stringField(k[14]) { bytes in
                if rare >= 0.02, rare < 0.03 {
                    IndianDigitGrouping.append(-max(1, balance / 10), to: &bytes)
                } else {
                    IndianDigitGrouping.append(balance, to: &bytes)
                }
            }
        }
        if admit(15) { records.writer.field(k[15], instalmentFrequency) }
        if admit(16) { records.writer.stringField(k[16]) { if hasOverdueText { IndianDigitGrouping.append(overdue, to: &$0) } } }
        if admit(17) {
            records.writer.stringField(k[17]) {
                if groupedWriteOff { IndianDigitGrouping.append(writeOff, to: &$0) } else { DigitWriter.append(writeOff, to: &$0) }
            }
        }
        if admit(18) {
            records.writer.field(k[18], (hasOverdue ? TopUpCatalog.overdueAssetClass : TopUpCatalog.assetClass).draw(&random))
        }
        TopUpBureauHistory.append(
            reported: reported, months: months, balance: balance, instalment: instalment, overdue: overdue,
            hasOverdue: hasOverdue, keys: Array(k[19...23]), dropout: dropout, random: &random, records: &records)
        if admit(24) { records.writer.stringField(k[24]) { if tenureKnown { DigitWriter.append(tenure, to: &$0) } } }
        records.finishRecord()
    }

    private static func date(_ key: JSONKey, _ date: CivilDate, _ records: inout RecordList, _ random: inout SeededRandom) {
        records.writer.stringField(key) { DateRendering.append(date, badRate: 0.03, random: &random, to: &$0) }
    }
}
