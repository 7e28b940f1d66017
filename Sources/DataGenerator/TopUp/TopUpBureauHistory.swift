/// The five monthly-history columns of a bureau record, newest month first: reporting dates
/// (month ends, `yyyyMMdd`), days past due (`000`, `030`, …), balances, overdue amounts and
/// amounts paid. All but days-past-due end in a trailing comma, as the bureau's extract does.
enum TopUpBureauHistory {
    /// Appends the history fields (`keys`: REPORTED DATE, DPD, CUR BAL, AMT OVERDUE, AMT PAID).
    static func append(
        reported: CivilDate, months: Int, balance: Int, instalment: Int, overdue: Int, hasOverdue: Bool,
        keys: [JSONKey], dropout: FieldDropout, random: inout SeededRandom, records: inout RecordList
    ) {
        if dropout.admit(keys[0], &records.writer, &random) {
            records.writer.stringField(keys[0]) { bytes in
                var year = reported.year
                var month = reported.month
                for _ in 0..<months {
                    DigitWriter.append(year, width: 4, to: &bytes)
                    DigitWriter.append(month, width: 2, to: &bytes)
                    DigitWriter.append(CivilDate.daysIn(year: year, month: month), width: 2, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                    month -= 1
                    if month == 0 {
                        month = 12
                        year -= 1
                    }
                }
            }
        }
        let pastDue = [0, 0, 0, 0, 30, 60, 90]
        if dropout.admit(keys[1], &records.writer, &random) {
            records.writer.stringField(keys[1]) { bytes in
                for month in 0..<months {
                    if month > 0 { bytes.append(UInt8(ascii: ",")) }
                    DigitWriter.append(hasOverdue ? random.element(of: pastDue) : 0, width: 3, to: &bytes)
                }
            }
        }
        if dropout.admit(keys[2], &records.writer, &random) {
            records.writer.stringField(keys[2]) { bytes in
                for month in 0..<months {
                    let paidSince = Int(Double(instalment * month) * random.uniform(0.8, 1.0))
                    DigitWriter.append(max(0, balance + paidSince), to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                }
            }
        }
        if dropout.admit(keys[3], &records.writer, &random) {
            records.writer.stringField(keys[3]) { bytes in
                for _ in 0..<months {
                    DigitWriter.append(random.int(in: 0..<4) == 3 ? overdue : 0, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                }
            }
        }
        if dropout.admit(keys[4], &records.writer, &random) {
            records.writer.stringField(keys[4]) { bytes in
                for _ in 0..<months {
                    DigitWriter.append(random.chance(0.9) ? instalment : 0, to: &bytes)
                    bytes.append(UInt8(ascii: ","))
                }
            }
        }
    }
}
