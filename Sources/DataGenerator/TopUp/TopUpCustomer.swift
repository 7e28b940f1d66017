#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One generated loan customer: the latent facts their bureau records depend on, and the
/// customer record itself.
///
/// The top-up label follows a logistic model of the features the pipeline sees: top-ups are
/// more likely for long tenures, low LTV, high income and monthly instalments, and less likely
/// for a high latent delinquency risk, which also drives the overdue amounts and written-off
/// accounts of the customer's bureau records. About one customer in four takes a top-up.
struct TopUpCustomer {
    let id: Int
    let kind: TopUpCatalog.AssetKind
    /// Latent delinquency risk in (0, 1).
    let risk: Double
    let tookTopUp: Bool

    private static let keys = TopUpCatalog.customerKeys
    private static let fieldDropout = FieldDropout(omit: 0.01, null: 0.01)
    private static let labelDropout = FieldDropout(omit: 0.003, null: 0.003)
    private static let firstDisbursal = CivilDate(year: 2011, month: 1, day: 1).days
    private static let lastDisbursal = CivilDate(year: 2018, month: 12, day: 31).days

    /// Draws a customer and appends their record (left open for `ts`) to `records`.
    init(id: Int, random: inout SeededRandom, records: inout RecordList) {
        self.id = id
        let (state, cities) = TopUpCatalog.states.draw(&random)
        let city = random.element(of: cities)
        kind = TopUpCatalog.assetKinds.draw(&random)
        let asset: Int
        let tenure: Int
        switch kind {
        case .twoWheeler:
            asset = random.int(in: 45_000..<150_001, step: 100)
            tenure = TopUpCatalog.twoWheelerTenures.draw(&random)
        case .car:
            asset = random.int(in: 300_000..<1_200_001, step: 500)
            tenure = TopUpCatalog.carTenures.draw(&random)
        case .tractor:
            asset = random.int(in: 400_000..<900_001, step: 500)
            tenure = TopUpCatalog.tractorTenures.draw(&random)
        }
        let ltvHundredths = Int(random.uniform(5000, 9500).rounded())
        let ltv = Double(ltvHundredths) / 100
        let financed = asset * ltvHundredths / 10_000
        let disbursed = financed > 5000 ? financed - random.int(in: 500..<3001, step: 100) : financed
        let rate = random.uniform(0.09, 0.22) / 12
        let emi = Int((Double(financed) * rate / (1 - pow(1 + rate, -Double(tenure)))).rounded())
        let age = Int(min(65, max(21, random.gaussian(mean: 36, deviation: 9))))
        let income = max(6000, Int((random.logNormal(mu: log(22_000), sigma: 0.55) / 100).rounded()) * 100)
        risk = random.beta(1.6, 4.5)
        let disbursal = CivilDate(days: Self.firstDisbursal + random.int(in: 0..<(Self.lastDisbursal - Self.firstDisbursal)))
        let frequency = TopUpCatalog.frequency.draw(&random)

        let logit = -2.25 + 0.07 * Double(tenure - 30) - 0.09 * (ltv - 72.5)
            + 1.9 * log(Double(income) / 22_000) - 3.0 * (risk - 0.26)
            + (frequency == "Monthly" ? 0.35 : -0.3) + random.gaussian(mean: 0, deviation: 0.3)
        tookTopUp = random.unit() < 1 / (1 + exp(-logit))
        var label = TopUpCatalog.noTopUp
        if tookTopUp {
            label = TopUpCatalog.topUpBuckets.draw(&random)
            if tenure <= 24, label == "36-48 Months" || label == " > 48 Months" { label = "18-24 Months" }
        }
        // A few odd-but-parseable values.
        let tenureSuffix = random.chance(0.01) ? ".0" : ""
        let assetMissing = random.chance(0.005)
        let agePrefix = random.chance(0.005) ? " " : ""

        let k = Self.keys
        let drop = Self.fieldDropout
        let branch = random.int(in: 1..<400)
        let financedDecimal = random.chance(0.5)
        let disbursedDecimal = random.chance(0.5)
        let emiDecimal = random.chance(0.7)
        let dates = [disbursal, disbursal.adding(months: tenure), CivilDate(days: disbursal.days - random.int(in: 0..<11))]
        let assetID = random.int(in: 1000..<99_999)
        let supplier = random.int(in: 10_000..<25_000)
        let incomeDecimal = random.chance(0.6)
        let zipSuffix = random.int(in: 0..<100)

        records.beginRecord()
        records.writer.stringField(k[0]) { DigitWriter.append(id, to: &$0) }
        let texts: [(Int, String)] = [
            (1, frequency), (2, TopUpCatalog.instalmentMode.draw(&random)), (3, TopUpCatalog.loanStatus.draw(&random)),
            (4, TopUpCatalog.paymentMode.draw(&random)), (5, String(branch)), (6, city.area), (7, "\(tenure)\(tenureSuffix)"),
            (8, assetMissing ? "NA" : String(asset)), (9, financedDecimal ? "\(financed).0" : String(financed)),
            (10, disbursedDecimal ? "\(disbursed).0" : String(disbursed)), (11, emiDecimal ? "\(emi).0" : String(emi)),
        ]
        for (index, text) in texts where drop.admit(k[index], &records.writer, &random) {
            records.writer.field(k[index], text)
        }
        for (offset, date) in dates.enumerated() where drop.admit(k[12 + offset], &records.writer, &random) {
            records.writer.stringField(k[12 + offset]) { DateRendering.append(date, badRate: 0.02, random: &random, to: &$0) }
        }
        let more: [(Int, String)] = [
            (15, String(assetID)), (16, TopUpCatalog.manufacturer.draw(&random)), (17, String(supplier)),
            (18, Self.hundredths(ltvHundredths)), (19, TopUpCatalog.sex.draw(&random)), (20, "\(agePrefix)\(age)"),
            (21, incomeDecimal ? "\(income).0" : String(income)), (22, city.name), (23, state),
            (24, city.zipPrefix + Self.padded(zipSuffix, width: 3)),
        ]
        for (index, text) in more where drop.admit(k[index], &records.writer, &random) {
            records.writer.field(k[index], text)
        }
        if Self.labelDropout.admit(k[25], &records.writer, &random) { records.writer.field(k[25], label) }
        records.finishRecord()
    }

    private static func hundredths(_ value: Int) -> String {
        var bytes: [UInt8] = []
        DigitWriter.appendHundredths(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func padded(_ value: Int, width: Int) -> String {
        var bytes: [UInt8] = []
        DigitWriter.append(value, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
